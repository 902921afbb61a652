// A card's submissionKey (issue 17, finding 12): a repeat of the same submission gets the same
// reference, but the same key with another person's details (a copied or forged card) is a new
// submission and never returns the first person's booking reference.
import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { bookingActivity, knowledgeWithSessions } from '../../bench/support/bookingKnowledge.js';
import { postActivity, startTestApp, type TestApp } from '../support/appHarness.js';

const REFERENCE = /\b(?:HC|VI)-[A-Z0-9]{5}-[A-Z0-9]{5}\b/g;

describe('security: submission keys are scoped to the conversation and the details', () => {
  let app: TestApp;
  let knowledge: string;
  before(async () => {
    knowledge = await knowledgeWithSessions([{ id: 'idem', capacity: 20, maxSeatsPerBooking: 2 }]);
    app = await startTestApp({}, { knowledgeDir: knowledge });
  });
  after(async () => {
    await app.stop();
    await rm(knowledge, { recursive: true, force: true });
  });

  const referencesIn = async (activity: Record<string, unknown>) => {
    const res = await postActivity(app.url, activity);
    assert.equal(res.status, 200);
    return [...new Set(JSON.stringify(await res.json()).match(REFERENCE) ?? [])];
  };

  it('gives the same reference for a true repeat, and never the first reference to another person', async () => {
    const first = bookingActivity('idem', 'first');
    const [ref] = await referencesIn(first);
    assert.ok(ref, 'no reference in the confirmation');
    assert.deepEqual(await referencesIn(first), [ref], 'a repeat of the same submission');

    const value = first.value as Record<string, unknown>;
    const copied = bookingActivity('idem', 'second');
    const other = { ...copied, value: { ...value, name: 'Someone Else', email: 'someone.else@example.org' } };
    const refs = await referencesIn(other);
    assert.ok(!refs.includes(ref as string), `another person was given ${ref}`);

    const sameConversationOtherPerson = {
      ...first,
      value: { ...value, name: 'Third Person', email: 'third@example.org' },
    };
    assert.ok(!(await referencesIn(sameConversationOtherPerson)).includes(ref as string));
  });
});
