// GET /api/tab-content: what the Teams tab shows, built from the content: the partnership plan's
// cross-cutting themes and the upcoming workshops for partner agencies, with where the chat opens.
import type { Request, Response, Server } from 'restify';
import type { BotServices } from '../bot/services.js';
import type { Content } from '../content/content.js';

const SUMMARY_CHARS = 220;

interface TabWorkshop {
  id: string;
  title: string;
  start: string;
  format?: string;
  venue?: string;
}

export interface TabContent {
  themes: { id: string; title: string; summary: string; webLink: string }[];
  workshops: TabWorkshop[];
  /** Opens a chat with the bot in Teams (when the bot has an app id). */
  teamsChatLink?: string;
  /** The web chat, for use outside Teams. */
  webChatLink: string;
}

/** The first sentences of a passage, up to about SUMMARY_CHARS. */
function summarise(text: string): string {
  const plain = text.replace(/\s+/g, ' ').trim();
  if (plain.length <= SUMMARY_CHARS) return plain;
  const cut = plain.slice(0, SUMMARY_CHARS);
  const sentence = cut.lastIndexOf('. ');
  return sentence > 80 ? cut.slice(0, sentence + 1) : `${cut.slice(0, cut.lastIndexOf(' '))}…`;
}

export function buildTabContent(content: Content, now: Date, botId?: string): TabContent {
  const themes = content.plan.themes().map((topic) => ({
    id: topic.id,
    title: topic.title.replace(/^Cross-cutting theme:\s*/i, ''),
    summary: summarise(topic.passages[0]?.text ?? ''),
    webLink: `/chat?journey=themes&topic=${encodeURIComponent(topic.id)}`,
  }));
  const workshops = content.workshops
    .upcoming(now)
    .filter((s) => s.audience === 'partners')
    .slice(0, 6)
    .map((s) => ({
      id: s.id,
      title: s.title,
      start: s.start.toISOString(),
      ...(s.format ? { format: s.format } : {}),
      ...(s.venue?.name ? { venue: s.venue.name } : {}),
    }));
  return {
    themes,
    workshops,
    ...(botId ? { teamsChatLink: `https://teams.microsoft.com/l/chat/0/0?users=28:${botId}` } : {}),
    webChatLink: '/chat?journey=themes',
  };
}

export function registerTabContentRoute(server: Server, getServices: () => BotServices | undefined): void {
  server.get('/api/tab-content', async (_req: Request, res: Response) => {
    const services = getServices();
    if (!services) {
      res.send(503, { error: 'The service is still starting. Try again in a moment.' });
      return;
    }
    const body = JSON.stringify(
      buildTabContent(services.content, services.now(), services.config.MicrosoftAppId),
    );
    res.writeHead(200, {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-cache',
      'x-content-type-options': 'nosniff',
    });
    res.end(body);
  });
}
