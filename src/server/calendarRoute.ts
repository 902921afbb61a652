// GET /calendar/<session id>.ics: a workshop session's calendar file, for channels that cannot
// open the file attached to the booking confirmation (Microsoft Teams). It holds only what the
// session list already shows publicly: no reference, no name.
import type { Request, Response, Server } from 'restify';
import type { BotServices } from '../bot/services.js';
import { calendarFile } from '../signups/calendar.js';

export function registerCalendarRoute(server: Server, getServices: () => BotServices | undefined): void {
  server.get('/calendar/:file', async (req: Request, res: Response) => {
    const services = getServices();
    if (!services)
      return sendText(res, 503, 'The Safer Kingston helper is starting. Please try again in a minute.');
    const match = /^([A-Za-z0-9_-]{1,80})\.ics$/.exec(String(req.params.file ?? ''));
    const session = match ? services.content.workshops.get(match[1]) : undefined;
    // People reach this from a link in the chat, so the answer is a sentence, not an error code.
    if (!session)
      return sendText(
        res,
        404,
        'This workshop session is no longer listed. Ask the Safer Kingston helper to see the sessions coming up.',
      );
    res.writeHead(200, {
      'content-type': 'text/calendar; charset=utf-8',
      'content-disposition': `attachment; filename="safer-kingston-workshop-${session.id}.ics"`,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-cache',
    });
    res.end(calendarFile(session));
  });
}

function sendText(res: Response, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' });
  res.end(`${text}\n`);
}
