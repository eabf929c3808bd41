/** What a file is, decided from its first bytes. The name and the Content-Type a phone sends are never trusted. */
export interface SniffedMedia {
  kind: 'photo' | 'video';
  mediaType: string;
  extension: string;
}

const photo = (mediaType: string, extension: string): SniffedMedia => ({ kind: 'photo', mediaType, extension });
const video = (mediaType: string, extension: string): SniffedMedia => ({ kind: 'video', mediaType, extension });

const JPEG = photo('image/jpeg', 'jpg');
const PNG = photo('image/png', 'png');
const GIF = photo('image/gif', 'gif');
const WEBP = photo('image/webp', 'webp');
const MP4 = video('video/mp4', 'mp4');
const GP3 = video('video/3gpp', '3gp');

/** ISO base media (ftyp) brands we accept. HEIC is what iPhones shoot; MP4, MOV and 3GP are what phones record. */
const BRANDS: Record<string, SniffedMedia> = {
  heic: photo('image/heic', 'heic'),
  heix: photo('image/heic', 'heic'),
  mif1: photo('image/heif', 'heif'),
  msf1: photo('image/heif-sequence', 'heif'),
  isom: MP4,
  iso2: MP4,
  iso4: MP4,
  iso5: MP4,
  iso6: MP4,
  mp41: MP4,
  mp42: MP4,
  avc1: MP4,
  'M4V ': MP4,
  M4VH: MP4,
  M4VP: MP4,
  'qt  ': video('video/quicktime', 'mov'),
  '3gp4': GP3,
  '3gp5': GP3,
  '3gp6': GP3,
  '3gg6': GP3,
  '3ge6': GP3,
  '3g2a': video('video/3gpp2', '3g2'),
};

// mif1/msf1 only say "HEIF structure" and AVIF lists them too, so among compatible brands they do not make a HEIC.
const GENERIC_HEIF = new Set(['mif1', 'msf1']);
// Audio files carry video-compatible brands (M4A lists isom and mp42); a voice memo is not a video.
const AUDIO_BRANDS = new Set(['M4A ', 'M4B ', 'M4P ', 'F4A ', 'F4B ']);

const startsWith = (bytes: Buffer, signature: number[], at = 0) =>
  bytes.length >= at + signature.length && signature.every((b, i) => bytes[at + i] === b);
const ascii = (bytes: Buffer, start: number, end: number) => bytes.toString('latin1', start, end);

/**
 * The photo or video type of `bytes` by magic numbers, or undefined for anything else: PDF, executables, archives,
 * HTML, text renamed .jpg. SVG is refused on purpose: it is XML that can carry script, so it is never "just a photo".
 */
export function sniffMedia(bytes: Buffer): SniffedMedia | undefined {
  // The fourth byte of a JPEG is the marker of its first segment (APPn, DQT, …), never another fill byte.
  if (startsWith(bytes, [0xff, 0xd8, 0xff]) && bytes.length > 3 && bytes[3] >= 0xc0 && bytes[3] !== 0xff) return JPEG;
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return PNG;
  if (bytes.length >= 6 && (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a')) return GIF;
  if (bytes.length >= 16 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 15) === 'WEBPVP8') return WEBP;
  if (bytes.length >= 12 && ascii(bytes, 4, 8) === 'ftyp') return sniffFtyp(bytes);
  if (startsWith(bytes, [0x1a, 0x45, 0xdf, 0xa3]) && ebmlDocType(bytes) === 'webm') return video('video/webm', 'webm');
  return undefined;
}

function sniffFtyp(bytes: Buffer): SniffedMedia | undefined {
  const boxSize = bytes.readUInt32BE(0);
  if (boxSize < 16 || boxSize > 4096) return undefined;
  const major = ascii(bytes, 8, 12);
  if (AUDIO_BRANDS.has(major)) return undefined;
  if (BRANDS[major]) return BRANDS[major];
  // An unusual major brand (a camera maker's own) still counts when it declares a brand we know as compatible.
  const end = Math.min(boxSize, bytes.length);
  for (let at = 16; at + 4 <= end; at += 4) {
    const brand = ascii(bytes, at, at + 4);
    if (BRANDS[brand] && !GENERIC_HEIF.has(brand)) return BRANDS[brand];
  }
  return undefined;
}

/** The DocType ("webm" or "matroska") from an EBML header; undefined when the header is not what we expect. */
function ebmlDocType(bytes: Buffer): string | undefined {
  const limit = Math.min(bytes.length, 64);
  for (let at = 4; at + 3 < limit; at++) {
    if (bytes[at] !== 0x42 || bytes[at + 1] !== 0x82) continue;
    const size = bytes[at + 2];
    // A one-byte EBML size (1xxxxxxx) is what every muxer writes for a short DocType.
    if ((size & 0x80) === 0) return undefined;
    const length = size & 0x7f;
    return at + 3 + length <= bytes.length ? ascii(bytes, at + 3, at + 3 + length) : undefined;
  }
  return undefined;
}
