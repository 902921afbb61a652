// Imported before `natural` so that dotenv, which natural loads, does not print to stdout.
process.env.DOTENV_CONFIG_QUIET ??= 'true';
export {};
