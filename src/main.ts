// Starts the service (loaded by index.ts once the runtime is tuned). Reads settings from the
// environment (and .env, if present).
import { existsSync } from 'node:fs';
import { startApp } from './app.js';
import { ConfigError, isLocalMode, loadConfig } from './config.js';
import { ContentError } from './content/contentError.js';
import { createLogger } from './logger.js';

async function main(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  if (isLocalMode(config)) {
    logger.warn('authentication_off', {
      reason: 'MicrosoftAppId is not set: /api/messages accepts unsigned requests. For local use only.',
    });
  }
  const app = await startApp(config, { logger });
  logger.info('ready', { url: app.url, storage: config.STORAGE });
  process.stderr.write(
    `\nSafer Kingston bot is running. Open ${app.url.replace('127.0.0.1', 'localhost')}/ to chat.\n\n`,
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('stopping', { signal });
    await app.close();
    logger.info('stopped');
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof ContentError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`The service could not start: ${(error as Error).stack ?? String(error)}\n`);
  }
  process.exit(1);
});
