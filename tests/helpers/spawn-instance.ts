import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import type { TestServer } from './test-server';

export interface SpawnedInstance {
  baseUrl: string;
  child: ChildProcess;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  /** Enough of TestServer for the API helpers: base URL and citizen login through its sandbox. */
  asTestServer: TestServer;
}

/** Starts tests/helpers/instance-process.ts on a shared PostgreSQL database. */
export async function spawnInstance(options: { sharedDatabaseUrl: string; piiKey: string; env?: Record<string, string> }): Promise<SpawnedInstance> {
  // node --import tsx, not the tsx wrapper: signals go straight to the server's process.
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'instance-process.ts'), JSON.stringify(options)], {
    stdio: ['ignore', 'pipe', 'inherit'],
    cwd: path.resolve(__dirname, '../..'),
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const line = await new Promise<string>((resolve, reject) => {
    readline.createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`instance exited (${code}) before listening`)));
  });
  const { baseUrl, sandboxUrl } = JSON.parse(line) as { baseUrl: string; sandboxUrl: string };
  const mintLoginCode = async (openid: string) => {
    const response = await fetch(`${sandboxUrl}/sandbox/login-codes`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ openid }) });
    return ((await response.json()) as { code: string }).code;
  };
  const asTestServer = {
    baseUrl,
    sandboxUrl,
    mintLoginCode,
    async loginCitizen(openid: string) {
      const response = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: await mintLoginCode(openid) }) });
      if (!response.ok) throw new Error(`login failed: ${response.status}`);
      return ((await response.json()) as { token: string }).token;
    },
  } as unknown as TestServer;
  return { baseUrl, child, exited, asTestServer };
}
