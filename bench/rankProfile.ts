// Ranks the functions in a V8 .cpuprofile (node --cpu-prof) by their own time, most first.
// Run: node dist/bench/rankProfile.js /tmp/profile/CPU.*.cpuprofile [how many, default 30]
import { readFile } from 'node:fs/promises';
import { z } from 'zod';

const profileSchema = z.object({
  nodes: z.array(
    z.object({
      id: z.number(),
      callFrame: z.object({ functionName: z.string(), url: z.string(), lineNumber: z.number() }),
    }),
  ),
  samples: z.array(z.number()),
  timeDeltas: z.array(z.number()),
});

const [file, top = '30'] = process.argv.slice(2);
if (!file) {
  console.error('Usage: node dist/bench/rankProfile.js <file.cpuprofile> [how many]');
  process.exit(2);
}
const profile = profileSchema.parse(JSON.parse(await readFile(file, 'utf8')));
const timeOf = new Map<number, number>();
profile.samples.forEach((id, i) => timeOf.set(id, (timeOf.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const byFunction = new Map<string, number>();
let total = 0;
for (const node of profile.nodes) {
  const time = timeOf.get(node.id) ?? 0;
  total += time;
  const { functionName, url, lineNumber } = node.callFrame;
  const where = url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/dist\//, 'dist/');
  const name = `${functionName || '(anonymous)'} ${where}:${lineNumber + 1}`;
  byFunction.set(name, (byFunction.get(name) ?? 0) + time);
}
for (const [name, time] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, Number(top)))
  console.log(`${((time / total) * 100).toFixed(1).padStart(5)}%  ${name}`);
