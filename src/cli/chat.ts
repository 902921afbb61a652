// `npm run chat`: talk to the bot from a terminal, through the same Direct Line the web page uses.
//   npm run chat                      talk to the service at http://localhost:$PORT (3978); if none is
//                                     running, start one inside this process (same settings as npm start)
//   npm run chat -- --url URL         talk to a service elsewhere
//   npm run chat -- --polling         use polling instead of the WebSocket stream
//   echo help | npm run chat          send each line of input, print the answers, then stop
// Type the number of a button to press it; /new starts again; /quit (or Ctrl+D) ends.
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { startApp } from '../app.js';
import { loadConfig } from '../config.js';
import { type ChatActivity, DirectLineChatClient } from './directLineClient.js';
import { type Choice, renderActivity } from './render.js';

interface Options {
  url: string;
  polling: boolean;
  /** True when the user named the service: then never start one of our own. */
  explicitUrl: boolean;
}

function parseArgs(argv: string[]): Options | undefined {
  const options: Options = {
    url: process.env.CHAT_URL ?? `http://localhost:${process.env.PORT ?? '3978'}`,
    polling: false,
    explicitUrl: process.env.CHAT_URL !== undefined,
  };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--url' && argv[i + 1]) {
      options.url = argv[++i] as string;
      options.explicitUrl = true;
    } else if (arg === '--polling') options.polling = true;
    else if (arg === '--help' || arg === '-h') return undefined;
    else {
      console.error(`Unknown option ${arg}. Try --help.`);
      process.exit(2);
    }
  }
  return options;
}

async function isUp(url: string): Promise<boolean> {
  try {
    await fetch(new URL('/api/directline/token', url), { method: 'HEAD', signal: AbortSignal.timeout(1500) });
    return true;
  } catch {
    return false;
  }
}

class Session {
  private choices: Choice[] = [];
  private lastBotAt = 0;
  private botCount = 0;
  client: DirectLineChatClient;

  constructor(private readonly options: Options) {
    this.client = this.newClient();
  }

  newClient(): DirectLineChatClient {
    return new DirectLineChatClient(this.options.url, (activity) => this.show(activity));
  }

  async restart(): Promise<void> {
    this.client.close();
    this.choices = [];
    this.client = this.newClient();
    await this.client.start({ webSocket: !this.options.polling });
  }

  /** Sends what the user typed: a button number picks that button, anything else is a message. */
  async say(line: string): Promise<void> {
    const number = /^\d+$/.test(line) ? Number(line) : NaN;
    const choice = this.choices[number - 1];
    await this.client.send(choice ? choice.activity : { type: 'message', text: line });
  }

  /** Waits until the bot has answered and then gone quiet (for piped input). */
  async settle(since: number, quietMs = 800, maxMs = 10000): Promise<void> {
    const start = Date.now();
    while (Date.now() - start < maxMs) {
      if (this.botCount > since && Date.now() - this.lastBotAt > quietMs) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  get answered(): number {
    return this.botCount;
  }

  private show(activity: ChatActivity): void {
    if (activity.from?.role === 'user' || activity.from?.id === this.client.userId) return;
    if (activity.type === 'typing') return;
    const { lines, choices } = renderActivity(activity);
    if (lines.length === 0 && choices.length === 0) return;
    this.botCount += 1;
    this.lastBotAt = Date.now();
    for (const line of lines) console.log(`bot> ${line.replace(/\n/g, '\n     ')}`);
    if (choices.length > 0) {
      this.choices = choices;
      choices.forEach((choice, index) => console.log(`     [${index + 1}] ${choice.title}`));
    }
  }
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  if (!options) {
    console.log('Usage: npm run chat [-- --url http://localhost:3978] [--polling]');
    return;
  }
  let stopApp: (() => Promise<void>) | undefined;
  if (!(await isUp(options.url))) {
    if (options.explicitUrl) {
      console.error(`No bot is answering at ${options.url}. Is it running?`);
      process.exit(1);
    }
    if (existsSync('.env')) process.loadEnvFile('.env');
    const app = await startApp(loadConfig());
    options.url = app.url;
    stopApp = () => app.close();
    console.log(`No bot was running, so one started inside this chat at ${app.url}.`);
  }
  const session = new Session(options);
  await session.client.start({ webSocket: !options.polling });

  if (!process.stdin.isTTY) {
    await session.settle(0);
    const lines = createInterface({ input: process.stdin });
    for await (const raw of lines) {
      const line = raw.trim();
      if (!line) continue;
      console.log(`you> ${line}`);
      const before = session.answered;
      await session.say(line);
      await session.settle(before);
    }
    session.client.close();
    await stopApp?.();
    return;
  }

  console.log(`Talking to ${options.url}. Type a message, a button number, /new or /quit.`);
  const rl = createInterface({ input: process.stdin, output: process.stdout, prompt: 'you> ' });
  rl.on('line', (raw) => {
    const line = raw.trim();
    const next = async (): Promise<void> => {
      if (line === '/quit') return void rl.close();
      if (line === '/new') await session.restart();
      else if (line) await session.say(line);
    };
    next()
      .catch((error: Error) => console.error(`Could not send that: ${error.message}`))
      .finally(() => rl.prompt());
  });
  rl.on('close', () => {
    session.client.close();
    void (stopApp ?? (() => Promise.resolve()))().finally(() => process.exit(0));
  });
  rl.prompt();
}

main().catch((error: Error) => {
  console.error(`The chat stopped: ${error.message}`);
  process.exit(1);
});
