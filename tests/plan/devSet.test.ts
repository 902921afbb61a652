import assert from 'node:assert/strict';
import { knowledgeDir } from '../../src/paths.js';
import { loadDevSet, scoreDevSet, type DevSet } from '../../src/plan/devSet.js';
import { loadPlanGuide, type PlanGuide } from '../../src/plan/planGuide.js';

describe('plan search against the dev set (tests/plan/devset.yaml)', () => {
  let guide: PlanGuide;
  let devSet: DevSet;
  before(async () => {
    guide = await loadPlanGuide(knowledgeDir);
    devSet = await loadDevSet();
  });

  it('has at least 60 questions, each with the facts its answer must contain', () => {
    assert.ok(devSet.questions.length >= 60, `${devSet.questions.length} questions`);
    for (const { q, facts } of devSet.questions) assert.ok(facts.length > 0, q);
  });

  it('answers at least 90% of them with every fact', () => {
    const score = scoreDevSet(guide, devSet);
    assert.ok(
      score.answerRate >= 0.9,
      `answered ${score.answeredWithAllFacts}/${score.questions}; failures:\n${JSON.stringify(score.failures, null, 1)}`,
    );
  });

  it('says it does not know questions outside the plan, and offers the closest topics', () => {
    for (const q of devSet.outOfPlan) {
      const reply = guide.ask(q);
      assert.equal(reply.kind, 'unknown', `"${q}" should not be answered from the plan`);
      if (reply.kind === 'unknown') {
        assert.ok(reply.closest.length >= 2 && reply.closest.length <= 3, q);
        assert.ok(reply.closest.every((t) => t.id !== 'history'));
      }
    }
  });

  it('gives every answer a source line and two related topics', () => {
    for (const { q } of devSet.questions) {
      const reply = guide.ask(q);
      if (reply.kind !== 'answer') continue;
      const expected =
        reply.topic.id === 'history'
          ? /^Safer Kingston Partnership Plan 2008\/11 \(historical, out of date\), section ".+"$/
          : /^Safer Kingston Partnership Plan 2024-2029, section ".+"$/;
      assert.match(reply.source, expected, q);
      assert.equal(reply.related.length, 2, q);
      assert.ok(!reply.related.includes(reply.topic), q);
    }
  });

  it('answers nothing, and offers topics, when a message has no searchable words', () => {
    for (const q of ['', '???', 'tell me about it please']) {
      const reply = guide.ask(q);
      assert.equal(reply.kind, 'unknown', q);
      assert.ok(reply.kind === 'unknown' && reply.closest.length >= 2);
    }
  });
});
