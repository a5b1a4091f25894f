import { DeleteObjectCommand, GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { checkStorageKey, FileStore, isStorageKey } from './file-store';

/** S3_* settings: AWS S3, Tencent COS, MinIO or any S3-compatible service. */
export interface S3Settings {
  /** Service URL (COS: https://cos.<region>.myqcloud.com, MinIO: http://host:9000); null: AWS by region. */
  endpoint: string | null;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Bucket in the path instead of the host name (MinIO and most self-hosted services). */
  forcePathStyle: boolean;
  /** Prepended to every key, e.g. "consular/" to share a bucket. */
  prefix: string;
}

function isMissing(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e.name === 'NoSuchKey' || e.name === 'NotFound' || e.$metadata?.httpStatusCode === 404;
}

/** Objects hold the sealed bytes only: the service never sees a plain file or a name. */
export function createS3FileStore(settings: S3Settings, client?: S3Client): FileStore {
  const s3 =
    client ??
    new S3Client({
      region: settings.region,
      ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
      forcePathStyle: settings.forcePathStyle,
      credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey },
    });
  const Bucket = settings.bucket;
  const objectKey = (key: string) => settings.prefix + checkStorageKey(key);
  return {
    kind: 's3',
    async put(key, data) {
      await s3.send(new PutObjectCommand({ Bucket, Key: objectKey(key), Body: data, ContentType: 'application/octet-stream' }));
    },
    async get(key) {
      try {
        const object = await s3.send(new GetObjectCommand({ Bucket, Key: objectKey(key) }));
        return object.Body ? Buffer.from(await object.Body.transformToByteArray()) : Buffer.alloc(0);
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },
    async delete(key) {
      try {
        await s3.send(new DeleteObjectCommand({ Bucket, Key: objectKey(key) }));
      } catch (error) {
        if (!isMissing(error)) throw error;
      }
    },
    async *keys() {
      let ContinuationToken: string | undefined;
      do {
        const page = await s3.send(new ListObjectsV2Command({ Bucket, Prefix: settings.prefix || undefined, ContinuationToken }));
        for (const object of page.Contents ?? []) {
          const key = object.Key?.slice(settings.prefix.length);
          if (key && isStorageKey(key)) yield key;
        }
        ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (ContinuationToken);
    },
  };
}
