// A bot process for the two-instance hand-off test: the real service (startApp) with its clock set
// to HANDOFF_TEST_NOW, so the desk's opening hours do not depend on when the test runs.
// Prints "listening <url>" once it answers; on SIGTERM closes (finishing every write) and exits.
import { startApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';

const fixed = new Date(process.env.HANDOFF_TEST_NOW ?? '2026-12-02T11:00:00Z');
const app = await startApp(loadConfig(process.env), { now: () => fixed });
process.stdout.write(`listening ${app.url}\n`);
process.once('SIGTERM', () => {
  void app.close().then(() => process.exit(0));
});
