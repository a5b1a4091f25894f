import crypto from 'node:crypto';

/**
 * Files at rest: AES-256-GCM, random 96-bit nonce, stored as
 * `CCF2 | nonce (12) | tag (16) | ciphertext`. The storage key is bound in as additional
 * authenticated data, so a file copied under another key fails to decrypt.
 *
 * The key is the file store's own, derived with HKDF from the PII master key
 * (`pii.deriveKey(FILE_KEY_LABEL)`). Files written before that (`CCF1`) were sealed under
 * a key taken from the PII blind index (`legacyFileKey`); they stay readable when that key
 * is given, and are re-sealed as CCF2 whenever the citizen replaces them.
 */
const MAGIC = Buffer.from('CCF2');
const LEGACY_MAGIC = Buffer.from('CCF1');

export const FILE_KEY_LABEL = 'china-consular/files/aes-256-gcm';

export interface FileCipher {
  seal(plain: Buffer, storageKey: string): Buffer;
  open(sealed: Buffer, storageKey: string): Buffer;
}

function openWith(key: Buffer, sealed: Buffer, storageKey: string): Buffer {
  const decipher = crypto.createDecipheriv('aes-256-gcm', key, sealed.subarray(4, 16));
  decipher.setAAD(Buffer.from(storageKey, 'utf8'));
  decipher.setAuthTag(sealed.subarray(16, 32));
  return Buffer.concat([decipher.update(sealed.subarray(32)), decipher.final()]);
}

export function createFileCipher(key: Buffer, options: { legacyKey?: Buffer } = {}): FileCipher {
  if (key.length !== 32) throw new Error('file key must be 32 bytes');
  if (options.legacyKey && options.legacyKey.length !== 32) throw new Error('legacy file key must be 32 bytes');
  return {
    seal(plain, storageKey) {
      const nonce = crypto.randomBytes(12);
      const cipher = crypto.createCipheriv('aes-256-gcm', key, nonce);
      cipher.setAAD(Buffer.from(storageKey, 'utf8'));
      const body = Buffer.concat([cipher.update(plain), cipher.final()]);
      return Buffer.concat([MAGIC, nonce, cipher.getAuthTag(), body]);
    },
    open(sealed, storageKey) {
      if (sealed.length < 32) throw new Error('not a sealed file');
      const magic = sealed.subarray(0, 4);
      if (magic.equals(MAGIC)) return openWith(key, sealed, storageKey);
      if (magic.equals(LEGACY_MAGIC) && options.legacyKey) return openWith(options.legacyKey, sealed, storageKey);
      throw new Error('not a sealed file');
    },
  };
}

/**
 * The key CCF1 files were sealed with: the PII blind index (an HMAC, i.e. a PRF) on a fixed
 * label no identity lookup can produce. Only for reading those files.
 */
export function legacyFileKey(blindIndex: (value: string) => Buffer): Buffer {
  return blindIndex('china-consular/files/aes-256-gcm/v1 (file key, not an identity)');
}
