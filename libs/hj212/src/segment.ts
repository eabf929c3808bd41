/**
 * A data segment as its bytes and as latin1 text, one character per byte. The parsers scan the bytes (faster than
 * charCodeAt) and cut strings out of the text at the same indexes, which are right for every ASCII part.
 */
export interface SegmentText {
  bytes: Buffer;
  text: string;
}

export function segmentText(bytes: Buffer): SegmentText {
  return { bytes, text: bytes.toString('latin1') };
}

/** An ASCII name as bytes. */
export function bytesOf(name: string): Uint8Array {
  return Uint8Array.from(name, (c) => c.charCodeAt(0));
}

/** bytes[start, start + expected.length) equals `expected` (a position past the end of `bytes` never matches). */
export function equalBytes(bytes: Uint8Array, start: number, expected: Uint8Array): boolean {
  for (let j = 0; j < expected.length; j++) if (bytes[start + j] !== expected[j]) return false;
  return true;
}

/**
 * What a byte means to the header and CP scanners: one table load per byte on the common path. Consumers copy these
 * into module constants, which their loops read faster than properties of an imported module.
 */
export const BYTE_KINDS = {
  ORDINARY: 0,
  /** `;` or `,`. */
  SEPARATOR: 1,
  EQUALS: 2,
  /** A control character or a byte above 0x7E. */
  NOT_PRINTABLE: 3,
} as const;
export const BYTE_KIND = new Uint8Array(256).fill(BYTE_KINDS.NOT_PRINTABLE);
BYTE_KIND.fill(BYTE_KINDS.ORDINARY, 0x20, 0x7f);
BYTE_KIND[0x3b] = BYTE_KIND[0x2c] = BYTE_KINDS.SEPARATOR;
BYTE_KIND[0x3d] = BYTE_KINDS.EQUALS;
