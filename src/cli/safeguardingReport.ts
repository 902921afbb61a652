// The safeguarding evaluation as a table a safeguarding lead can read: recall and full replies per
// hazard, takeovers and short lines per kind of hard negative, then every miss and false alarm.
import type { GroupFigures, SafeguardingReport } from '../understanding/safeguardingEval.js';

const pct = (n = 0) => `${(n * 100).toFixed(1)}%`.padStart(7);

export function printSafeguardingReport(setLabel: string, report: SafeguardingReport): void {
  const row = (label: string, f: GroupFigures) =>
    f.recall !== undefined
      ? `  ${label.padEnd(20)} ${String(f.lines).padStart(5)} ${pct(f.recall)} ${pct(f.full)}`
      : `  ${label.padEnd(20)} ${String(f.lines).padStart(5)} ${pct(f.takeovers)} ${pct(f.shortLine)}`;
  console.log(`\n== ${setLabel}`);
  console.log('Emergencies:          lines  999 first  full reply');
  for (const [hazard, f] of Object.entries(report.crisis.byHazard)) console.log(row(hazard, f));
  console.log(row('ALL', report.crisis.overall));
  console.log('Hard negatives:       lines  takeover  short line');
  for (const [kind, f] of Object.entries(report.negatives.byKind)) console.log(row(kind, f));
  console.log(row('ALL', report.negatives.overall));
  console.log('\nEmergencies without the full reply (got):');
  for (const m of report.misses) console.log(`  [${m.hazard} -> ${m.got}] line ${m.line}: ${m.text}`);
  console.log('\nNegatives with 999 (got):');
  for (const m of report.falseAlarms) console.log(`  [${m.kind} -> ${m.got}] line ${m.line}: ${m.text}`);
}
