/**
 * Run with tsx by child-server.ts: the real server (startTestServer, files in a temp dir)
 * plus the test images, in a plain Node process — page tests run in jsdom, where the
 * server's own dependencies (PGlite, sharp) cannot load. Prints one JSON line when ready;
 * exits when its stdin closes. With `--staff`, also creates console accounts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { sweepPassports } from '../../../server/passports/expiry-reminders';
import { createPiiCipher } from '../../../server/security/pii-cipher';
import { startTestServer } from '../../helpers/test-server';
import { compliantIdPhoto, darkIdPhoto, PHOTO_CASES } from '../../server/photo/real-photos';

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-mp-server-'));
  const server = await startTestServer({ env: { DATA_DIR: path.join(dir, 'data') } });
  const write = (name: string, data: Buffer) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, data);
    return file;
  };
  const images = {
    goodPhoto: write('good-photo.jpg', await compliantIdPhoto()),
    darkPhoto: write('dark-photo.jpg', await darkIdPhoto()),
    widePhoto: write('wide-photo.jpg', await PHOTO_CASES.headTooSmall()),
    document: write(
      'document.jpg',
      await sharp({ create: { width: 1200, height: 850, channels: 3, background: { r: 230, g: 225, b: 210 } } })
        .composite([{ input: Buffer.from('<svg width="1200" height="850"><rect x="80" y="80" width="300" height="400" fill="#777"/><text x="450" y="200" font-size="60">PASSPORT</text></svg>') }])
        .jpeg()
        .toBuffer(),
    ),
  };
  // `--staff`: console accounts of the New York mission, for tests that act as the consulate.
  const staff: Array<{ username: string; password: string; role: 'reviewer' | 'supervisor' }> = [];
  if (process.argv.includes('--staff')) {
    for (const role of ['reviewer', 'supervisor'] as const) {
      const account = { username: `ny.${role}`, password: `ny.${role} password 123`, role };
      await server.createStaff({ ...account, missionId: 'us-new-york', displayName: account.username });
      staff.push(account);
    }
  }
  process.stdout.write(`${JSON.stringify({ baseUrl: server.baseUrl, sandboxUrl: server.sandboxUrl, images, dir, staff })}\n`);
  const stop = async () => {
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  };
  // Commands, one JSON line each, answered with one JSON line: what a test cannot do over
  // HTTP without waiting for the clock (the passport reminder sweep on a given day).
  let pending = '';
  process.stdin.on('data', (chunk: Buffer) => {
    pending += chunk.toString('utf8');
    for (let newline = pending.indexOf('\n'); newline >= 0; newline = pending.indexOf('\n')) {
      const line = pending.slice(0, newline);
      pending = pending.slice(newline + 1);
      const command = JSON.parse(line) as { sweepPassports?: { now: string } };
      if (!command.sweepPassports) continue;
      const options = { db: server.db, pii: createPiiCipher(server.piiKey), templateId: server.config.wechat.templates.documentExpiry };
      void sweepPassports(options, new Date(command.sweepPassports.now)).then(
        (report) => process.stdout.write(`${JSON.stringify(report)}\n`),
        (error: Error) => process.stdout.write(`${JSON.stringify({ error: error.message })}\n`),
      );
    }
  });
  process.stdin.on('end', stop);
  process.stdin.on('close', stop);
  process.stdin.resume();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
