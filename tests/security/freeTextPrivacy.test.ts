// Free text kept for the staff insights keeps no names (issue 17, finding 4): names written to the bot
// in a feedback comment and in a question it could not answer are found nowhere in DATA_DIR, the
// rest of the words are kept, and the dashboard says the text is masked.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { knowledgeDir } from '../../src/paths.js';
import { loadFreeTextMasker, MASK } from '../../src/privacy/maskFreeText.js';
import { expectRepliesActivity, postActivity, startTestApp, type TestApp } from '../support/appHarness.js';
import { allFiles, filesContaining } from '../support/dataFiles.js';

const STAFF_TOKEN = 'a-staff-token-that-is-long-enough-222222';
const NAMES = /priya|zanzibar|oluwaseun|quixote/i;

describe('security: names in free text kept for insights', () => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp({ STAFF_TOKEN });
  });
  after(() => app.stop());

  const say = async (text: string) => {
    const res = await postActivity(app.url, expectRepliesActivity(text, 'names-in-free-text'));
    assert.equal(res.status, 200);
    return JSON.stringify(await res.json());
  };

  it('keeps a masked comment and question, and no name anywhere in DATA_DIR', async () => {
    await say('how do I report a crime anonymously');
    await say('no');
    assert.match(await say('no'), /What were you looking for/);
    assert.match(await say('Priya Zanzibar here, it was confusing'), /Thank you/);
    assert.match(await say('is oluwaseun quixote the ward councillor'), /Did you mean/);

    // What waits to be written together is written now, so the files below hold it.
    await app.services.insights.flush();
    assert.deepEqual(await filesContaining(app.dataDir, NAMES), []);
    const kept = [];
    for (const file of await allFiles(app.dataDir)) {
      if (file.includes('insights-weekly')) kept.push(await readFile(file, 'utf8'));
    }
    const text = kept.join('\n');
    assert.ok(text.includes(`${MASK} here, it was confusing`), text);
    assert.ok(text.includes(`is ${MASK} the ward councillor`), text);
  });

  it('says on the dashboard that questions and comments are masked', async () => {
    const page = await (
      await fetch(`${app.url}/staff`, { headers: { authorization: `Bearer ${STAFF_TOKEN}` } })
    ).text();
    assert.match(page, /any other word shows as \*\*\*/);
    assert.doesNotMatch(page, NAMES);
  });
});

describe('the free-text masker', () => {
  it('keeps the bot’s own words and common English, and masks the rest', async () => {
    const mask = await loadFreeTextMasker(knowledgeDir);
    assert.equal(mask('how do I join a ward panel in Tolworth?'), 'how do I join a ward panel in Tolworth?');
    assert.equal(mask('Priya Zanzibar here, it was confusing'), `${MASK} here, it was confusing`);
    assert.equal(
      mask('email jo@example.org about the Surbiton meeting'),
      'email [email] about the Surbiton meeting',
    );
  });
});
