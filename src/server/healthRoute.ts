// GET /healthz: "ready" only once content is loaded and the bot can answer, so that a load
// balancer or deployment slot swap does not send people to a bot that cannot reply yet.
import type { Request, Response, Server } from 'restify';

export function registerHealthRoute(server: Server, isReady: () => boolean): void {
  server.get('/healthz', async (_req: Request, res: Response) => {
    if (isReady()) res.send(200, { status: 'ready' });
    else res.send(503, { status: 'starting' });
  });
}
