// The safeguarding evaluation mid-journey, through the whole bot: each line of a set is sent in its
// own conversation after a journey has been opened (the journeys taken in turn, so every journey's
// first prompt meets every kind of line), and what the person saw first is read from the bot's
// reply: the full crisis reply, the short 999 line, or neither. The cold figures
// (`npm run safeguarding:eval`) read the decision alone; these show that the journey changes nothing.
//   npm run safeguarding:journeys                       dev.jsonl, heldout*.jsonl
//   npm run safeguarding:journeys -- FILE.jsonl         one file
// Prints the table per hazard and kind, every miss, then one JSON line of the overall figures.
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Activity } from 'botbuilder';
import { JOURNEY_ROUTES } from '../src/content/conversation.js';
import type { CrisisLevel } from '../src/understanding/crisisMatcher.js';
import { projectRoot } from '../src/paths.js';
import {
  evaluateSafeguarding,
  parseSafeguardingLines,
  type Decide,
} from '../src/understanding/safeguardingEval.js';
import { printSafeguardingReport } from '../src/cli/safeguardingReport.js';
import { startTestBot, textOf, type TestBot } from '../tests/support/botHarness.js';

/** What the person saw first in one turn's replies. */
function levelOf(bot: TestBot, replies: Partial<Activity>[]): CrisisLevel {
  const { safeguarding } = bot.services.content;
  const messages = replies.filter((a) => a.type === 'message').map(textOf);
  const first = messages[0] ?? '';
  if (first === safeguarding.possibleLine()) return 'possible';
  const asksIfSafe = messages.slice(1).some((m) => m.includes(safeguarding.text.question));
  if (/\b999\b/.test(first) && asksIfSafe) return 'certain';
  return /\b999\b/.test(first.split('\n')[0]) ? 'possible' : 'none';
}

function journeyDecider(bot: TestBot): { decide: Decide; positions: Record<string, number> } {
  let n = 0;
  const positions: Record<string, number> = {};
  const decide: Decide = async (turns) => {
    const route = JOURNEY_ROUTES[n % JOURNEY_ROUTES.length];
    const as = { userId: `person-${n}`, conversationId: `line-${n}` };
    n++;
    positions[route] = (positions[route] ?? 0) + 1;
    await bot.say({ text: '', value: { journey: route } }, as);
    const levels: CrisisLevel[] = [];
    for (const text of turns) levels.push(levelOf(bot, await bot.say(text, as)));
    return levels;
  };
  return { decide, positions };
}

async function setFiles(given: string[]): Promise<string[]> {
  if (given.length) return given;
  const dir = path.join(projectRoot, 'tests', 'safeguarding');
  const names = (await readdir(dir)).filter((f) => f === 'dev.jsonl' || /^heldout.*\.jsonl$/.test(f));
  return names.sort().map((f) => path.join(dir, f));
}

const files = await setFiles(process.argv.slice(2).filter((a) => !a.startsWith('--')));
const summary: Record<string, unknown> = { bench: 'safeguarding-journeys' };
for (const file of files) {
  const bot = await startTestBot({ channelId: 'webchat' });
  try {
    const { decide, positions } = journeyDecider(bot);
    const lines = parseSafeguardingLines(await readFile(file, 'utf8'), file);
    const report = await evaluateSafeguarding(lines, decide);
    printSafeguardingReport(`${path.basename(file)} (mid-journey)`, report);
    summary[path.basename(file, '.jsonl')] = {
      recall: report.crisis.overall.recall,
      full: report.crisis.overall.full,
      lowestHazardRecall: Math.min(...Object.values(report.crisis.byHazard).map((f) => f.recall ?? 0)),
      takeovers: report.negatives.overall.takeovers,
      shortLine: report.negatives.overall.shortLine,
      journeys: positions,
    };
  } finally {
    await bot.close();
  }
}
console.log(JSON.stringify(summary));
