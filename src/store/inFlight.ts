// Tracks writes under way so that shutdown can wait for them instead of cutting them off.
import { StoreClosedError } from './store.js';

export class InFlightWrites {
  private readonly pending = new Set<Promise<unknown>>();
  private closed = false;

  track<T>(start: () => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new StoreClosedError());
    const write = start();
    this.pending.add(write);
    const forget = () => this.pending.delete(write);
    write.then(forget, forget);
    return write;
  }

  async close(): Promise<void> {
    this.closed = true;
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }
}
