// The Azure templates: they parse, the web app's settings are exactly the service's configuration
// (read from the zod schema, not from a copied list), secrets come from Key Vault, and the Bicep
// and the ARM JSON describe the same deployment.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ZodObject, ZodRawShape } from 'zod';
import { configSchema } from '../../src/config.js';
import { projectRoot } from '../../src/paths.js';
import { bicepAppSettings, bicepLiteral, outlineBicep, type BicepOutline } from './bicepOutline.js';

const dir = path.join(projectRoot, 'deploymentTemplates');
const read = (name: string) => readFileSync(path.join(dir, name), 'utf8');

interface ArmParameter {
  type: string;
  defaultValue?: unknown;
  allowedValues?: unknown[];
  minLength?: number;
  maxLength?: number;
  minValue?: number;
  maxValue?: number;
  metadata?: { description?: string };
}
interface ArmResource {
  type: string;
  apiVersion: string;
  name: string;
  condition?: string;
  properties?: Record<string, unknown>;
  sku?: Record<string, unknown>;
  kind?: string;
  [key: string]: unknown;
}
interface ArmTemplate {
  $schema: string;
  contentVersion: string;
  parameters: Record<string, ArmParameter>;
  variables: Record<string, unknown>;
  resources: ArmResource[];
  outputs: Record<string, { type: string; value: string }>;
}

/** Settings the platform reads, not the service: each is here for a stated reason. */
const PLATFORM_SETTINGS: Record<string, string> = {
  APPLICATIONINSIGHTS_CONNECTION_STRING: 'the App Service Application Insights agent sends telemetry here',
  ApplicationInsightsAgent_EXTENSION_VERSION: 'switches the Node.js agent on for Linux web apps',
  SCM_DO_BUILD_DURING_DEPLOYMENT: 'zip deploy runs npm install and npm run build on the server',
};

/** Configuration variables that hold secrets: these must come from Key Vault, and only these. */
const SECRET_SETTINGS = [
  'AZURE_STORAGE_CONNECTION_STRING',
  'MicrosoftAppPassword',
  'DIRECT_LINE_SECRET',
  'STAFF_TOKEN',
];

function configKeys(): string[] {
  const inner = (configSchema as unknown as { innerType(): ZodObject<ZodRawShape> }).innerType();
  return Object.keys(inner.shape);
}

const arm = JSON.parse(read('azuredeploy.json')) as ArmTemplate;
const bicep: BicepOutline = outlineBicep(read('main.bicep'));

const armSite = () => arm.resources.find((r) => r.type === 'Microsoft.Web/sites')!;
const armSettings = (): [string, string][] => {
  const siteConfig = armSite().properties!.siteConfig as { appSettings: { name: string; value: string }[] };
  return siteConfig.appSettings.map((s) => [s.name, s.value]);
};
const bicepSite = () => bicep.resources.find((r) => r.type === 'Microsoft.Web/sites')!;
const bicepSettings = () => bicepAppSettings(bicepSite().body);

/** Checks that brackets, parentheses and quotes of an ARM expression balance. */
function assertBalanced(expression: string, where: string): void {
  let depth = 0;
  let quoted = false;
  for (let i = 1; i < expression.length - 1; i++) {
    const c = expression[i];
    if (c === "'") {
      if (quoted && expression[i + 1] === "'") i++;
      else quoted = !quoted;
    } else if (!quoted && (c === '(' || c === '[')) depth++;
    else if (!quoted && (c === ')' || c === ']')) depth--;
    assert.ok(depth >= 0, `${where}: unbalanced expression ${expression}`);
  }
  assert.equal(depth, 0, `${where}: unbalanced expression ${expression}`);
  assert.equal(quoted, false, `${where}: unclosed quote in ${expression}`);
}

function walkStrings(value: unknown, where: string, visit: (s: string, where: string) => void): void {
  if (typeof value === 'string') visit(value, where);
  else if (Array.isArray(value)) value.forEach((v, i) => walkStrings(v, `${where}[${i}]`, visit));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      visit(k, `${where} (key)`);
      walkStrings(v, `${where}.${k}`, visit);
    }
}

describe('deployment templates', () => {
  describe('parse', () => {
    it('ARM JSON: a deployment template whose expressions balance and name only declared parameters and variables', () => {
      assert.match(arm.$schema, /deploymentTemplate\.json#$/);
      assert.equal(arm.contentVersion, '1.0.0.0');
      assert.ok(arm.resources.length > 0);
      for (const r of arm.resources) {
        assert.ok(
          r.type && r.apiVersion && r.name,
          `resource without type, apiVersion or name: ${JSON.stringify(r)}`,
        );
      }
      walkStrings(arm, 'azuredeploy.json', (s, where) => {
        if (!s.startsWith('[') || s.startsWith('[[')) return;
        assert.ok(s.endsWith(']'), `${where}: expression does not end with ]`);
        assertBalanced(s, where);
        for (const m of s.matchAll(/parameters\('(\w+)'\)/g))
          assert.ok(m[1] in arm.parameters, `${where}: unknown parameter ${m[1]}`);
        for (const m of s.matchAll(/variables\('(\w+)'\)/g))
          assert.ok(m[1] in arm.variables, `${where}: unknown variable ${m[1]}`);
      });
    });

    it('ARM JSON: dependsOn names only resources the template declares', () => {
      const declared = new Set(arm.resources.map((r) => r.type));
      for (const r of arm.resources) {
        for (const dep of (r.dependsOn as string[] | undefined) ?? []) {
          const m = dep.startsWith('[extensionResourceId(')
            ? /\), '(Microsoft\.[^']+)', /.exec(dep)
            : /^\[resourceId\('([^']+)'/.exec(dep);
          assert.ok(m, `${r.type}: cannot read dependsOn ${dep}`);
          const named = m[1];
          assert.ok(
            declared.has(named),
            `${r.type} depends on ${named}, which the template does not declare`,
          );
        }
      }
    });

    it('Bicep: parameters, resources and outputs read, each child names a declared parent', () => {
      assert.ok(bicep.params.length > 0 && bicep.resources.length > 0 && bicep.outputs.length > 0);
      const symbols = new Set(bicep.resources.map((r) => r.symbol));
      for (const r of bicep.resources) {
        const parent = /^ {2}parent: (\w+)$/m.exec(r.body)?.[1];
        const slashes = r.type.split('/').length - 2;
        if (slashes > 0)
          assert.ok(parent && symbols.has(parent), `${r.symbol}: child resource without a declared parent`);
        assert.match(r.body, /^ {2}name: .+$/m, `${r.symbol} has no name`);
      }
      const text = read('main.bicep');
      for (const p of bicep.params) {
        assert.ok(
          new RegExp(`\\b${p.name}\\b`).test(text.split(`param ${p.name} `)[1] ?? ''),
          `param ${p.name} is never used`,
        );
      }
    });
  });

  describe('app settings and the configuration schema', () => {
    for (const [label, settings] of [
      ['ARM JSON', armSettings],
      ['Bicep', bicepSettings],
    ] as const) {
      it(`${label}: every configuration variable is an app setting, and every other setting is a platform one`, () => {
        const names = settings().map(([name]) => name);
        assert.equal(new Set(names).size, names.length, 'an app setting is repeated');
        const keys = configKeys();
        const missing = keys.filter((k) => !names.includes(k));
        assert.deepEqual(
          missing,
          [],
          `configuration variables without an app setting: ${missing.join(', ')}`,
        );
        const unknown = names.filter((n) => !keys.includes(n) && !(n in PLATFORM_SETTINGS));
        assert.deepEqual(
          unknown,
          [],
          `app settings that are not configuration variables: ${unknown.join(', ')}`,
        );
        for (const platform of Object.keys(PLATFORM_SETTINGS)) {
          assert.ok(!keys.includes(platform), `${platform} is in the schema: drop it from PLATFORM_SETTINGS`);
        }
      });

      it(`${label}: secrets are Key Vault references to secrets the template creates, and nothing else is`, () => {
        const text = label === 'Bicep' ? read('main.bicep') : read('azuredeploy.json');
        const secretsCreated = new Set(
          label === 'Bicep'
            ? bicep.resources
                .filter((r) => r.type === 'Microsoft.KeyVault/vaults/secrets')
                .map((r) => bicepLiteral(/^ {2}name: (.+)$/m.exec(r.body)![1]))
            : arm.resources
                .filter((r) => r.type === 'Microsoft.KeyVault/vaults/secrets')
                .map((r) => /, '([a-z-]+)'\)\]$/.exec(r.name)![1]),
        );
        for (const [name, value] of settings()) {
          const isReference = value.includes('@Microsoft.KeyVault(');
          assert.equal(
            isReference,
            SECRET_SETTINGS.includes(name),
            `${name}: Key Vault reference expected only for secrets`,
          );
          if (!isReference) continue;
          // The secret is named literally, or through a secret resource's name.
          const literal = /SecretName=([a-z-]+)\)/.exec(value)?.[1];
          const viaResource = /SecretName=\$\{(\w+)\.name\}/.exec(value)?.[1];
          const armArg = /SecretName=\{1\}\)', variables\('vaultName'\), '([a-z-]+)'\)/.exec(value)?.[1];
          const secret =
            literal ??
            armArg ??
            (viaResource &&
              bicepLiteral(
                /^ {2}name: (.+)$/m.exec(bicep.resources.find((r) => r.symbol === viaResource)!.body)![1],
              ));
          assert.ok(
            secret && secretsCreated.has(secret as string),
            `${name}: Key Vault secret "${secret}" is not created`,
          );
        }
        assert.ok(!/AccountKey=[A-Za-z0-9+/]{20,}/.test(text), 'a storage key is written into the template');
      });
    }

    it('the Bicep and the ARM JSON set the same settings to the same constants', () => {
      const b = bicepSettings();
      const a = armSettings();
      assert.deepEqual(
        b.map(([n]) => n),
        a.map(([n]) => n),
      );
      for (const [i, [name, value]] of b.entries()) {
        const constant = bicepLiteral(value);
        if (constant !== undefined) assert.equal(a[i][1], String(constant), `${name} differs`);
        else assert.ok(a[i][1].startsWith('['), `${name}: an expression in Bicep but a constant in ARM JSON`);
      }
    });
  });

  describe('Bicep and ARM JSON agree', () => {
    it('on parameters: names, types, defaults, allowed values and limits', () => {
      assert.deepEqual(
        bicep.params.map((p) => p.name),
        Object.keys(arm.parameters),
      );
      for (const p of bicep.params) {
        const a = arm.parameters[p.name];
        const type = p.secure ? `secure${p.type}` : p.type;
        assert.equal(a.type, type, `${p.name}: type`);
        if (p.defaultValue === undefined)
          assert.ok(!('defaultValue' in a), `${p.name}: default only in ARM JSON`);
        else {
          const literal = bicepLiteral(p.defaultValue);
          if (literal !== undefined) assert.deepEqual(a.defaultValue, literal, `${p.name}: default`);
          else assert.equal(a.defaultValue, `[${p.defaultValue}]`, `${p.name}: default expression`);
        }
        assert.deepEqual(a.allowedValues, p.allowed, `${p.name}: allowed values`);
        for (const limit of ['minLength', 'maxLength', 'minValue', 'maxValue'] as const)
          assert.equal(a[limit], p[limit], `${p.name}: ${limit}`);
        assert.equal(a.metadata?.description, p.description, `${p.name}: description`);
      }
    });

    it('on resources: the same types and API versions, in order, conditional in both or neither', () => {
      assert.deepEqual(
        bicep.resources.map((r) => `${r.type}@${r.apiVersion}${r.condition ? ' (conditional)' : ''}`),
        arm.resources.map((r) => `${r.type}@${r.apiVersion}${r.condition ? ' (conditional)' : ''}`),
      );
    });

    it('on variables and outputs', () => {
      assert.deepEqual(bicep.variables, Object.keys(arm.variables));
      assert.deepEqual(
        bicep.outputs,
        Object.entries(arm.outputs).map(([name, o]) => ({ name, type: o.type })),
      );
    });
  });

  describe('what the deployment must be', () => {
    const find = (type: string) => arm.resources.filter((r) => r.type === type);

    it('a Linux web app on Node 22 LTS, several instances, session affinity, HTTPS only', () => {
      const site = armSite();
      const config = site.properties!.siteConfig as Record<string, unknown>;
      assert.equal(site.kind, 'app,linux');
      assert.equal(config.linuxFxVersion, 'NODE|22-lts');
      assert.equal(site.properties!.httpsOnly, true);
      assert.equal(site.properties!.clientAffinityEnabled, true);
      assert.equal(config.healthCheckPath, '/healthz');
      const [plan] = find('Microsoft.Web/serverfarms');
      assert.equal(plan.sku!.capacity, "[parameters('instanceCount')]");
      assert.ok(
        (arm.parameters.instanceCount.defaultValue as number) > 1,
        'more than one instance by default',
      );
      assert.equal(plan.properties!.reserved, true, 'a Linux plan');
      const settings = Object.fromEntries(armSettings());
      assert.equal(settings.STORAGE, 'blob', 'several instances need the blob store');
      for (const body of [bicepSite().body]) {
        assert.match(body, /linuxFxVersion: 'NODE\|22-lts'/);
        assert.match(body, /httpsOnly: true/);
        assert.match(body, /clientAffinityEnabled: true/);
      }
    });

    it('an Azure Bot that is single-tenant or uses a managed identity, never multi-tenant', () => {
      assert.deepEqual(arm.parameters.microsoftAppType.allowedValues, ['UserAssignedMSI', 'SingleTenant']);
      const [bot] = find('Microsoft.BotService/botServices');
      assert.equal(bot.kind, 'azurebot');
      assert.equal(bot.properties!.msaAppType, "[parameters('microsoftAppType')]");
      assert.equal(bot.properties!.endpoint, "[format('{0}/api/messages', variables('publicUrl'))]");
      assert.ok(
        !read('main.bicep').includes("'MultiTenant'") && !read('azuredeploy.json').includes('"MultiTenant"'),
      );
    });

    it('Direct Line (for the web page) and Microsoft Teams channels', () => {
      const channels = find('Microsoft.BotService/botServices/channels').map(
        (c) => (c.properties as { channelName: string }).channelName,
      );
      assert.deepEqual(channels.sort(), ['DirectLineChannel', 'MsTeamsChannel']);
    });

    it('a storage account with a private blob container, Key Vault with RBAC, Application Insights', () => {
      const [storage] = find('Microsoft.Storage/storageAccounts');
      assert.equal(storage.properties!.allowBlobPublicAccess, false);
      assert.equal(storage.properties!.minimumTlsVersion, 'TLS1_2');
      const [container] = find('Microsoft.Storage/storageAccounts/blobServices/containers');
      assert.equal(container.properties!.publicAccess, 'None');
      const [vault] = find('Microsoft.KeyVault/vaults');
      assert.equal(vault.properties!.enableRbacAuthorization, true);
      assert.equal(find('Microsoft.Insights/components').length, 1);
      assert.equal(find('Microsoft.Authorization/roleAssignments').length, 1, 'the app may read the vault');
      assert.equal(
        armSite().properties!.keyVaultReferenceIdentity,
        "[resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', format('{0}-id', parameters('namePrefix')))]",
      );
    });
  });

  describe('parameter files', () => {
    for (const file of ['azuredeploy.parameters.json', 'azuredeploy.parameters.singletenant.json']) {
      it(`${file}: only known parameters with allowed values; the rest have defaults or are given on the command line`, () => {
        const params = (JSON.parse(read(file)) as { parameters: Record<string, { value: unknown }> })
          .parameters;
        for (const [name, { value }] of Object.entries(params)) {
          const declared = arm.parameters[name];
          assert.ok(declared, `${file}: unknown parameter ${name}`);
          assert.ok(
            !declared.type.startsWith('secure'),
            `${file}: secret ${name} must not be kept in a file`,
          );
          if (declared.allowedValues)
            assert.ok(declared.allowedValues.includes(value), `${file}: ${name}=${value}`);
        }
        const needed = Object.entries(arm.parameters)
          .filter(([name, p]) => !('defaultValue' in p) && !(name in params))
          .map(([name]) => name);
        assert.deepEqual(needed, ['staffToken'], 'only the staff token is left for the command line');
        assert.match(read('README.md'), /staffToken=/, 'the readme shows how to pass it');
      });
    }
  });
});
