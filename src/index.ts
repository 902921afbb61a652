// The service's entry point: `npm start`, or `node dist/src/index.js`. It tunes the runtime before
// any other code loads, then starts the service (main.ts).
import module from 'node:module';
import v8 from 'node:v8';

// Node 22 and later can keep compiled code between starts (in the system's temporary folder):
// start-up is mostly loading code. Node 20 has no such cache, and this line does nothing there.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();

// V8's default lets the heap grow to several times the live data between full collections, which
// suits big machines. Under load that made this service hold about 300 MB, most of it garbage not
// yet collected. Growing by half instead kept it near 185 MB with the same throughput (measured
// with npm run bench:messages). It is a growth rate, not a limit: the heap still grows as far as
// the data needs. NODE_OPTIONS can set it otherwise.
if (!/--heap-growing-percent/.test(process.env.NODE_OPTIONS ?? '')) {
  v8.setFlagsFromString('--heap-growing-percent=50');
}

await import('./main.js');
