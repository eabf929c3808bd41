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

/** HJ 212 CRC of bytes[start, end). */
export function hj212Crc(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let reg = 0xffff;
  for (let i = start; i < end; i++) reg = TABLE[(reg >>> 8) ^ bytes[i]];
  return reg;
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
