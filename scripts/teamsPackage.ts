// npm run teams:package: writes appPackage/build/safer-kingston-teams.zip (manifest + icons) for
// uploading to Teams. Fills the manifest from the environment: MicrosoftAppId (the bot), PUBLIC_URL
// (https address of this service), and TEAMS_APP_ID if the Teams app needs its own id (by default
// the bot's id). The filled manifest is checked against the official schema first.
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import yazl from 'yazl';
import {
  appPackageDir,
  fillManifest,
  readManifestTemplate,
  validateManifest,
} from '../src/teams/manifest.js';

async function main(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const botId = process.env.MicrosoftAppId?.trim() ?? '';
  const publicUrl = process.env.PUBLIC_URL?.trim() ?? '';
  if (!botId || !publicUrl) {
    throw new Error(
      'Set MicrosoftAppId (the Azure Bot app id) and PUBLIC_URL (https://...) to build the Teams app.',
    );
  }
  const manifest = fillManifest(await readManifestTemplate(), {
    botId,
    teamsAppId: process.env.TEAMS_APP_ID?.trim() || botId,
    publicUrl,
  });
  const problems = await validateManifest(manifest);
  if (problems.length > 0)
    throw new Error(`The manifest does not match the Teams schema:\n  ${problems.join('\n  ')}`);

  const outDir = path.join(appPackageDir, 'build');
  await mkdir(outDir, { recursive: true });
  const out = path.join(outDir, 'safer-kingston-teams.zip');
  const zip = new yazl.ZipFile();
  zip.addBuffer(Buffer.from(JSON.stringify(manifest, null, 2)), 'manifest.json');
  for (const icon of ['color.png', 'outline.png']) {
    zip.addBuffer(await readFile(path.join(appPackageDir, icon)), icon);
  }
  zip.end();
  await finished(zip.outputStream.pipe(createWriteStream(out)));
  console.log(
    `Wrote ${path.relative(process.cwd(), out)}: upload it in Teams (Apps > Manage your apps > Upload an app).`,
  );
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exitCode = 1;
});
