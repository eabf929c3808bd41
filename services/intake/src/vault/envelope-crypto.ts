import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';

/**
 * Envelope encryption for personal data: each subject gets its own data key (DEK), wrapped by the master key
 * (KEK) from configuration. The algorithm is recorded with every ciphertext so another (e.g. SM4) can be added.
 */
export const AES_256_GCM = 'aes-256-gcm';

export interface MasterKey {
  id: string;
  key: Buffer;
}

/** Parse QINGYUAN_MASTER_KEY: 32 bytes, base64 or hex. */
export function parseMasterKey(value: string): MasterKey {
  const key = /^[0-9a-f]{64}$/i.test(value) ? Buffer.from(value, 'hex') : Buffer.from(value, 'base64');
  if (key.length !== 32) throw new Error('QINGYUAN_MASTER_KEY must be 32 bytes, base64 or hex encoded');
  return { id: createHash('sha256').update(key).digest('hex').slice(0, 16), key };
}

/** iv (12) ‖ tag (16) ‖ ciphertext; the additional data binds a ciphertext to its owner. */
export function seal(key: Buffer, plaintext: Buffer, aad: string): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv(AES_256_GCM, key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

export function open(key: Buffer, sealed: Buffer, aad: string): Buffer {
  const decipher = createDecipheriv(AES_256_GCM, key, sealed.subarray(0, 12));
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(sealed.subarray(12, 28));
  return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]);
}

/** Blind index of a phone number: finds repeat reporters without storing the number (a plain hash is reversible by trial). */
export function blindIndex(key: Buffer, value: string): Buffer {
  return createHmac('sha256', createHash('sha256').update(Buffer.concat([key, Buffer.from('blind-index')])).digest())
    .update(value)
    .digest();
}
