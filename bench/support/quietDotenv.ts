// Imported first by benchmarks: `natural` loads dotenv, which prints a banner to stdout unless told
// not to, and a benchmark's stdout must be its one JSON line.
process.env.DOTENV_CONFIG_QUIET ??= 'true';
export {};
