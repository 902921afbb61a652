// The Teams app package: the manifest template, filled from the configuration, validates against
// the official schema; the icons have the sizes Teams asks for; the commands open their journeys.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PNG } from 'pngjs';
import { isoWeek } from '../../src/insights/isoWeek.js';
import {
  appPackageDir,
  fillManifest,
  MANIFEST_VERSION,
  readManifestTemplate,
  validateManifest,
} from '../../src/teams/manifest.js';
import { startTestBot } from '../support/botHarness.js';

const VALUES = {
  teamsAppId: '11111111-2222-3333-4444-555555555555',
  botId: '66666666-7777-8888-9999-000000000000',
  publicUrl: 'https://safer-kingston.example.org',
};

interface Manifest {
  manifestVersion: string;
  id: string;
  validDomains: string[];
  bots: { botId: string; scopes: string[]; commandLists: { commands: { title: string }[] }[] }[];
  staticTabs: { entityId: string; contentUrl?: string; scopes: string[] }[];
}

describe('the Teams app manifest', () => {
  let manifest: Manifest;
  before(async () => {
    manifest = fillManifest(await readManifestTemplate(), VALUES) as Manifest;
  });

  it(`validates against the official schema v${MANIFEST_VERSION} (1.22 or later)`, async () => {
    assert.ok(Number(MANIFEST_VERSION.split('.')[1]) >= 22);
    assert.equal(manifest.manifestVersion, MANIFEST_VERSION);
    assert.deepEqual(await validateManifest(manifest), []);
  });

  it('the schema check catches a broken manifest', async () => {
    const broken = structuredClone(manifest) as unknown as Record<string, unknown>;
    delete broken.icons;
    (broken.bots as { scopes: string[] }[])[0]!.scopes = ['everywhere'];
    const problems = await validateManifest(broken);
    assert.ok(
      problems.some((p) => p.includes('icons')),
      problems.join('; '),
    );
    assert.ok(
      problems.some((p) => p.startsWith('/bots/0/scopes/0')),
      problems.join('; '),
    );
  });

  it('takes ids and addresses from the configuration', () => {
    assert.equal(manifest.id, VALUES.teamsAppId);
    assert.equal(manifest.bots[0]!.botId, VALUES.botId);
    assert.deepEqual(manifest.bots[0]!.scopes.sort(), ['personal', 'team']);
    assert.deepEqual(manifest.validDomains, ['safer-kingston.example.org']);
    const home = manifest.staticTabs.find((t) => t.entityId === 'home');
    assert.equal(home?.contentUrl, `${VALUES.publicUrl}/teams-tab.html`);
    assert.deepEqual(home?.scopes, ['personal']);
    assert.throws(() => fillManifest('{}', { ...VALUES, publicUrl: 'http://insecure.example.org' }), /https/);
    assert.throws(() => fillManifest('{}', { ...VALUES, botId: 'not-a-guid' }), /GUID/);
  });

  it('has a colour icon of 192x192 and a white outline icon of 32x32 on transparent', async () => {
    const colour = PNG.sync.read(await readFile(path.join(appPackageDir, 'color.png')));
    assert.deepEqual([colour.width, colour.height], [192, 192]);
    const outline = PNG.sync.read(await readFile(path.join(appPackageDir, 'outline.png')));
    assert.deepEqual([outline.width, outline.height], [32, 32]);
    let transparent = 0;
    for (let i = 0; i < outline.data.length; i += 4) {
      const [r, g, b, a] = outline.data.subarray(i, i + 4);
      if (a === 0) transparent += 1;
      else assert.ok(r === 255 && g === 255 && b === 255, 'every visible pixel is white');
    }
    assert.ok(transparent > 32 * 32 * 0.5, 'mostly transparent');
  });

  it('each command in the command list opens a journey or answers (typed as in Teams)', async () => {
    const bot = await startTestBot({ channelId: 'msteams' });
    try {
      const expected: Record<string, string | undefined> = {
        'partnership plan': 'themes',
        'book a workshop': 'workshop',
        'report something': 'report',
        'find support': 'support',
        help: undefined,
      };
      for (const { title } of manifest.bots[0]!.commandLists[0]!.commands) {
        assert.ok(title in expected, `a test expectation for "${title}"`);
        await bot.say('start over');
        const replies = await bot.say(title);
        assert.ok(replies.length > 0, `"${title}" is answered`);
        const journey = expected[title];
        if (journey) {
          const [week] = await bot.services.insights.weeks([isoWeek(bot.services.now())]);
          assert.ok(
            Object.keys(week!.counts).some((k) => k.startsWith(`journey_started|${journey}|msteams`)),
            `"${title}" opens ${journey}`,
          );
        }
      }
      // In a team the bot is @mentioned before the command.
      await bot.say('start over');
      await bot.say({
        text: '<at>Safer Kingston</at> book a workshop',
        entities: [
          {
            type: 'mention',
            text: '<at>Safer Kingston</at>',
            mentioned: { id: 'bot', name: 'Safer Kingston' },
          },
        ],
        conversation: { id: 'team-1', isGroup: true, conversationType: 'channel', name: '' },
      });
      const [week] = await bot.services.insights.weeks([isoWeek(bot.services.now())]);
      assert.equal(week!.counts['journey_started|workshop|msteams|-'], 2);
    } finally {
      await bot.close();
    }
  });
});
