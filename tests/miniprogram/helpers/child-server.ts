import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { httpFetch } from './http-fetch';

export interface ChildServer {
  baseUrl: string;
  sandboxUrl: string;
  /** JPEGs on disk: a passing ID photo, a too-dark one, one framed too wide (the server proposes a crop), a document page. */
  images: { goodPhoto: string; darkPhoto: string; widePhoto: string; document: string };
  /** Console accounts of us-new-york, when started with `{ staff: true }`. */
  staff: Array<{ username: string; password: string; role: 'reviewer' | 'supervisor' }>;
  /** A fresh wx.login code the sandbox will exchange for this openid. */
  mintLoginCode(openid: string): Promise<string>;
  /** Runs the passport expiry reminder sweep as on `now` (an injected clock); resolves to its report. */
  sweepPassports(now: Date): Promise<{ recorded: number; reminded: number }>;
  close(): Promise<void>;
}

const ROOT = path.resolve(__dirname, '../../..');

/**
 * The real server for page tests (jsdom), in a child Node process — see server-process.ts.
 * The mini-program talks to it over HTTP exactly as it would on a phone.
 */
export function startChildServer(options: { staff?: boolean } = {}): Promise<ChildServer> {
  const args = [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), path.join(__dirname, 'server-process.ts'), ...(options.staff ? ['--staff'] : [])];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let buffered = '';
    let started = false;
    // Answers to commands, in order (one JSON line each after the ready line).
    const answers: Array<(line: string) => void> = [];
    child.on('exit', (code) => reject(new Error(`test server exited (${code})`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      for (let newline = buffered.indexOf('\n'); started && newline >= 0; newline = buffered.indexOf('\n')) {
        const line = buffered.slice(0, newline);
        buffered = buffered.slice(newline + 1);
        answers.shift()?.(line);
      }
      if (started) return;
      const newline = buffered.indexOf('\n');
      if (newline < 0) return;
      const ready = JSON.parse(buffered.slice(0, newline)) as Pick<ChildServer, 'baseUrl' | 'sandboxUrl' | 'images' | 'staff'>;
      buffered = buffered.slice(newline + 1);
      started = true;
      resolve({
        ...ready,
        async mintLoginCode(openid) {
          const response = await httpFetch(`${ready.sandboxUrl}/sandbox/login-codes`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ openid }),
          });
          return (JSON.parse(response.text) as { code: string }).code;
        },
        sweepPassports(now) {
          return new Promise((answered, failed) => {
            answers.push((line) => {
              const report = JSON.parse(line) as { recorded: number; reminded: number; error?: string };
              if (report.error) failed(new Error(report.error));
              else answered(report);
            });
            child.stdin!.write(`${JSON.stringify({ sweepPassports: { now: now.toISOString() } })}\n`);
          });
        },
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
