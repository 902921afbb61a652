// Delivers activities to the bot the way every channel does: an HTTP POST of the activity to the bot's
// messaging endpoint (/api/messages). The bot answers through the connector endpoints (connector.ts).

/**
 * Marks a delivery as the local Direct Line's own (the bot's route does not count it against the
 * loopback address: the Direct Line's clients are limited on its own routes).
 */
export const LOCAL_DELIVERY_HEADER = 'x-local-directline';

export class BotUnavailableError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'BotUnavailableError';
  }
}

export class BotClient {
  constructor(
    private readonly endpoint: () => string,
    private readonly timeoutMs: number,
    private readonly deliverySecret?: string,
  ) {}

  /**
   * Posts one activity; resolves once the bot has answered the request with a 2xx status. A 503 (the
   * bot is still starting) is retried a few times, so a conversation opened at start-up gets its welcome.
   */
  async deliver(activity: Record<string, unknown>, retries = 20): Promise<void> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await this.deliverOnce(activity);
      } catch (error) {
        if (!(error instanceof BotUnavailableError) || error.status !== 503 || attempt >= retries)
          throw error;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    }
  }

  private async deliverOnce(activity: Record<string, unknown>): Promise<void> {
    let response: Response;
    try {
      response = await fetch(this.endpoint(), {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(this.deliverySecret ? { [LOCAL_DELIVERY_HEADER]: this.deliverySecret } : {}),
        },
        body: JSON.stringify(activity),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      throw new BotUnavailableError(`the bot did not answer (${(error as Error).name})`);
    }
    // Drain the body so the connection can be reused.
    await response.arrayBuffer().catch(() => undefined);
    if (!response.ok) throw new BotUnavailableError(`the bot answered ${response.status}`, response.status);
  }
}
