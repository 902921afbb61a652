// Two bot processes, as two App Service instances, share one Azurite: a request made through one
// is accepted and relayed through the other (desk, request, thread and conversation state all in
// Blob storage).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { projectRoot } from '../../src/paths.js';
import { postActivity } from '../support/appHarness.js';
import { useAzurite } from '../support/azurite.js';
import { startStandInChannel, type PostedActivity } from './standInChannel.js';

const BOT = path.join(projectRoot, 'dist', 'tests', 'handoff', 'handoffBot.js');
const TEAM = '19:team-desk@thread.tacv2';
const DESK = '19:desk-channel@thread.tacv2';
const RESIDENT = 'resident-two-instances';

async function startBot(env: Record<string, string>) {
  const child = spawn(process.execPath, [BOT], {
    env: { PATH: process.env.PATH, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'error', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (line.startsWith('listening ')) resolve(line.slice('listening '.length));
    });
    void exited.then((code) => reject(new Error(`bot process exited (code ${code}): ${stderr}`)));
  });
  return {
    url,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

const textOf = (posts: PostedActivity[]) => posts.map((p) => p.body.text ?? '').join('\n');

describe('handoff: two bot processes sharing one Azurite', function () {
  this.timeout(90_000);
  const azurite = useAzurite('the two-instance hand-off test');

  it('a request made through one instance is accepted and relayed through the other', async () => {
    const channel = await startStandInChannel();
    const env = {
      STORAGE: 'blob',
      AZURE_STORAGE_CONNECTION_STRING: azurite().connectionString,
      AZURE_STORAGE_CONTAINER: `handoff-${randomUUID()}`,
      HANDOFF_TEAM_ID: TEAM,
    };
    const [a, b] = await Promise.all([startBot(env), startBot(env)]);
    let n = 0;
    const send = async (url: string, body: Record<string, unknown>) => {
      const res = await postActivity(url, {
        type: 'message',
        id: `t-${++n}`,
        serviceUrl: channel.url,
        recipient: { id: 'bot' },
        ...body,
      });
      assert.ok(res.status < 300, `answered ${res.status}`);
    };
    const resident = (url: string, text: string) =>
      send(url, {
        text,
        channelId: 'webchat',
        conversation: { id: RESIDENT },
        from: { id: 'resident-user' },
      });
    const staff = (url: string, text: string, conversationId = DESK, value?: unknown) =>
      send(url, {
        text,
        ...(value ? { value } : {}),
        channelId: 'msteams',
        conversation: { id: conversationId, conversationType: 'channel', isGroup: true },
        from: { id: 'staff-1', aadObjectId: 'staff-aad-1' },
        channelData: { team: { id: TEAM }, channel: { id: DESK } },
      });
    try {
      await staff(a.url, 'set desk');
      await staff(b.url, 'my name is Sam, Community Safety Team');
      await resident(a.url, 'can I talk to a real person');
      await resident(a.url, 'Yes, ask someone');
      const card = channel.posted.find((p) => p.body.attachments?.length);
      assert.ok(card, 'instance A posted the card to the desk set up through A');
      const thread = `${DESK};messageid=${card.id}`;
      const data = (card.body.attachments![0].content as { actions: { data: unknown }[] }).actions[0].data;

      await staff(b.url, '', thread, data);
      assert.match(textOf(channel.to(RESIDENT)), /Sam from the Community Safety Team is here/);
      await resident(b.url, 'it is about the noise at night');
      assert.match(textOf(channel.to(thread)), /Resident: it is about the noise at night/);
      await staff(a.url, 'Thanks, I can help with that.', thread);
      assert.match(textOf(channel.to(RESIDENT)), /Sam: Thanks, I can help with that\./);
      await resident(a.url, 'End chat with staff');
      assert.match(textOf(channel.to(thread)), /The resident has ended the chat/);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
      await channel.close();
    }
  });
});
