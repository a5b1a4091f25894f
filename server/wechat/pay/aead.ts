import crypto from 'node:crypto';
import { decodeStrictBase64 } from './signing';

/**
 * AEAD_AES_256_GCM as WeChat Pay v3 uses it for notification `resource`s and downloaded
 * platform certificates (证书和回调报文解密): key = the 32-byte APIv3 key (its UTF-8
 * bytes), IV = `nonce` (12 characters, UTF-8 bytes), AAD = `associated_data`,
 * ciphertext = base64(encrypted bytes ‖ 16-byte tag).
 */
export const AEAD_ALGORITHM = 'AEAD_AES_256_GCM';
const TAG_BYTES = 16;

/** An encrypted `resource` as it appears in notifications. */
export interface EncryptedResource {
  algorithm: string;
  ciphertext: string;
  associated_data?: string;
  nonce: string;
  original_type?: string;
}

export type AeadFailure = 'unsupported-algorithm' | 'bad-key' | 'bad-nonce' | 'bad-ciphertext' | 'authentication-failed';

export class AeadError extends Error {
  constructor(
    readonly reason: AeadFailure,
    message: string,
  ) {
    super(message);
  }
}

/** The APIv3 key as bytes; WeChat's is exactly 32 ASCII characters. */
export function apiV3KeyBytes(apiV3Key: string | Buffer): Buffer {
  const key = typeof apiV3Key === 'string' ? Buffer.from(apiV3Key, 'utf8') : apiV3Key;
  if (key.length !== 32) throw new AeadError('bad-key', `the APIv3 key must be 32 bytes, not ${key.length}`);
  return key;
}

function gcmName(key: Buffer): 'aes-128-gcm' | 'aes-192-gcm' | 'aes-256-gcm' {
  if (key.length === 16) return 'aes-128-gcm';
  if (key.length === 24) return 'aes-192-gcm';
  if (key.length === 32) return 'aes-256-gcm';
  throw new AeadError('bad-key', `an AES key is 16, 24 or 32 bytes, not ${key.length}`);
}

/**
 * AES-GCM decryption of base64(ciphertext ‖ tag). The AES size follows the key's length, as
 * in the official Go SDK's utils.DecryptAES256GCM; `decryptResource` insists on 256 bits.
 */
export function aesGcmDecrypt(key: Buffer, nonce: string, associatedData: string, ciphertextBase64: string): Buffer {
  const algorithm = gcmName(key);
  if (!nonce) throw new AeadError('bad-nonce', 'the nonce is empty');
  const raw = decodeStrictBase64(ciphertextBase64);
  if (!raw || raw.length < TAG_BYTES) throw new AeadError('bad-ciphertext', 'the ciphertext is not base64 of at least one tag');
  const decipher = crypto.createDecipheriv(algorithm, key, Buffer.from(nonce, 'utf8'), { authTagLength: TAG_BYTES });
  decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
  decipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const head = decipher.update(raw.subarray(0, raw.length - TAG_BYTES));
  try {
    return Buffer.concat([head, decipher.final()]);
  } catch {
    throw new AeadError('authentication-failed', 'the ciphertext, nonce, associated data or key is wrong');
  }
}

/** AES-GCM encryption, giving base64(ciphertext ‖ tag). */
export function aesGcmEncrypt(key: Buffer, nonce: string, associatedData: string, plaintext: string | Buffer): string {
  const cipher = crypto.createCipheriv(gcmName(key), key, Buffer.from(nonce, 'utf8'), { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const body = Buffer.concat([cipher.update(typeof plaintext === 'string' ? Buffer.from(plaintext, 'utf8') : plaintext), cipher.final()]);
  return Buffer.concat([body, cipher.getAuthTag()]).toString('base64');
}

/** Decrypts a notification resource to its UTF-8 plaintext (usually JSON). Throws AeadError. */
export function decryptResource(resource: EncryptedResource, apiV3Key: string | Buffer): string {
  if (resource.algorithm !== AEAD_ALGORITHM) {
    throw new AeadError('unsupported-algorithm', `unsupported algorithm ${String(resource.algorithm)}`);
  }
  const plaintext = aesGcmDecrypt(apiV3KeyBytes(apiV3Key), resource.nonce, resource.associated_data ?? '', resource.ciphertext);
  return plaintext.toString('utf8');
}

/** The other direction, for the sandbox: a fresh 12-character nonce unless one is given. */
export function encryptResource(
  plaintext: string,
  apiV3Key: string | Buffer,
  options: { associatedData: string; originalType: string; nonce?: string },
): EncryptedResource {
  const nonce = options.nonce ?? crypto.randomBytes(9).toString('base64url');
  return {
    original_type: options.originalType,
    algorithm: AEAD_ALGORITHM,
    ciphertext: aesGcmEncrypt(apiV3KeyBytes(apiV3Key), nonce, options.associatedData, plaintext),
    associated_data: options.associatedData,
    nonce,
  };
}
