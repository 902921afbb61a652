// The funnel counts: each journey records the questions it reached as ids, once per run of the
// journey (a question asked again after an unclear answer is not counted twice), and nothing typed.
import assert from 'node:assert/strict';
import { isoWeek } from '../../src/insights/isoWeek.js';
import { staffLabels } from '../../src/staff/staffLabels.js';
import { startJoinedChat } from '../resident/journeySteps.js';

/** Every step counted has a name for staff (knowledge/staffDashboard.yaml or its own content). */
function assertNamed(
  counts: Record<string, number>,
  bot: Awaited<ReturnType<typeof startJoinedChat>>['bot'],
) {
  const labels = staffLabels(bot.services.content);
  for (const name of Object.keys(counts).filter((k) => k.startsWith('journey_step|'))) {
    const step = name.split('|')[2]!;
    assert.notEqual(labels.step(step), step, `step "${step}" has no name for staff`);
  }
}

async function stepCounts(bot: Awaited<ReturnType<typeof startJoinedChat>>['bot']) {
  const [week] = await bot.services.insights.weeks([isoWeek(bot.services.now())]);
  return Object.fromEntries(
    Object.entries(week!.counts)
      .filter(([name]) => name.startsWith('journey_'))
      .map(([name, n]) => [name.replace(/\|test\|-$/, ''), n]),
  );
}

describe('insights: where people give up in a journey', () => {
  it('counts each question reached once per run, by id, and a new run again', async () => {
    const { bot, chat } = await startJoinedChat();
    try {
      await chat.send('Hate crime workshops');
      await chat.tap('Choose 1');
      await chat.type('Jolly Rancher Street'); // not a number: the places question is asked again
      await chat.type('loads and loads');
      await chat.type('1');
      await chat.type('cancel');
      await chat.send('Hate crime workshops');
      await chat.tap('Choose 2');
      const counts = await stepCounts(bot);
      assert.equal(counts['journey_started|workshop'], 2);
      assert.equal(counts['journey_step|workshop|workshop-session'], 2, 'one a run');
      assert.equal(counts['journey_step|workshop|workshop-seats'], 2, 'asked three times in the first run');
      assert.equal(counts['journey_step|workshop|workshop-consent'], 1);
      assert.equal(counts['journey_completed|workshop'], undefined);
      assertNamed(counts, bot);
      const kept = JSON.stringify(await bot.services.insights.weeks([isoWeek(bot.services.now())]));
      assert.doesNotMatch(kept, /Jolly|Rancher|loads/i, 'nothing typed is kept');
    } finally {
      await bot.close();
    }
  });

  it('names the report questions by their ids and ends the funnel at completed', async () => {
    const { bot, chat } = await startJoinedChat();
    try {
      await chat.send('Report something');
      await chat.tap('A hate crime or hate incident');
      const before = await stepCounts(bot);
      assert.equal(before['journey_step|report|report.start'], 1);
      const second = Object.keys(before).find((k) => k.startsWith('journey_step|report|report.hate'));
      assert.ok(second, `a second report question is counted: ${Object.keys(before).join(', ')}`);
      // "Did this help?" after the journey is not one of the journey's steps.
      assert.ok(!Object.keys(before).some((k) => k.includes('feedback')));
      assertNamed(before, bot);
    } finally {
      await bot.close();
    }
  });
});
