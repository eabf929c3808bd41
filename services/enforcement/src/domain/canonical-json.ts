import { createHash } from 'node:crypto';

/** The draw's hashes use the platform's canonical JSON (@qingyuan/domain): keys in UTF-16 code-unit order. */
export { canonicalJson } from '@qingyuan/domain';

/** SHA-256 as lower-case hex, of UTF-8 text or of raw bytes. */
export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Ids are ordered by UTF-16 code units, never by locale: a draw must sort the same on every machine. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
