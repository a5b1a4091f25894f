import crypto from 'node:crypto';

/**
 * Files at rest: AES-256-GCM, random 96-bit nonce, stored as
 * `CCF1 | nonce (12) | tag (16) | ciphertext`. The storage key is bound in as additional
 * authenticated data, so a file copied under another key fails to decrypt.
 */
const MAGIC = Buffer.from('CCF1');

export interface FileCipher {
  seal(plain: Buffer, storageKey: string): Buffer;
  open(sealed: Buffer, storageKey: string): Buffer;
}

export function createFileCipher(key: Buffer): FileCipher {
  if (key.length !== 32) throw new Error('file key must be 32 bytes');
  return {
    seal(plain, storageKey) {
      const nonce = crypto.randomBytes(12);
      const cipher = crypto.createCipheriv('aes-256-gcm', key, nonce);
      cipher.setAAD(Buffer.from(storageKey, 'utf8'));
      const body = Buffer.concat([cipher.update(plain), cipher.final()]);
      return Buffer.concat([MAGIC, nonce, cipher.getAuthTag(), body]);
    },
    open(sealed, storageKey) {
      if (sealed.length < 32 || !sealed.subarray(0, 4).equals(MAGIC)) throw new Error('not a sealed file');
      const decipher = crypto.createDecipheriv('aes-256-gcm', key, sealed.subarray(4, 16));
      decipher.setAAD(Buffer.from(storageKey, 'utf8'));
      decipher.setAuthTag(sealed.subarray(16, 32));
      return Buffer.concat([decipher.update(sealed.subarray(32)), decipher.final()]);
    },
  };
}

/**
 * The file key, derived from the PII master key without needing it in hand: the PII
 * cipher's blind index is HMAC-SHA-256 under a key derived from PII_KEY, i.e. a PRF, so
 * its output on a fixed label that no identity lookup can produce (identity lookups are
 * `type:number`) is an independent 32-byte key.
 * TODO: once AppDeps carries the master key, derive with HKDF like pii-cipher does.
 */
export function deriveFileKey(blindIndex: (value: string) => Buffer): Buffer {
  return blindIndex('china-consular/files/aes-256-gcm/v1 (file key, not an identity)');
}
