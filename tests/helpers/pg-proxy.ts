import net from 'node:net';

/**
 * A TCP proxy in front of PostgreSQL that can *silently* stall the cache-invalidation
 * listener connections (recognised by application_name in their startup packet): bytes
 * stop flowing but nothing is closed — the failure a network partition gives, which no
 * error event reveals. Everything else passes through untouched.
 */
export interface PgProxy {
  url(databaseUrl: string): string;
  /** Stop forwarding on every listener connection (current ones; new ones stay normal). */
  stallListeners(): void;
  close(): Promise<void>;
}

export async function startPgProxy(target: { host: string; port: number }): Promise<PgProxy> {
  const listeners = new Set<{ client: net.Socket; upstream: net.Socket }>();
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(target.port, target.host);
    sockets.add(client).add(upstream);
    const pair = { client, upstream };
    let first = true;
    client.on('data', (chunk) => {
      if (first) {
        first = false;
        if (chunk.includes('cc-cache-listener')) listeners.add(pair);
      }
      upstream.write(chunk);
    });
    upstream.on('data', (chunk) => client.write(chunk));
    const end = () => {
      client.destroy();
      upstream.destroy();
      listeners.delete(pair);
    };
    client.on('close', end).on('error', end);
    upstream.on('close', end).on('error', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    url(databaseUrl) {
      const url = new URL(databaseUrl);
      url.hostname = '127.0.0.1';
      url.port = String(port);
      return url.toString();
    },
    stallListeners() {
      for (const { client, upstream } of listeners) {
        client.removeAllListeners('data');
        upstream.removeAllListeners('data');
        client.pause();
        upstream.pause();
      }
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
