// A stand-in for the Bot Framework channels (Teams and web chat) the bot posts to: it answers
// POST /v3/conversations/:id/activities[/:replyToId] with a fresh activity id and keeps what came.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface PostedActivity {
  conversationId: string;
  id: string;
  body: {
    type?: string;
    name?: string;
    text?: string;
    value?: unknown;
    attachments?: { contentType?: string; content?: unknown }[];
    suggestedActions?: { actions?: { title?: string }[] };
  };
}

export async function startStandInChannel(onPost?: (posted: PostedActivity) => void) {
  const posted: PostedActivity[] = [];
  let next = 1000;
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    req.on('end', () => {
      const match = /^\/v3\/conversations\/([^/]+)\/activities(\/[^/]+)?$/.exec(req.url ?? '');
      const id = String(next++);
      if (req.method === 'POST' && match) {
        const post: PostedActivity = {
          conversationId: decodeURIComponent(match[1]),
          id,
          body: JSON.parse(raw) as PostedActivity['body'],
        };
        posted.push(post);
        onPost?.(post);
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    posted,
    /** What was posted to one conversation, oldest first. */
    to: (conversationId: string) => posted.filter((p) => p.conversationId === conversationId),
    clear: () => posted.splice(0, posted.length),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A message from staff in the desk channel's thread, as Teams sends it to /api/messages. */
export function deskActivity(message: {
  id: string;
  text: string;
  value?: unknown;
  serviceUrl: string;
  conversationId: string;
  team: string;
  desk: string;
  staff?: { id: string; aadObjectId: string };
}): Record<string, unknown> {
  return {
    type: 'message',
    id: message.id,
    text: message.text,
    ...(message.value ? { value: message.value } : {}),
    channelId: 'msteams',
    serviceUrl: message.serviceUrl,
    conversation: { id: message.conversationId, conversationType: 'channel', isGroup: true },
    from: message.staff ?? { id: 'staff-1', aadObjectId: 'staff-aad-1' },
    recipient: { id: 'bot' },
    channelData: { team: { id: message.team }, channel: { id: message.desk }, tenant: { id: 'tenant-1' } },
  };
}
