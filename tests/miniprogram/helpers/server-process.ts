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
  process.stdin.on('end', stop);
  process.stdin.on('close', stop);
  process.stdin.resume();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
