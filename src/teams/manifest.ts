// The Microsoft Teams app: appPackage/manifest.json is a template whose {{NAME}} tokens are filled
// from the configuration (bot id, public address); the result is checked against the official
// manifest schema shipped in @microsoft/app-manifest before it is zipped with the icons.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { projectRoot } from '../paths.js';

export const appPackageDir = path.join(projectRoot, 'appPackage');
export const MANIFEST_VERSION = '1.24';
export const manifestSchemaPath = path.join(
  projectRoot,
  'node_modules/@microsoft/app-manifest/build/json-schemas/teams',
  `v${MANIFEST_VERSION}`,
  'MicrosoftTeams.schema.json',
);

export interface ManifestValues {
  /** The Teams app id (a GUID); by default the bot's Microsoft App ID. */
  teamsAppId: string;
  botId: string;
  /** https://host, without a trailing slash. */
  publicUrl: string;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Fills the template's tokens; refuses values that would make a broken or unsafe manifest. */
export function fillManifest(template: string, values: ManifestValues): unknown {
  if (!GUID.test(values.teamsAppId)) throw new Error('The Teams app id must be a GUID.');
  if (!GUID.test(values.botId)) throw new Error('MicrosoftAppId must be a GUID.');
  const url = new URL(values.publicUrl);
  if (url.protocol !== 'https:') throw new Error('PUBLIC_URL must be an https:// address for Teams.');
  const tokens: Record<string, string> = {
    TEAMS_APP_ID: values.teamsAppId,
    BOT_ID: values.botId,
    PUBLIC_URL: url.origin,
    PUBLIC_HOST: url.host,
  };
  const filled = template.replace(/\{\{([A-Z_]+)\}\}/g, (whole, name: string) => {
    const value = tokens[name];
    if (value === undefined) throw new Error(`appPackage/manifest.json: unknown token ${whole}`);
    return value;
  });
  return JSON.parse(filled) as unknown;
}

export async function readManifestTemplate(): Promise<string> {
  return readFile(path.join(appPackageDir, 'manifest.json'), 'utf8');
}

// ajv-formats is CommonJS with a default export.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

/** Checks a manifest against the official schema; returns readable problems (none when valid). */
export async function validateManifest(manifest: unknown): Promise<string[]> {
  validator ??= compileSchema();
  const validate = await validator;
  if (validate(manifest)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is not valid'}`);
}

let validator: ReturnType<typeof compileSchema> | undefined;

async function compileSchema() {
  const schema = JSON.parse(await readFile(manifestSchemaPath, 'utf8')) as Record<string, unknown>;
  // The Teams schemas declare draft-04 but use later keywords (const); ajv 8 reads them as
  // draft-07 once the declaration is removed (they use no draft-04-only forms).
  delete schema.$schema;
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(schema);
}
