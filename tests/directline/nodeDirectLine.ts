// Runs the official botframework-directlinejs client in Node. It was written for browsers: it needs a
// global WebSocket (we lend it the `ws` package's) and an rxjs 5 ajax function (we give it a small one
// over fetch through its `ajax` service option, instead of XMLHttpRequest).
import { createRequire } from 'node:module';
import {
  type Activity,
  ConnectionStatus,
  DirectLine,
  type DirectLineOptions,
  type Services,
} from 'botframework-directlinejs';
import { WebSocket } from 'ws';

interface Subscriber<T> {
  next(value: T): void;
  error(error: unknown): void;
  complete(): void;
}
type ObservableConstructor = new <T>(subscribe: (subscriber: Subscriber<T>) => () => void) => unknown;

// The same rxjs 5 the client itself loads, so its operators (map, retryWhen, ...) are patched in.
const requireFromClient = createRequire(createRequire(import.meta.url).resolve('botframework-directlinejs'));
const { Observable } = requireFromClient('rxjs/Observable') as { Observable: ObservableConstructor };

interface AjaxRequest {
  method?: string;
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
  timeout?: number;
}

interface AjaxResult {
  status: number;
  response: unknown;
  xhr: { getResponseHeader(name: string): string | null };
}

function fetchAjax(request: AjaxRequest): unknown {
  return new Observable<AjaxResult>((subscriber) => {
    const controller = new AbortController();
    const timer = request.timeout ? setTimeout(() => controller.abort(), request.timeout) : undefined;
    const body =
      request.body === undefined
        ? undefined
        : typeof request.body === 'string'
          ? request.body
          : JSON.stringify(request.body);
    fetch(request.url, {
      method: request.method ?? 'GET',
      headers: request.headers,
      body,
      signal: controller.signal,
    })
      .then(async (response) => {
        const text = await response.text();
        let parsed: unknown = text;
        try {
          parsed = text ? JSON.parse(text) : null;
        } catch {
          // not JSON: keep the text
        }
        const result: AjaxResult = {
          status: response.status,
          response: parsed,
          xhr: { getResponseHeader: (name) => response.headers.get(name) },
        };
        if (response.ok) {
          subscriber.next(result);
          subscriber.complete();
        } else {
          subscriber.error(Object.assign(new Error(`ajax error ${response.status}`), result));
        }
      })
      .catch((error: unknown) => subscriber.error(Object.assign(error as Error, { status: 0 })))
      .finally(() => clearTimeout(timer));
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  });
}

/** A Direct Line client that collects everything it receives, for tests. */
export class TestClient {
  readonly received: Activity[] = [];
  readonly directLine: DirectLine;
  private readonly subscription: { unsubscribe(): void };

  constructor(options: DirectLineOptions) {
    const globals = globalThis as { WebSocket?: unknown };
    // The client decides in its constructor whether WebSocket exists.
    globals.WebSocket ??= WebSocket;
    this.directLine = new DirectLine({
      ...options,
      WebSocket: WebSocket as unknown as Services['WebSocket'],
      ajax: fetchAjax as unknown as Services['ajax'],
    });
    this.subscription = this.directLine.activity$.subscribe((activity) => this.received.push(activity)) as {
      unsubscribe(): void;
    };
  }

  get status(): ConnectionStatus {
    return this.directLine.connectionStatus$.getValue();
  }

  /** Posts a message; resolves with the id the server gave it. */
  say(text: string, userId = 'test-user'): Promise<string> {
    return new Promise((resolve, reject) => {
      this.directLine
        .postActivity({ type: 'message', text, from: { id: userId } })
        .subscribe((id: string) => resolve(id), reject);
    });
  }

  /** Waits until an activity matching the test has arrived. */
  async waitFor(test: (activity: Activity) => boolean, what: string, timeoutMs = 8000): Promise<Activity> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.received.find(test);
      if (found) return found;
      if (Date.now() > deadline) {
        const seen = this.received.map((a) => `${a.type}:${'text' in a ? a.text : ''}`).join(' | ');
        throw new Error(`timed out waiting for ${what}; received: ${seen || 'nothing'}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  end(): void {
    this.subscription.unsubscribe();
    this.directLine.end();
  }
}

export function textOf(activity: Activity): string {
  return activity.type === 'message' ? (activity.text ?? '') : '';
}
