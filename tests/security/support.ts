// Helpers for the attack tests: raw sockets (for what fetch would hide), and a local-mode chat opened
// the way the web page opens it.
import { connect, type Socket } from 'node:net';

export interface RawOutcome {
  /** Everything the server sent. */
  text: string;
  /** Whether the server closed the connection within the wait. */
  closed: boolean;
}

/**
 * Sends `chunks` on one connection and waits up to `waitMs` for the server to close it. Nothing more
 * is sent, as a slow or stalled client would do.
 */
export async function rawExchange(
  url: string,
  chunks: (string | Buffer)[],
  waitMs: number,
): Promise<RawOutcome> {
  const { hostname, port } = new URL(url);
  const socket: Socket = connect(Number(port), hostname);
  let text = '';
  socket.on('data', (data: Buffer) => (text += data.toString('latin1')));
  socket.on('error', () => undefined);
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  for (const chunk of chunks) if (!socket.destroyed) socket.write(chunk);
  const closed = await new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), waitMs);
    socket.once('close', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
  socket.destroy();
  return { text, closed };
}

/** The header lines of the first response in a raw exchange, lower-cased names. */
export function headersOf(raw: string): Map<string, string[]> {
  const head = raw.split('\r\n\r\n')[0] ?? '';
  const headers = new Map<string, string[]>();
  for (const line of head.split('\r\n').slice(1)) {
    const at = line.indexOf(':');
    if (at < 0) continue;
    const name = line.slice(0, at).trim().toLowerCase();
    headers.set(name, [...(headers.get(name) ?? []), line.slice(at + 1).trim()]);
  }
  return headers;
}

export interface OpenedChat {
  token: string;
  conversationId: string;
  streamUrl: string;
  domain: string;
}

/** A chat as the web page opens it: a token from /api/directline/token, then the conversation. */
export async function openChat(url: string, headers: Record<string, string> = {}): Promise<OpenedChat> {
  const tokenResponse = await fetch(`${url}/api/directline/token`, { method: 'POST', headers });
  if (tokenResponse.status !== 200) throw new Error(`token: ${tokenResponse.status}`);
  const { token, domain } = (await tokenResponse.json()) as { token: string; domain: string };
  const started = await fetch(`${url}/v3/directline/conversations`, {
    method: 'POST',
    headers: { ...headers, authorization: `Bearer ${token}` },
  });
  if (started.status !== 201) throw new Error(`conversation: ${started.status}`);
  const body = (await started.json()) as { conversationId: string; token: string; streamUrl: string };
  return { token: body.token, conversationId: body.conversationId, streamUrl: body.streamUrl, domain };
}

/** Posts a message from the chat's user. */
export function say(url: string, chat: OpenedChat, text: string, headers: Record<string, string> = {}) {
  return fetch(`${url}/v3/directline/conversations/${chat.conversationId}/activities`, {
    method: 'POST',
    headers: { ...headers, authorization: `Bearer ${chat.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ type: 'message', text }),
  });
}

/** The texts in the chat so far (polling, as a client without WebSocket does). */
export async function texts(url: string, chat: OpenedChat): Promise<{ status: number; texts: string[] }> {
  const response = await fetch(`${url}/v3/directline/conversations/${chat.conversationId}/activities`, {
    headers: { authorization: `Bearer ${chat.token}` },
  });
  if (response.status !== 200) return { status: response.status, texts: [] };
  const set = (await response.json()) as { activities: { text?: string }[] };
  return { status: 200, texts: set.activities.map((a) => a.text ?? '') };
}

/** Waits until `test` holds, checking every 50 ms, for at most `ms`. */
export async function eventually(test: () => Promise<boolean>, ms = 5000): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await test()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return test();
}
