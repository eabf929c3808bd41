/**
 * The HJ 212 CRC16 (Appendix A of HJ/T 212-2005 and HJ 212-2017): init 0xFFFF, polynomial 0xA001 (reflected), but the
 * register is FOLDED as reg = (reg >> 8) ^ byte before the eight shifts. It is NOT CRC-16/MODBUS (reg ^= byte).
 * Table form: reg = T[(reg >> 8) ^ byte]. Check values: "123456789" → 2F80, "A" → 7080, empty → FFFF.
 */

const TABLE = buildTable();

function buildTable(): Uint16Array {
  const table = new Uint16Array(256);
  for (let n = 0; n < 256; n++) {
    let reg = n;
    for (let bit = 0; bit < 8; bit++) reg = reg & 1 ? (reg >>> 1) ^ 0xa001 : reg >>> 1;
    table[n] = reg;
  }
  return table;
}

/*
 * Speed. After each byte the register is T[x] for the 8-bit index x, so the loop only needs to carry x:
 * x' = HIGH[x] ^ byte with HIGH[x] = T[x] >> 8, and the CRC is T[x] of the last byte. That chain is one table load per
 * byte and each load waits for the previous one. HIGH is linear over GF(2) (a CRC table is), so the chain of two
 * halves can run side by side: x after both = HIGH^n2(x after the first half) ^ (second half's chain run from 0), and
 * HIGH^n is applied with the tables HIGH^(2^k) (STRIDES), one load per set bit of n.
 */
const HIGH = new Uint8Array(256);
for (let x = 0; x < 256; x++) HIGH[x] = TABLE[x] >>> 8;
/** The index whose HIGH is 0xFF: as if a byte had left the register at its initial 0xFFFF. */
const START = HIGH.indexOf(0xff);
/** STRIDES[k * 256 + x] = HIGH applied 2^k times to x (k < 16 covers any frame). */
const STRIDES = new Uint8Array(16 * 256);
STRIDES.set(HIGH);
for (let k = 1; k < 16; k++) {
  for (let x = 0; x < 256; x++) STRIDES[k * 256 + x] = STRIDES[(k - 1) * 256 + STRIDES[(k - 1) * 256 + x]];
}
/** Below this many bytes the single chain is as fast. */
const TWO_CHAINS_FROM = 32;

function advance(x: number, steps: number): number {
  for (let k = 0; steps !== 0; k++, steps >>>= 1) if (steps & 1) x = STRIDES[(k << 8) | x];
  return x;
}

/** HJ 212 CRC of bytes[start, end). */
export function hj212Crc(bytes: Uint8Array, start = 0, end = bytes.length): number {
  const length = end - start;
  if (length <= 0) return 0xffff;
  if (length < TWO_CHAINS_FROM) {
    let x = START;
    for (let i = start; i < end; i++) x = HIGH[x] ^ bytes[i];
    return TABLE[x];
  }
  const half = length >>> 1;
  const middle = start + half;
  let first = START;
  let second = 0;
  for (let i = 0; i < half; i++) {
    first = HIGH[first] ^ bytes[start + i];
    second = HIGH[second] ^ bytes[middle + i];
  }
  if (middle + half < end) second = HIGH[second] ^ bytes[end - 1];
  return TABLE[advance(first, end - middle) ^ second];
}

/** CRC-16/MODBUS of bytes[start, end): only to tell an operator that a device uses the wrong algorithm. */
export function modbusCrc(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let reg = 0xffff;
  for (let i = start; i < end; i++) reg = (reg >>> 8) ^ TABLE[(reg ^ bytes[i]) & 0xff];
  return reg;
}

/** Four upper-case hex digits, high byte first, as the encoder must write them. */
export function crcHex(crc: number): string {
  return crc.toString(16).toUpperCase().padStart(4, '0');
}

/** HJ 212 CRC of a string's UTF-8 bytes, as 4 upper-case hex digits. */
export function hj212CrcOf(text: string): string {
  return crcHex(hj212Crc(Buffer.from(text, 'utf8')));
}
