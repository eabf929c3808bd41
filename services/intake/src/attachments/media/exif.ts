import { jpegSegments, pngChunks, webpChunks } from './containers';

/** Where and when a photo was taken, from its EXIF: for staff only, never shown publicly (see strip.ts). */
export interface PhotoLocation {
  lat: number;
  lng: number;
  /** ISO 8601 UTC. */
  takenAt?: string;
}

const TAG_EXIF_IFD = 0x8769;
const TAG_GPS_IFD = 0x8825;
const TAG_DATE_TIME_ORIGINAL = 0x9003;
const TAG_OFFSET_TIME_ORIGINAL = 0x9011;
const GPS_LATITUDE_REF = 1;
const GPS_LATITUDE = 2;
const GPS_LONGITUDE_REF = 3;
const GPS_LONGITUDE = 4;

// Bytes per value of each TIFF field type (BYTE, ASCII, SHORT, LONG, RATIONAL, SBYTE, UNDEFINED, SSHORT, SLONG,
// SRATIONAL, FLOAT, DOUBLE, IFD); other types are unknown and their entries are ignored.
const TYPE_SIZES: Record<number, number> = { 1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8, 13: 4 };
// A real IFD has a few dozen entries; more means garbage, and reading it all would only cost time.
const MAX_ENTRIES = 512;

/**
 * The GPS position (and the time the shutter fired) from a JPEG's, PNG's or WebP's EXIF, or undefined when there is
 * none. Never throws: uploads are untrusted, so a truncated block, an offset out of range or an IFD pointing back
 * at itself all mean "no location".
 */
export function readPhotoLocation(bytes: Buffer): PhotoLocation | undefined {
  try {
    const tiff = findExif(bytes);
    return tiff ? readTiff(tiff) : undefined;
  } catch {
    // Every read below is bounds-checked and throws Malformed; this catch is what turns that into "no location".
    return undefined;
  }
}

/** The EXIF block (a TIFF structure) of a JPEG (APP1), PNG (eXIf) or WebP (EXIF chunk). */
export function findExif(bytes: Buffer): Buffer | undefined {
  const jpeg = jpegSegments(bytes, true);
  if (jpeg) {
    for (const s of jpeg) {
      if (s.marker === 0xe1 && s.end - s.start > 10 && bytes.toString('latin1', s.start + 4, s.start + 10) === 'Exif\0\0') {
        return bytes.subarray(s.start + 10, s.end);
      }
    }
    return undefined;
  }
  const png = pngChunks(bytes);
  const pngExif = png?.find((c) => c.type === 'eXIf');
  if (pngExif) return withoutExifHeader(bytes.subarray(pngExif.start + 8, pngExif.end - 4));
  const webpExif = webpChunks(bytes)?.find((c) => c.fourcc === 'EXIF');
  if (webpExif) return withoutExifHeader(bytes.subarray(webpExif.start + 8, webpExif.start + 8 + webpExif.size));
  return undefined;
}

// PNG and WebP should hold the bare TIFF structure, but some writers copy the JPEG "Exif\0\0" header along.
const withoutExifHeader = (block: Buffer) => (block.toString('latin1', 0, 6) === 'Exif\0\0' ? block.subarray(6) : block);

class Malformed extends Error {}

interface Tiff {
  buf: Buffer;
  little: boolean;
}

interface Entry {
  type: number;
  count: number;
  /** Where the values are: inside the entry when they fit in four bytes, else at the offset it holds. */
  at: number;
}

function u16(t: Tiff, at: number): number {
  if (at < 0 || at + 2 > t.buf.length) throw new Malformed();
  return t.little ? t.buf.readUInt16LE(at) : t.buf.readUInt16BE(at);
}

function u32(t: Tiff, at: number): number {
  if (at < 0 || at + 4 > t.buf.length) throw new Malformed();
  return t.little ? t.buf.readUInt32LE(at) : t.buf.readUInt32BE(at);
}

function readTiff(buf: Buffer): PhotoLocation | undefined {
  const order = buf.toString('latin1', 0, 2);
  if (order !== 'II' && order !== 'MM') return undefined;
  const t: Tiff = { buf, little: order === 'II' };
  if (u16(t, 2) !== 42) return undefined;
  // Only IFD0 and the two sub-IFDs it points at are read, and each at most once: no chain to follow, no loop.
  const visited = new Set<number>();
  const ifd0 = readIfd(t, u32(t, 4), visited);
  const gps = subIfd(t, ifd0.get(TAG_GPS_IFD), visited);
  if (!gps) return undefined;
  const lat = coordinate(t, gps.get(GPS_LATITUDE_REF), gps.get(GPS_LATITUDE), 'NS', 90);
  const lng = coordinate(t, gps.get(GPS_LONGITUDE_REF), gps.get(GPS_LONGITUDE), 'EW', 180);
  // Many phones write a GPS block of zeros when they had no fix; 0°, 0° is in the Gulf of Guinea, not a city.
  if (lat === undefined || lng === undefined || (lat === 0 && lng === 0)) return undefined;
  const takenAt = readTakenAt(t, ifd0.get(TAG_EXIF_IFD), visited);
  return takenAt ? { lat, lng, takenAt } : { lat, lng };
}

/** The time is a bonus: a broken Exif sub-IFD costs the time, not the position already read. */
function readTakenAt(t: Tiff, pointer: Entry | undefined, visited: Set<number>): string | undefined {
  try {
    const exif = subIfd(t, pointer, visited);
    return exif && localTimeToUtc(ascii(t, exif.get(TAG_DATE_TIME_ORIGINAL)), ascii(t, exif.get(TAG_OFFSET_TIME_ORIGINAL)));
  } catch {
    return undefined;
  }
}

function readIfd(t: Tiff, offset: number, visited: Set<number>): Map<number, Entry> {
  if (visited.has(offset)) throw new Malformed();
  visited.add(offset);
  const count = u16(t, offset);
  if (count > MAX_ENTRIES) throw new Malformed();
  const entries = new Map<number, Entry>();
  for (let i = 0; i < count; i++) {
    const at = offset + 2 + i * 12;
    const type = u16(t, at + 2);
    const valueCount = u32(t, at + 4);
    const size = TYPE_SIZES[type];
    if (!size) continue;
    entries.set(u16(t, at), { type, count: valueCount, at: size * valueCount <= 4 ? at + 8 : u32(t, at + 8) });
  }
  return entries;
}

function subIfd(t: Tiff, pointer: Entry | undefined, visited: Set<number>): Map<number, Entry> | undefined {
  if (!pointer || (pointer.type !== 4 && pointer.type !== 13) || pointer.count !== 1) return undefined;
  return readIfd(t, u32(t, pointer.at), visited);
}

function ascii(t: Tiff, entry: Entry | undefined): string | undefined {
  if (!entry || entry.type !== 2 || entry.count > 64) return undefined;
  if (entry.at + entry.count > t.buf.length) throw new Malformed();
  return t.buf.toString('latin1', entry.at, entry.at + entry.count).replace(/\0+$/, '').trim();
}

function rationals(t: Tiff, entry: Entry | undefined): number[] | undefined {
  if (!entry || entry.type !== 5 || entry.count < 1 || entry.count > 3) return undefined;
  const values: number[] = [];
  for (let i = 0; i < entry.count; i++) {
    const numerator = u32(t, entry.at + i * 8);
    const denominator = u32(t, entry.at + i * 8 + 4);
    if (denominator === 0) return undefined;
    values.push(numerator / denominator);
  }
  return values;
}

/** Degrees, minutes, seconds and a hemisphere letter as signed decimal degrees. A missing hemisphere is not guessed. */
function coordinate(t: Tiff, ref: Entry | undefined, dmsEntry: Entry | undefined, hemispheres: 'NS' | 'EW', max: number) {
  const [positive, negative] = hemispheres;
  const hemisphere = ascii(t, ref)?.toUpperCase();
  const dms = rationals(t, dmsEntry);
  if (!dms || (hemisphere !== positive && hemisphere !== negative)) return undefined;
  const [degrees, minutes = 0, seconds = 0] = dms;
  if (minutes >= 60 || seconds >= 60) return undefined;
  const value = degrees + minutes / 60 + seconds / 3600;
  if (!Number.isFinite(value) || value > max) return undefined;
  // Six decimals is about 0.1 m: all the precision a phone has, without floating-point noise.
  return Math.round((hemisphere === negative ? -value : value) * 1e6) / 1e6;
}

/**
 * EXIF's "YYYY:MM:DD HH:MM:SS" is the camera's wall-clock time. With no OffsetTimeOriginal (older phones write none)
 * it is taken as China Standard Time (Asia/Shanghai, UTC+8 all year, no daylight saving) since the reports are local.
 */
export function localTimeToUtc(local: string | undefined, offset: string | undefined): string | undefined {
  const m = local?.match(/^(\d{4}):(\d{2}):(\d{2}) (\d{2}):(\d{2}):(\d{2})$/);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number);
  const o = offset?.match(/^([+-])(\d{2}):(\d{2})$/);
  const offsetMinutes = o ? (o[1] === '-' ? -1 : 1) * (Number(o[2]) * 60 + Number(o[3])) : 8 * 60;
  const wall = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  // Date.UTC rolls "2024:02:30" over into March; a date that does not read back the same was never a real one.
  const real =
    year >= 1990 &&
    wall.getUTCFullYear() === year &&
    wall.getUTCMonth() === month - 1 &&
    wall.getUTCDate() === day &&
    wall.getUTCHours() === hour &&
    wall.getUTCMinutes() === minute &&
    wall.getUTCSeconds() === second;
  return real ? new Date(wall.getTime() - offsetMinutes * 60_000).toISOString() : undefined;
}
