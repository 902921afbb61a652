import assert from 'node:assert/strict';
import type { AdaptiveCard } from '../../src/cards/cards.js';
import { loadContent, type Content } from '../../src/content/content.js';
import { planActionSchema } from '../../src/plan/planActions.js';
import { cardMarkdown } from '../../src/plan/planCards.js';
import { PlanResponder } from '../../src/plan/planResponder.js';

/** Every Action.Submit data and ChoiceSet value a card can send back. */
function submissions(card: AdaptiveCard): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const choiceIds = card.body
    .filter((b) => b.type === 'Input.ChoiceSet')
    .flatMap((b) => (b.choices as { value: string }[]).map((c) => c.value));
  for (const action of card.actions ?? []) {
    const data = action.data as Record<string, unknown>;
    if (data.planAction === 'topic' || data.planAction === 'passage') {
      if ('id' in data) out.push(data);
      else for (const id of choiceIds) out.push({ ...data, id });
    } else out.push(data);
  }
  return out;
}

describe('plan cards', () => {
  let content: Content;
  let responder: PlanResponder;
  before(async () => {
    content = await loadContent();
    responder = new PlanResponder(content.plan);
  });

  it('are Adaptive Cards 1.5 with a text fallback and no more than six buttons, for every topic', () => {
    const cards = [
      responder.menu(),
      responder.priorities(),
      responder.themes(),
      responder.topics(),
      ...content.plan.topics.map((t) => responder.topic(t)),
    ];
    for (const card of cards) {
      assert.equal(card.version, '1.5');
      assert.ok(card.fallbackText.length > 20);
      assert.ok((card.actions ?? []).length <= 6, card.fallbackText.slice(0, 60));
    }
  });

  it('only send back buttons that lead somewhere in the plan', () => {
    const cards = [
      responder.menu(),
      responder.priorities(),
      responder.themes(),
      responder.topics(),
      ...content.plan.topics.map((t) => responder.topic(t)),
    ];
    let checked = 0;
    for (const card of cards) {
      for (const data of submissions(card)) {
        assert.equal(data.journey, 'themes');
        const action = planActionSchema.parse(data);
        assert.ok(responder.act(action), JSON.stringify(data));
        checked++;
      }
    }
    assert.ok(checked > 100, `${checked} buttons checked`);
  });

  it('separate a sentence from the list after it, and keep list items together', () => {
    assert.equal(
      cardMarkdown('Intro:\n- a\n- b\n\nNext\n1. x\n2. y'),
      'Intro:\n\n- a\n- b\n\nNext\n\n1. x\n2. y',
    );
  });
});
