import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const S3rver = require('@20minutes/s3rver');

/**
 * A real S3-protocol server on loopback for the tests: @20minutes/s3rver (a maintained fork
 * of s3rver), a Koa server that keeps objects on local disk and answers the REST/XML object
 * API we use (PutObject, GetObject, DeleteObject, ListObjectsV2 with paging, path style).
 *
 * What it does not cover: signature checking is off (allowMismatchedSignatures) because
 * it canonicalises bucket-level paths without the trailing slash the AWS SDK signs
 * (`GET /bucket/?list-type=2`), so listing would always be refused — the SDK still signs
 * every request, but nothing verifies it here; no versioning, lifecycle rules, bucket
 * policies/IAM, server-side encryption, conditional writes or real TLS; one process, so no
 * eventual-consistency effects. Those are the provider's (COS, MinIO, AWS) and nothing
 * here relies on them: files are sealed before they are sent.
 */
export interface TestS3Server {
  endpoint: string;
  bucket: string;
  /** FILE_STORAGE=s3 and the S3_* variables for a test server. */
  env: Record<string, string>;
  close(): Promise<void>;
}

export async function startS3Server(bucket = 'consular-files'): Promise<TestS3Server> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 's3rver-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, allowMismatchedSignatures: true, configureBuckets: [{ name: bucket }] });
  const address = (await server.run()) as AddressInfo;
  const endpoint = `http://127.0.0.1:${address.port}`;
  return {
    endpoint,
    bucket,
    env: {
      FILE_STORAGE: 's3',
      S3_ENDPOINT: endpoint,
      S3_REGION: 'us-east-1',
      S3_BUCKET: bucket,
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
      S3_FORCE_PATH_STYLE: 'true',
    },
    async close() {
      await server.close();
      fs.rmSync(directory, { recursive: true, force: true });
    },
  };
}
