import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type DatabaseHandle } from '../../../server/db/database';
import { type FileStore, newStorageKey } from '../../../server/files/file-store';
import { createLocalFileStore } from '../../../server/files/local-file-store';
import { migrateFiles } from '../../../server/files/migrate-files';
import { createPostgresFileStore, FILE_CHUNK_BYTES } from '../../../server/files/postgres-file-store';
import { createS3FileStore } from '../../../server/files/s3-file-store';
import { loadConfig } from '../../../server/config';
import { createFreshPostgresDatabase, postgresUrl } from '../../helpers/fresh-database';
import { migratedPgliteDump } from '../../helpers/pglite-template';
import { startS3Server, type TestS3Server } from '../../helpers/s3-server';

/**
 * One contract, every backend: local directory, PostgreSQL (on PGlite and, with
 * TEST_DATABASE_URL, on PostgreSQL) and S3 (against a real S3-protocol server); then
 * files:migrate between them.
 */
jest.setTimeout(60_000);

const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function pgliteDatabase(): Promise<DatabaseHandle> {
  const database = await openDatabase({ databaseUrl: null, pgliteDir: null, pgliteDump: await migratedPgliteDump() });
  cleanups.push(() => database.close());
  return database;
}

async function postgresDatabase(): Promise<DatabaseHandle> {
  const fresh = await createFreshPostgresDatabase(postgresUrl!);
  const database = await openDatabase({ databaseUrl: fresh.url, pgliteDir: null });
  cleanups.push(async () => {
    await database.close();
    await fresh.drop();
  });
  return database;
}

let s3: TestS3Server | null = null;
async function s3Store(prefix = ''): Promise<FileStore> {
  if (!s3) {
    s3 = await startS3Server();
    const server = s3;
    cleanups.push(() => server.close());
  }
  return createS3FileStore({ ...loadConfig(s3.env).files.s3!, prefix });
}

function localStore(): FileStore {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-files-'));
  cleanups.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
  return createLocalFileStore(dir);
}

const backends: Array<[string, () => Promise<FileStore>]> = [
  ['local', async () => localStore()],
  ['postgres (PGlite)', async () => createPostgresFileStore((await pgliteDatabase()).db)],
  ...(postgresUrl ? ([['postgres (PostgreSQL)', async () => createPostgresFileStore((await postgresDatabase()).db)]] as Array<[string, () => Promise<FileStore>]>) : []),
  ['s3', () => s3Store()],
];

async function collect(keys: AsyncIterable<string>): Promise<string[]> {
  const all: string[] = [];
  for await (const key of keys) all.push(key);
  return all.sort();
}

describe.each(backends)('file store: %s', (_name, make) => {
  let store: FileStore;
  beforeAll(async () => {
    store = await make();
  });

  it('stores, replaces, lists and deletes files, byte for byte (larger than one chunk too)', async () => {
    const big = crypto.randomBytes(FILE_CHUNK_BYTES * 2 + 12_345);
    const small = Buffer.from('CCF2 small sealed file');
    const empty = Buffer.alloc(0);
    const [k1, k2, k3] = [newStorageKey(), newStorageKey(), newStorageKey()];
    await store.put(k1, big);
    await store.put(k2, small);
    await store.put(k3, empty);
    expect((await store.get(k1))!.equals(big)).toBe(true);
    expect((await store.get(k2))!.equals(small)).toBe(true);
    expect((await store.get(k3))!.length).toBe(0);
    expect(await collect(store.keys())).toEqual([k1, k2, k3].sort());

    // Replacing a large file by a small one leaves no chunk of the old one behind.
    await store.put(k1, small);
    expect((await store.get(k1))!.equals(small)).toBe(true);

    await store.delete(k1);
    await store.delete(k1); // deleting a missing file is fine
    expect(await store.get(k1)).toBeNull();
    expect(await store.get(newStorageKey())).toBeNull();
    expect(await collect(store.keys())).toEqual([k2, k3].sort());
  });

  it('refuses keys it did not make (no path traversal, no other prefixes)', async () => {
    for (const bad of ['../../etc/passwd', '/etc/passwd', 'ab/../../x', 'AB/0123456789abcdef0123456789abcdef', '']) {
      await expect(store.put(bad, Buffer.from('x'))).rejects.toThrow(/invalid storage key/);
      await expect(store.get(bad)).rejects.toThrow(/invalid storage key/);
    }
  });
});

describe('files:migrate between backends', () => {
  it('copies every file under the same key, and a re-run (or a resumed half copy) is safe', async () => {
    const local = localStore();
    const inDatabase = createPostgresFileStore((await pgliteDatabase()).db);
    const bucket = await s3Store('migrated/');
    const files = new Map(Array.from({ length: 5 }, () => [newStorageKey(), crypto.randomBytes(1000 + Math.floor(Math.random() * 400_000))] as const));
    for (const [key, data] of files) await local.put(key, data);

    expect(await migrateFiles(local, inDatabase)).toEqual({ copied: 5, alreadyThere: 0 });
    expect(await migrateFiles(local, inDatabase)).toEqual({ copied: 0, alreadyThere: 5 });

    // An interrupted earlier run left one object half-written in the bucket.
    const [firstKey, firstData] = [...files][0];
    await bucket.put(firstKey, firstData.subarray(0, 10));
    expect(await migrateFiles(inDatabase, bucket)).toEqual({ copied: 5, alreadyThere: 0 });
    expect(await migrateFiles(inDatabase, bucket)).toEqual({ copied: 0, alreadyThere: 5 });
    for (const [key, data] of files) expect((await bucket.get(key))!.equals(data)).toBe(true);
    // The source is untouched.
    expect(await collect(local.keys())).toEqual([...files.keys()].sort());
  });
});
