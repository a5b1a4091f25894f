import crypto from 'node:crypto';

/**
 * Encryption at rest for sensitive personal information (identity numbers, WeChat
 * session keys): AES-256-GCM with a random 96-bit nonce, stored as
 * `v1.<nonce>.<ciphertext>.<tag>` (base64url). The blind index is an HMAC under a key
 * derived separately, so the index reveals nothing about the encryption key. Other modules
 * get keys of their own from the same master key through `deriveKey` (HKDF, one label per
 * purpose), e.g. the file store's.
 */
export interface PiiCipher {
  encrypt(plain: string): string;
  decrypt(sealed: string): string;
  /** Deterministic keyed hash for equality lookups (never reversible). */
  blindIndex(value: string): Buffer;
  /**
   * A 32-byte key for another purpose, derived from the master key with HKDF-SHA-256 under
   * `label` (use one label per purpose, e.g. 'china-consular/files/aes-256-gcm'). Labels of
   * this cipher's own keys ('china-consular/pii/…') are refused.
   */
  deriveKey(label: string): Buffer;
}

const VERSION = 'v1';

export function createPiiCipher(masterKeyBase64: string): PiiCipher {
  const master = Buffer.from(masterKeyBase64, 'base64');
  if (master.length !== 32) throw new Error('PII_KEY must be 32 bytes, base64-encoded');
  const derive = (label: string) =>
    Buffer.from(crypto.hkdfSync('sha256', master, Buffer.alloc(0), label, 32));
  const OWN_LABELS = 'china-consular/pii/';
  const encKey = derive(`${OWN_LABELS}aes-256-gcm`);
  const indexKey = derive(`${OWN_LABELS}blind-index`);

  return {
    encrypt(plain) {
      const nonce = crypto.randomBytes(12);
      const cipher = crypto.createCipheriv('aes-256-gcm', encKey, nonce);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return [VERSION, nonce, body, cipher.getAuthTag()]
        .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
        .join('.');
    },
    decrypt(sealed) {
      const [version, nonce, body, tag] = sealed.split('.');
      if (version !== VERSION || !nonce || body === undefined || !tag) throw new Error('not a sealed value');
      const decipher = crypto.createDecipheriv('aes-256-gcm', encKey, Buffer.from(nonce, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    },
    blindIndex(value) {
      return crypto.createHmac('sha256', indexKey).update(value, 'utf8').digest();
    },
    deriveKey(label) {
      if (!label || label.startsWith(OWN_LABELS)) throw new Error(`deriveKey: label ${JSON.stringify(label)} is reserved`);
      return derive(label);
    },
  };
}

export function generatePiiKey(): string {
  return crypto.randomBytes(32).toString('base64');
}
