// GET /calendar/<session id>.ics: a workshop session's calendar file, for channels that cannot
// open the file attached to the booking confirmation (Microsoft Teams). It holds only what the
// session list already shows publicly: no reference, no name.
import type { Request, Response, Server } from 'restify';
import type { BotServices } from '../bot/services.js';
import { calendarFile } from '../signups/calendar.js';

export function registerCalendarRoute(server: Server, getServices: () => BotServices | undefined): void {
  server.get('/calendar/:file', async (req: Request, res: Response) => {
    const services = getServices();
    if (!services) {
      res.send(503, { error: 'The service is still starting. Try again in a moment.' });
      return;
    }
    const match = /^([A-Za-z0-9_-]{1,80})\.ics$/.exec(String(req.params.file ?? ''));
    const session = match ? services.content.workshops.get(match[1]) : undefined;
    if (!session) {
      res.send(404, { error: 'There is no workshop session with that name.' });
      return;
    }
    res.writeHead(200, {
      'content-type': 'text/calendar; charset=utf-8',
      'content-disposition': `attachment; filename="safer-kingston-workshop-${session.id}.ics"`,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-cache',
    });
    res.end(calendarFile(session));
  });
}
