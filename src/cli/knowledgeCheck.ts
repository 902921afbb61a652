// `npm run knowledge:check`: validates everything in knowledge/ the way start-up does, then lists
// entries whose reviewed date is more than 12 months old and other things editors should look at.
// Usage: node dist/src/cli/knowledgeCheck.js [--dir <knowledge dir>] [--today YYYY-MM-DD] [--months N]
import { parseArgs } from 'node:util';
import { loadContent } from '../content/content.js';
import { ContentError } from '../content/contentError.js';
import { residentContentWarnings } from '../content/residentChecks.js';
import { findStaleEntries, monthsBefore } from '../content/staleEntries.js';
import { knowledgeDir } from '../paths.js';
import { headingWarnings } from '../plan/headingCheck.js';
import { loadTrainingSet } from '../understanding/trainingData.js';

const { values } = parseArgs({
  options: {
    dir: { type: 'string' },
    today: { type: 'string' },
    months: { type: 'string', default: '12' },
  },
});

const now = values.today ? new Date(`${values.today}T12:00:00Z`) : new Date();
const months = Number(values.months);
if (Number.isNaN(now.getTime()) || !Number.isInteger(months) || months < 1) {
  console.error('Usage: knowledge:check [--dir <knowledge dir>] [--today YYYY-MM-DD] [--months N]');
  process.exit(2);
}

try {
  const content = await loadContent(values.dir);
  const training = await loadTrainingSet(values.dir ?? knowledgeDir);
  console.log(`Content is valid (${training.examples.length} understanding examples).`);

  const unconfirmed = content.services.all.filter((s) => s.unconfirmed);
  if (unconfirmed.length) {
    console.log(`\n${unconfirmed.length} service(s) flagged unconfirmed (not shown to residents):`);
    for (const s of unconfirmed) console.log(`  - services "${s.id}": ${s.unconfirmed}`);
  }
  const unchecked = content.postcodes.filter((p) => p.unconfirmed);
  if (unchecked.length)
    console.log(
      `\n${unchecked.length} of ${content.postcodes.length} postcodes.yaml entries flagged unconfirmed (their wards are offered as a choice, never as fact).`,
    );
  const warnings = [...residentContentWarnings(content), ...headingWarnings(content.plan.topics)];
  if (warnings.length) {
    console.log('\nWarnings:');
    for (const w of warnings) console.log(`  - ${w}`);
  }

  const stale = findStaleEntries(content, now, months);
  if (stale.length) {
    console.log(
      `\n${stale.length} entr${stale.length === 1 ? 'y was' : 'ies were'} last reviewed before ${monthsBefore(now, months)} (over ${months} months ago):`,
    );
    for (const s of stale)
      console.log(`  - ${s.part}${s.entry ? ` entry ${s.entry}` : ''}: reviewed ${s.reviewed}`);
  } else {
    console.log(`\nNo entries were last reviewed more than ${months} months ago.`);
  }
} catch (error) {
  if (error instanceof ContentError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
