import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { httpFetch, HttpReply } from './http-fetch';

export interface InfoServer {
  baseUrl: string;
  sandboxUrl: string;
  /** A console call as the signed-in admin (JSON in, status and JSON out). */
  console<T = unknown>(method: string, url: string, body?: unknown): Promise<{ status: number; data: T }>;
  /** A raw request to the server (public API). */
  fetch(url: string, options?: Parameters<typeof httpFetch>[1]): Promise<HttpReply>;
  close(): Promise<void>;
}

const ROOT = path.resolve(__dirname, '../../..');

/**
 * The real server for the legalization and info page tests, in a child Node process (see
 * info-server-process.ts); `env` reaches that process (e.g. the verification rate limits).
 */
export function startInfoServer(env: Record<string, string> = {}): Promise<InfoServer> {
  const child = spawn(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), path.join(__dirname, 'info-server-process.ts')], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let buffered = '';
    child.on('exit', (code) => reject(new Error(`info test server exited (${code})`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const newline = buffered.indexOf('\n');
      if (newline < 0) return;
      const ready = JSON.parse(buffered.slice(0, newline)) as { baseUrl: string; sandboxUrl: string; staffCookie: string };
      resolve({
        baseUrl: ready.baseUrl,
        sandboxUrl: ready.sandboxUrl,
        async console<T>(method: string, url: string, body?: unknown) {
          const reply = await httpFetch(`${ready.baseUrl}${url}`, {
            method,
            headers: { cookie: ready.staffCookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
            body: body === undefined ? undefined : JSON.stringify(body),
          });
          return { status: reply.status, data: (reply.text ? JSON.parse(reply.text) : undefined) as T };
        },
        fetch: (url, options) => httpFetch(`${ready.baseUrl}${url}`, options),
        close: () =>
          new Promise<void>((done) => {
            child.removeAllListeners('exit');
            child.on('exit', () => done());
            child.stdin!.end();
          }),
      });
    });
  });
}
