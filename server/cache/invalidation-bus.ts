import crypto from 'node:crypto';
import { Client } from 'pg';

/**
 * Keeps in-process caches exact across server instances. Database triggers (migration
 * 0013) send `NOTIFY cc_cache, '<topic>:<key>'` in the transaction of every change a cache
 * depends on (a revoked session, a profile, a mission, a fee table), so the message goes
 * out exactly when the change commits, whichever instance or script made it.
 *
 * Each instance LISTENs on one dedicated connection and drops the named entries. To know
 * that it is not behind, it also sends itself a ping every `pingMs` on a channel of its
 * own: PostgreSQL delivers notifications in commit order, so when the ping sent at time T
 * comes back, every change committed before T has been applied. Cached values are served
 * only while the last returned ping was sent less than `maxStalenessMs` ago; otherwise
 * reads go to the database. If the connection drops (or pings stop coming back), every
 * cache is flushed — notifications may have been lost — and the listener reconnects.
 */
export const CACHE_CHANNEL = 'cc_cache';

/** A cache the bus keeps exact: entries named by key, or all of them. */
export interface InvalidatedCache {
  readonly topic: string;
  invalidate(key: string): void;
  clear(): void;
}

export interface InvalidationBus {
  /** Cached values may be served now: no change older than the staleness bound is missing. */
  isFresh(): boolean;
  register(cache: InvalidatedCache): void;
  /** This process changed something: drop it here at once (the trigger tells the others). */
  invalidate(topic: string, key: string): void;
  close(): Promise<void>;
}

class CacheRegistry {
  private readonly caches = new Map<string, InvalidatedCache[]>();

  register(cache: InvalidatedCache): void {
    this.caches.set(cache.topic, [...(this.caches.get(cache.topic) ?? []), cache]);
  }

  /** `key` '*' clears the topic's caches. */
  invalidate(topic: string, key: string): void {
    for (const cache of this.caches.get(topic) ?? []) {
      if (key === '*') cache.clear();
      else cache.invalidate(key);
    }
  }

  /** A notification's payload: `<topic>:<key>`. */
  receive(payload: string): void {
    const colon = payload.indexOf(':');
    if (colon > 0) this.invalidate(payload.slice(0, colon), payload.slice(colon + 1));
  }

  flushAll(): void {
    for (const list of this.caches.values()) for (const cache of list) cache.clear();
  }
}

/**
 * Embedded PGlite: one process, one session. The same triggers notify it, and PGlite hands
 * the notifications over while the commit itself is answered (bootstrap wires `receive`
 * to its listener), so the caches are exact — whoever wrote — and always fresh.
 */
export function createLocalInvalidationBus(): InvalidationBus & { receive(payload: string): void } {
  const registry = new CacheRegistry();
  return {
    isFresh: () => true,
    register: (cache) => registry.register(cache),
    invalidate: (topic, key) => registry.invalidate(topic, key),
    receive: (payload) => registry.receive(payload),
    close: async () => undefined,
  };
}

export interface PostgresBusOptions {
  /** How often the listener pings itself (ms). */
  pingMs?: number;
  /** Cached values are served only if a ping sent at most this long ago has come back. */
  maxStalenessMs?: number;
  /** No ping back for this long: the connection is treated as dead and replaced. */
  deadAfterMs?: number;
  log?: { warn(obj: unknown, msg?: string): void };
}

export interface PostgresInvalidationBus extends InvalidationBus {
  /** Resolves once the listener is connected and a first ping has come back. */
  ready(): Promise<void>;
  /** How many times the caches were flushed because the listener connection was lost. */
  readonly flushCount: number;
}

export function createPostgresInvalidationBus(connectionString: string, options: PostgresBusOptions = {}): PostgresInvalidationBus {
  const pingMs = options.pingMs ?? 200;
  const maxStalenessMs = options.maxStalenessMs ?? 800;
  const deadAfterMs = options.deadAfterMs ?? 3000;
  const registry = new CacheRegistry();
  const pingChannel = `cc_ping_${crypto.randomBytes(8).toString('hex')}`;
  let client: Client | null = null;
  let closed = false;
  let flushCount = 0;
  let seq = 0;
  const sentAt = new Map<number, number>();
  /** Send time of the newest ping that came back; -Infinity: not confirmed since the last (re)connect. */
  let confirmedSentAt = -Infinity;
  let lastPingBackAt = 0;
  let pingTimer: NodeJS.Timeout | null = null;
  let reconnectTimer: NodeJS.Timeout | null = null;
  let reconnectDelay = 100;
  let readyWaiters: Array<() => void> = [];

  const onNotification = (message: { channel: string; payload?: string }) => {
    const payload = message.payload ?? '';
    if (message.channel === pingChannel) {
      const sent = sentAt.get(Number(payload));
      if (sent === undefined) return;
      for (const n of sentAt.keys()) if (n <= Number(payload)) sentAt.delete(n);
      confirmedSentAt = Math.max(confirmedSentAt, sent);
      lastPingBackAt = Date.now();
      for (const resolve of readyWaiters) resolve();
      readyWaiters = [];
      return;
    }
    registry.receive(payload);
  };

  /** The connection is gone: nothing cached can be trusted (messages may be lost). */
  const lose = (failed: Client, reason: string) => {
    if (client !== failed) return;
    client = null;
    confirmedSentAt = -Infinity;
    sentAt.clear();
    registry.flushAll();
    flushCount++;
    failed.removeAllListeners('notification');
    failed.end().catch(() => undefined);
    if (closed) return;
    options.log?.warn({ reason }, 'cache invalidation listener lost; caches flushed, reconnecting');
    scheduleReconnect();
  };

  const scheduleReconnect = () => {
    if (closed || reconnectTimer) return;
    reconnectTimer = setTimeout(() => {
      reconnectTimer = null;
      void connect();
    }, reconnectDelay);
    reconnectDelay = Math.min(reconnectDelay * 2, 2000);
  };

  const connect = async () => {
    const next = new Client({ connectionString, application_name: 'cc-cache-listener' });
    next.on('error', (error) => lose(next, error.message));
    next.on('end', () => lose(next, 'connection ended'));
    next.on('notification', onNotification);
    try {
      await next.connect();
      await next.query(`LISTEN ${CACHE_CHANNEL}; LISTEN ${pingChannel}`);
    } catch (error) {
      next.removeAllListeners();
      next.on('error', () => undefined);
      await next.end().catch(() => undefined);
      if (!closed) {
        options.log?.warn({ err: error }, 'cache invalidation listener could not connect; retrying');
        scheduleReconnect();
      }
      return;
    }
    if (closed) {
      await next.end().catch(() => undefined);
      return;
    }
    // Whatever changed while nobody listened is unknown: start empty.
    registry.flushAll();
    client = next;
    lastPingBackAt = Date.now();
    reconnectDelay = 100;
    ping();
  };

  const ping = () => {
    const current = client;
    if (!current) return;
    if (Date.now() - lastPingBackAt > deadAfterMs) {
      lose(current, `no ping back for ${deadAfterMs} ms`);
      return;
    }
    const n = ++seq;
    sentAt.set(n, Date.now());
    current.query('select pg_notify($1, $2)', [pingChannel, String(n)]).catch(() => undefined);
  };

  pingTimer = setInterval(ping, pingMs);
  pingTimer.unref();
  void connect();

  return {
    isFresh: () => Date.now() - confirmedSentAt <= maxStalenessMs,
    register: (cache) => registry.register(cache),
    invalidate: (topic, key) => registry.invalidate(topic, key),
    ready: () => (confirmedSentAt > -Infinity ? Promise.resolve() : new Promise((resolve) => readyWaiters.push(resolve))),
    get flushCount() {
      return flushCount;
    },
    async close() {
      closed = true;
      if (pingTimer) clearInterval(pingTimer);
      if (reconnectTimer) clearTimeout(reconnectTimer);
      const current = client;
      client = null;
      confirmedSentAt = -Infinity;
      if (current) {
        current.removeAllListeners('end');
        await current.end().catch(() => undefined);
      }
    },
  };
}
