// Asks plan questions through the whole bot (understanding, routing, the plan journey, cards) on
// one channel, a fresh conversation per question, and scores the replies the way a person would
// read them: an in-plan question passes when every fact group is in the reply; an out-of-plan one
// when the reply declines (the plan's "does not say", or the out-of-scope answer) with no
// "Source:" line. Shared by bench:plan and the dev-set threshold tests.
import type { Content } from '../../src/content/content.js';
import { missingGroups, type PlanQuestion } from '../../src/plan/planQuestionSet.js';
import { allText, startTestBot } from './botHarness.js';

export interface PlanSetScore {
  questions: number;
  withEveryFact: number;
  answerRate: number;
  /** Answered with a "Source:" line but without every fact, or an out-of-plan question answered. */
  wrongAnswers: number;
  outOfPlan: number;
  declined: number;
  declineRate: number;
  failures: { q: string; why: string; got: string }[];
}

const round = (n: number) => Math.round(n * 1000) / 1000;

export async function scoreThroughBot(
  content: Content,
  channelId: string,
  questions: readonly PlanQuestion[],
): Promise<PlanSetScore> {
  const bot = await startTestBot({ services: { content }, channelId });
  const { sourcePrefix, notKnown } = content.plan.knowledge.wording;
  const declines = [notKnown, content.conversation.outOfScope.split('.')[0]].map((p) => p.toLowerCase());
  let withEveryFact = 0;
  let wrong = 0;
  let declined = 0;
  const failures: PlanSetScore['failures'] = [];
  try {
    for (const [i, question] of questions.entries()) {
      const who = { userId: `asker-${i}`, conversationId: `${channelId}-question-${i}` };
      const text = allText(await bot.say(question.q, who));
      const answered = text.includes(sourcePrefix);
      const got = text.split('\n').slice(0, 2).join(' | ').slice(0, 160);
      if (question.outOfPlan) {
        const lower = text.toLowerCase();
        if (!answered && declines.some((p) => lower.includes(p))) declined++;
        else failures.push({ q: question.q, why: answered ? 'answered' : 'not declined', got });
        if (answered) wrong++;
        continue;
      }
      const missing = missingGroups(text, question.facts ?? []);
      if (missing.length === 0) withEveryFact++;
      else {
        if (answered) wrong++;
        failures.push({ q: question.q, why: `missing ${JSON.stringify(missing)}`, got });
      }
    }
  } finally {
    await bot.close();
  }
  const inPlan = questions.filter((q) => !q.outOfPlan).length;
  const outOfPlan = questions.length - inPlan;
  return {
    questions: inPlan,
    withEveryFact,
    answerRate: round(withEveryFact / Math.max(1, inPlan)),
    wrongAnswers: wrong,
    outOfPlan,
    declined,
    declineRate: round(declined / Math.max(1, outOfPlan)),
    failures,
  };
}
