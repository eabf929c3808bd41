import { inflateRawSync } from 'node:zlib';

/**
 * Just enough of the zip format to read an .xlsx: the central directory, stored and deflated entries.
 * No ZIP64, no encryption, no multi-disk archives; Excel never writes those for files of the size we accept.
 */
export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

/** The archive cannot be read (or uses what we do not support). */
export class ZipBroken extends Error {}

/** Reading one more entry would pass the inflated-size budget. */
export class ZipTooLarge extends Error {}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export const isZip = (bytes: Buffer) => bytes.length >= 4 && bytes.readUInt32LE(0) === LOCAL;

/** Entries by lower-cased name (some writers vary the case of part names). */
export function zipEntries(bytes: Buffer): Map<string, ZipEntry> {
  let eocd = -1;
  // The end record is 22 bytes plus a comment of at most 65,535.
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (bytes.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipBroken('no end of central directory');
  const count = bytes.readUInt16LE(eocd + 10);
  const cdSize = bytes.readUInt32LE(eocd + 12);
  const cdOffset = bytes.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff || cdOffset + cdSize > eocd) throw new ZipBroken('ZIP64 or bad central directory');

  const entries = new Map<string, ZipEntry>();
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > eocd || bytes.readUInt32LE(p) !== CENTRAL) throw new ZipBroken('bad central directory entry');
    const nameLength = bytes.readUInt16LE(p + 28);
    const entry: ZipEntry = {
      flags: bytes.readUInt16LE(p + 8),
      method: bytes.readUInt16LE(p + 10),
      compressedSize: bytes.readUInt32LE(p + 20),
      size: bytes.readUInt32LE(p + 24),
      localOffset: bytes.readUInt32LE(p + 42),
      name: bytes.toString('utf8', p + 46, p + 46 + nameLength),
    };
    entries.set(entry.name.toLowerCase(), entry);
    p += 46 + nameLength + bytes.readUInt16LE(p + 30) + bytes.readUInt16LE(p + 32);
  }
  return entries;
}

/**
 * An entry's bytes. `budget` is what may still be inflated; the declared size is checked against it first, and
 * the inflater is stopped at the declared size, so a lying header cannot make it allocate more (zip bombs).
 */
export function readEntry(bytes: Buffer, entry: ZipEntry, budget: number): Buffer {
  if (entry.flags & 1) throw new ZipBroken('encrypted entry');
  if (entry.size === 0xffffffff || entry.compressedSize === 0xffffffff) throw new ZipBroken('ZIP64 entry');
  if (entry.size > budget) throw new ZipTooLarge(entry.name);
  const p = entry.localOffset;
  if (p + 30 > bytes.length || bytes.readUInt32LE(p) !== LOCAL) throw new ZipBroken('bad local header');
  const start = p + 30 + bytes.readUInt16LE(p + 26) + bytes.readUInt16LE(p + 28);
  if (start + entry.compressedSize > bytes.length) throw new ZipBroken('entry runs past the end');
  const data = bytes.subarray(start, start + entry.compressedSize);

  let out: Buffer;
  if (entry.method === 0) out = data;
  else if (entry.method === 8) {
    try {
      out = inflateRawSync(data, { maxOutputLength: Math.max(1, entry.size) });
    } catch {
      throw new ZipBroken(`cannot inflate ${entry.name}`);
    }
  } else throw new ZipBroken(`compression method ${entry.method}`);
  if (out.length !== entry.size) throw new ZipBroken(`size mismatch in ${entry.name}`);
  return out;
}
