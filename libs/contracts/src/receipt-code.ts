import { createHash, randomBytes } from 'node:crypto';

// Crockford base32: no I, L, O, U, so a code read out over the phone is not misheard.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A receipt code (查询码): 20 base32 characters = 100 bits of randomness, shown as 5 groups of 4. */
export function newReceiptCode(): string {
  const bytes = randomBytes(13);
  let bits = 0n;
  for (const b of bytes) bits = (bits << 8n) | BigInt(b);
  let out = '';
  for (let i = 0; i < 20; i++) {
    out += ALPHABET[Number(bits & 31n)];
    bits >>= 5n;
  }
  return out.match(/.{4}/g)!.join('-');
}

/** Accept what people type: lower case, spaces or no dashes, and the letters Crockford maps to digits. */
export function normaliseReceiptCode(input: string): string | undefined {
  const cleaned = input.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  if (!/^[0-9A-HJKMNP-TV-Z]{20}$/.test(cleaned)) return undefined;
  return cleaned.match(/.{4}/g)!.join('-');
}

/** Events and tables keep only this hash (intake's and rewards' alike): the code itself is a bearer secret of the reporter. */
export function receiptCodeHash(code: string): string {
  return createHash('sha256').update(`qingyuan-receipt:${code}`).digest('hex');
}
