import { ENTROPY, jpegSegments, pngChunks, webpChunks, type JpegSegment } from './containers';

// What is kept is listed, not what is dropped: metadata formats keep being invented (C2PA in caBX and APP11, MPF
// side images in APP2, maker notes), and an allow-list fails towards "dropped" instead of "published".

const STRIPPERS: Record<string, (bytes: Buffer) => Buffer | undefined> = {
  'image/jpeg': stripJpeg,
  'image/png': stripPng,
  'image/webp': stripWebp,
};

/**
 * Whether stripMetadata can make a public copy of this type. HEIC and videos (MP4/MOV/3GP/WebM) carry location in
 * boxes and tracks we do not rewrite (a MOV keeps it in moov/udta and in per-frame metadata tracks), and GIF in
 * application extensions: the caller keeps such files for staff and shows them publicly only once converted
 * (a transcoded copy is a new file with no metadata), never as uploaded.
 */
export function canStrip(mediaType: string): boolean {
  return Object.hasOwn(STRIPPERS, mediaType);
}

/** Thrown instead of returning bytes we are not sure are clean: the caller then does not publish the file. */
export class MediaStripError extends Error {
  readonly code = 'CANNOT_STRIP';
}

/**
 * A copy of a photo that is safe to show publicly: no EXIF (GPS, time, device), XMP, IPTC, comments or embedded
 * thumbnails, and nothing after the end of the image (phones append motion-photo videos there; attackers, HTML).
 * Everything a decoder needs is kept byte for byte. Throws MediaStripError for a type canStrip refuses or a file
 * whose structure does not parse: half-understood bytes are never published.
 */
export function stripMetadata(bytes: Buffer, mediaType: string): Buffer {
  const stripped = canStrip(mediaType) ? STRIPPERS[mediaType](bytes) : undefined;
  if (!stripped) {
    throw new MediaStripError(
      canStrip(mediaType) ? `malformed ${mediaType}: cannot strip its metadata` : `cannot strip metadata from ${mediaType}`,
    );
  }
  return stripped;
}

function stripJpeg(bytes: Buffer): Buffer | undefined {
  const segments = jpegSegments(bytes);
  if (!segments) return undefined;
  const kept: Buffer[] = [];
  for (const segment of segments) {
    const part = keptJpegSegment(bytes, segment);
    if (part) kept.push(part);
  }
  return Buffer.concat(kept);
}

const payloadStartsWith = (bytes: Buffer, s: JpegSegment, prefix: string) =>
  s.end - s.start >= 4 + prefix.length && bytes.toString('latin1', s.start + 4, s.start + 4 + prefix.length) === prefix;

function keptJpegSegment(bytes: Buffer, s: JpegSegment): Buffer | undefined {
  const whole = bytes.subarray(s.start, s.end);
  if (s.marker === ENTROPY) return whole;
  // APP0 JFIF tells a decoder the colour space and pixel density; its optional thumbnail goes (JFXX thumbnails too).
  if (s.marker === 0xe0) {
    return payloadStartsWith(bytes, s, 'JFIF\0') && s.end - s.start >= 18 ? jfifWithoutThumbnail(whole) : undefined;
  }
  // APP2 only for the ICC colour profile; APP2 also carries MPF, which points at extra images with their own EXIF.
  if (s.marker === 0xe2) return payloadStartsWith(bytes, s, 'ICC_PROFILE\0') ? whole : undefined;
  // APP14 "Adobe" says whether a CMYK/YCCK image is colour-transformed: without it such an image decodes wrong.
  if (s.marker === 0xee) return payloadStartsWith(bytes, s, 'Adobe') ? whole : undefined;
  // Kept: frames, tables, scans, restarts, SOI/EOI (0xC0-0xDF) and the JPEG-LS frame and parameters (0xF7, 0xF8).
  // Dropped: every other APPn (APP1 EXIF/XMP, APP11 C2PA, APP13 IPTC/Photoshop, maker data), COM and the reserved rest.
  return (s.marker >= 0xc0 && s.marker <= 0xdf) || s.marker === 0xf7 || s.marker === 0xf8 ? whole : undefined;
}

function jfifWithoutThumbnail(segment: Buffer): Buffer {
  const copy = Buffer.from(segment.subarray(0, 18));
  copy.writeUInt16BE(16, 2);
  copy[16] = 0;
  copy[17] = 0;
  return copy;
}

// Critical chunks (upper-case first letter) are always kept; of the ancillary ones, only those that change pixels,
// colour or animation. Dropped: eXIf, tEXt, zTXt, iTXt, tIME and anything unknown.
const PNG_KEPT_ANCILLARY = new Set([
  'tRNS', 'gAMA', 'cHRM', 'sRGB', 'iCCP', 'sBIT', 'bKGD', 'pHYs', 'hIST', 'cICP', 'mDCv', 'cLLi', 'acTL', 'fcTL', 'fdAT',
]);

function stripPng(bytes: Buffer): Buffer | undefined {
  const chunks = pngChunks(bytes);
  if (!chunks) return undefined;
  const isCritical = (type: string) => type.charCodeAt(0) < 0x61;
  // Kept chunks are copied whole, CRC included, so every CRC stays valid.
  const kept = chunks
    .filter((c) => isCritical(c.type) || PNG_KEPT_ANCILLARY.has(c.type))
    .map((c) => bytes.subarray(c.start, c.end));
  return Buffer.concat([bytes.subarray(0, 8), ...kept]);
}

// VP8X is the extended header; VP8/VP8L/ALPH are the image, ANIM/ANMF animation, ICCP colour. Dropped: EXIF, XMP.
const WEBP_KEPT = new Set(['VP8X', 'VP8 ', 'VP8L', 'ALPH', 'ANIM', 'ANMF', 'ICCP']);
const VP8X_EXIF_FLAG = 0x08;
const VP8X_XMP_FLAG = 0x04;

function stripWebp(bytes: Buffer): Buffer | undefined {
  const chunks = webpChunks(bytes);
  if (!chunks?.some((c) => c.fourcc === 'VP8 ' || c.fourcc === 'VP8L' || c.fourcc === 'ANMF')) return undefined;
  const kept: Buffer[] = [];
  for (const c of chunks.filter((chunk) => WEBP_KEPT.has(chunk.fourcc))) {
    let chunk = bytes.subarray(c.start, c.end);
    if (c.fourcc === 'VP8X') {
      if (c.size < 10) return undefined;
      // The flags must not announce chunks that are gone, or strict decoders reject the file.
      chunk = Buffer.from(chunk);
      chunk[8] &= ~(VP8X_EXIF_FLAG | VP8X_XMP_FLAG);
    }
    // An odd-sized chunk is followed by a pad byte; put it back if the encoder left it off the last chunk.
    kept.push(chunk.length === 8 + c.size && c.size % 2 === 1 ? Buffer.concat([chunk, Buffer.alloc(1)]) : chunk);
  }
  const body = Buffer.concat(kept);
  const header = Buffer.alloc(12);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(4 + body.length, 4);
  header.write('WEBP', 8, 'latin1');
  return Buffer.concat([header, body]);
}
