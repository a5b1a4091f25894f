import { EventEmitter } from 'node:events';

/**
 * Wakes long-polls for a call's signals the moment this process inserts one (or ends the
 * call). Other instances' inserts are seen by the poll's own re-check of the database, so
 * the hub is only a shortcut, never the source of truth. `close()` (on the app's preClose)
 * releases every wait at once, so an open long-poll never holds up shutting down.
 */
export class SignalHub {
  private readonly emitter = new EventEmitter();
  private closed = false;

  constructor() {
    // One listener per waiting request: many calls at once is normal, not a leak.
    this.emitter.setMaxListeners(0);
  }

  get closing(): boolean {
    return this.closed;
  }

  notify(callId: string): void {
    this.emitter.emit(callId);
  }

  /** Resolves when `callId` is notified, after `ms`, or when the hub closes — whichever comes first. */
  wait(callId: string, ms: number): Promise<void> {
    if (this.closed || ms <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.emitter.off(callId, done);
        this.emitter.off('__close', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.emitter.once(callId, done);
      this.emitter.once('__close', done);
    });
  }

  close(): void {
    this.closed = true;
    this.emitter.emit('__close');
  }
}
