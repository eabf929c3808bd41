// Walkers over the three containers whose metadata we read and strip. Each checks every length against the buffer
// and returns undefined for a malformed file instead of throwing, so a hostile upload cannot make them read past
// the end or loop: every step moves forward by at least one header.

/** A JPEG segment, marker included: bytes[start, end). ENTROPY marks the coded data after a scan header. */
export interface JpegSegment {
  marker: number;
  start: number;
  end: number;
}

export const ENTROPY = -1;
export const SOS = 0xda;
export const EOI = 0xd9;

const isStandalone = (marker: number) => marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7);

/**
 * The segments of a JPEG from SOI through EOI (fill bytes between segments are left out). With `headersOnly` it stops
 * at the first scan, which is all a metadata reader needs and lets it read a file whose image data is cut short.
 */
export function jpegSegments(bytes: Buffer, headersOnly = false): JpegSegment[] | undefined {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return undefined;
  const segments: JpegSegment[] = [{ marker: 0xd8, start: 0, end: 2 }];
  let pos = 2;
  while (pos < bytes.length) {
    if (bytes[pos] !== 0xff) return undefined;
    while (pos < bytes.length && bytes[pos] === 0xff) pos++;
    if (pos >= bytes.length) return undefined;
    const marker = bytes[pos];
    const start = pos - 1;
    pos++;
    if (marker === EOI) {
      segments.push({ marker, start, end: pos });
      return segments;
    }
    if (marker === 0xd8 || marker === 0x00) return undefined;
    if (isStandalone(marker)) {
      segments.push({ marker, start, end: pos });
      continue;
    }
    if (pos + 2 > bytes.length) return undefined;
    const length = bytes.readUInt16BE(pos);
    if (length < 2 || pos + length > bytes.length) return undefined;
    pos += length;
    segments.push({ marker, start, end: pos });
    if (marker !== SOS) continue;
    if (headersOnly) return segments;
    const dataEnd = entropyEnd(bytes, pos);
    if (dataEnd === undefined) return undefined;
    segments.push({ marker: ENTROPY, start: pos, end: dataEnd });
    pos = dataEnd;
  }
  return undefined;
}

/** Where the coded data after a scan header ends: the next marker that is not a stuffed 0xFF00 or a restart. */
function entropyEnd(bytes: Buffer, from: number): number | undefined {
  for (let i = bytes.indexOf(0xff, from); i !== -1 && i + 1 < bytes.length; i = bytes.indexOf(0xff, i + 1)) {
    const next = bytes[i + 1];
    if (next === 0x00 || next === 0xff || (next >= 0xd0 && next <= 0xd7)) continue;
    return i;
  }
  return undefined;
}

/** A PNG chunk: length, type, data, CRC in bytes[start, end); the data is bytes[start + 8, end - 4). */
export interface PngChunk {
  type: string;
  start: number;
  end: number;
}

/** The chunks of a PNG through IEND; bytes after IEND are not part of the image and are not listed. */
export function pngChunks(bytes: Buffer): PngChunk[] | undefined {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 8 || signature.some((b, i) => bytes[i] !== b)) return undefined;
  const chunks: PngChunk[] = [];
  for (let pos = 8; pos + 12 <= bytes.length; ) {
    const length = bytes.readUInt32BE(pos);
    const end = pos + 12 + length;
    if (length > 0x7fffffff || end > bytes.length) return undefined;
    const type = bytes.toString('latin1', pos + 4, pos + 8);
    if (!/^[A-Za-z]{4}$/.test(type)) return undefined;
    chunks.push({ type, start: pos, end });
    if (type === 'IEND') return chunks;
    pos = end;
  }
  return undefined;
}

/** A RIFF chunk (WebP): fourcc, little-endian size, data and the pad byte of an odd size, in bytes[start, end). */
export interface RiffChunk {
  fourcc: string;
  start: number;
  end: number;
  size: number;
}

/** The chunks of a WebP file, within the length its RIFF header declares. */
export function webpChunks(bytes: Buffer): RiffChunk[] | undefined {
  if (bytes.length < 20 || bytes.toString('latin1', 0, 4) !== 'RIFF' || bytes.toString('latin1', 8, 12) !== 'WEBP') {
    return undefined;
  }
  const riffEnd = 8 + bytes.readUInt32LE(4);
  if (riffEnd > bytes.length) return undefined;
  const chunks: RiffChunk[] = [];
  let pos = 12;
  while (pos + 8 <= riffEnd) {
    const size = bytes.readUInt32LE(pos + 4);
    const end = pos + 8 + size + (size & 1);
    // Some encoders leave off the final pad byte; the data itself must still fit.
    if (pos + 8 + size > riffEnd) return undefined;
    chunks.push({ fourcc: bytes.toString('latin1', pos, pos + 4), start: pos, end: Math.min(end, riffEnd), size });
    pos = end;
  }
  return chunks.length > 0 ? chunks : undefined;
}
