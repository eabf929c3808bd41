import { crc32, inflateSync } from 'node:zlib';
import { pngChunks, webpChunks } from './containers';
import { findExif, readPhotoLocation } from './exif';
import {
  exifApp1, ftyp, gpsExif, JFIF, jpeg, JPEG_DHT, JPEG_DQT, JPEG_SOF0, JPEG_SOS,
  latin1, png, pngChunk, PNG_PIXELS, riffChunk, segment, VP8L, webp,
} from './fixtures/build';
import { canStrip, MediaStripError, stripMetadata } from './strip';

const EXIF = gpsExif('II', 29.3068, 120.0751, { local: '2025:06:01 10:30:00' });
const XMP = segment(0xe1, latin1('http://ns.adobe.com/xap/1.0/\0<x:xmpmeta><rdf:Description exif:GPSLatitude="29,18.408N"/></x:xmpmeta>'));
const IPTC = segment(0xed, latin1('Photoshop 3.0\u00008BIM\u0004\u0004\u0000\u0000\u0000\u0000\u0000\u0008Yiwu 义乌'));
const COMMENT = segment(0xfe, latin1('reporter phone 13800000000'));
const ICC = segment(0xe2, latin1('ICC_PROFILE\u0000\u0001\u0001fake profile'));
const MPF = segment(0xe2, latin1('MPF\u0000MM\u0000*'));
const ADOBE = segment(0xee, latin1('Adobe\u0000\u0064\u0000\u0000\u0000\u0000\u0001'));
const JFIF_WITH_THUMBNAIL = segment(0xe0, Buffer.concat([latin1('JFIF\0'), Buffer.from([1, 1, 0, 0, 1, 0, 1, 1, 1, 0xaa, 0xbb, 0xcc])]));
const MOTION_PHOTO = ftyp('mp42', ['isom', 'mp42']);

const contains = (haystack: Buffer, needle: Buffer | string) => haystack.indexOf(needle) !== -1;

describe('stripMetadata: a copy safe to show publicly', () => {
  it('says which types it can strip; the caller keeps the others for staff only', () => {
    expect(['image/jpeg', 'image/png', 'image/webp'].map(canStrip)).toEqual([true, true, true]);
    for (const mediaType of ['image/heic', 'image/heif', 'image/gif', 'video/mp4', 'video/quicktime', 'video/webm', 'constructor']) {
      expect(canStrip(mediaType)).toBe(false);
    }
    expect(() => stripMetadata(MOTION_PHOTO, 'video/mp4')).toThrow(MediaStripError);
  });

  describe('JPEG', () => {
    it.each(['II', 'MM'] as const)('drops EXIF (%s), XMP, IPTC, comments, MPF and what follows EOI; keeps what decodes', (order) => {
      const exif = gpsExif(order, 29.3068, 120.0751, { local: '2025:06:01 10:30:00' });
      const scan = Buffer.from([0x12, 0xff, 0x00, 0x34, 0xff, 0xd0, 0x56, 0x3f]);
      const original = jpeg([JFIF, exifApp1(exif), XMP, ICC, MPF, IPTC, COMMENT, ADOBE], { scan, trailer: MOTION_PHOTO });
      expect(readPhotoLocation(original)).toBeDefined();

      const stripped = stripMetadata(original, 'image/jpeg');

      expect(readPhotoLocation(stripped)).toBeUndefined();
      expect(findExif(stripped)).toBeUndefined();
      for (const gone of ['Exif', 'GPS', 'xmpmeta', 'Photoshop', '13800000000', 'MPF', 'ftyp', 'Xiaomi']) {
        expect(contains(stripped, gone)).toBe(false);
      }
      expect(contains(stripped, exif.subarray(8, 40))).toBe(false);
      // SOI, then exactly the segments a decoder uses, the scan byte for byte, and EOI last.
      const decodable = [JFIF, ICC, ADOBE, JPEG_DQT, JPEG_SOF0, JPEG_DHT, JPEG_SOS, scan];
      expect(stripped).toEqual(Buffer.concat([Buffer.from([0xff, 0xd8]), ...decodable, Buffer.from([0xff, 0xd9])]));
      expect(original.includes(stripped.subarray(stripped.indexOf(JPEG_SOS)))).toBe(true);
      expect(stripMetadata(stripped, 'image/jpeg')).toEqual(stripped);
    });

    it('keeps JFIF but not its thumbnail', () => {
      const stripped = stripMetadata(jpeg([JFIF_WITH_THUMBNAIL]), 'image/jpeg');
      expect(stripped.subarray(0, 2 + JFIF.length)).toEqual(Buffer.concat([Buffer.from([0xff, 0xd8]), JFIF]));
      expect(contains(stripped, Buffer.from([0xaa, 0xbb, 0xcc]))).toBe(false);
    });

    it('keeps every scan of a progressive JPEG and the tables between them', () => {
      const secondScan = Buffer.concat([JPEG_DHT, JPEG_SOS, Buffer.from([0x7f])]);
      const original = jpeg([exifApp1(EXIF)], { scan: Buffer.concat([Buffer.from([0x3f]), secondScan]) });
      const stripped = stripMetadata(original, 'image/jpeg');
      const scans = Buffer.concat([Buffer.from([0x3f]), secondScan, Buffer.from([0xff, 0xd9])]);
      expect(stripped.subarray(stripped.length - scans.length)).toEqual(scans);
    });

    it.each([
      ['without EOI', jpeg([exifApp1(EXIF)]).subarray(0, -2)],
      ['cut inside a segment', jpeg([exifApp1(EXIF)]).subarray(0, 30)],
      ['with a segment length under 2', Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0x00, 0x01, 0xff, 0xd9])],
      ['not starting with SOI', latin1('not a jpeg at all')],
    ])('refuses to publish a JPEG %s', (_name, bytes) => {
      expect(() => stripMetadata(bytes, 'image/jpeg')).toThrow(MediaStripError);
    });
  });

  describe('PNG', () => {
    const original = png(
      [
        pngChunk('eXIf', EXIF),
        pngChunk('tEXt', latin1('Comment\0taken at the Yiwu river outfall')),
        pngChunk('zTXt', Buffer.concat([latin1('Author\0\0'), Buffer.from([0x78, 0x9c, 0x03, 0, 0, 0, 0, 1])])),
        pngChunk('iTXt', Buffer.concat([latin1('Location\0\0\0\0\0'), Buffer.from('义乌', 'utf8')])),
        pngChunk('tIME', Buffer.from([0x07, 0xe9, 6, 1, 2, 30, 0])),
        pngChunk('caBX', latin1('c2pa manifest with a location')),
        pngChunk('pHYs', Buffer.from([0, 0, 0x0b, 0x13, 0, 0, 0x0b, 0x13, 1])),
      ],
      latin1('<script>alert(1)</script>'),
    );

    it('drops eXIf, tEXt, zTXt, iTXt, tIME and unknown ancillary chunks; every kept CRC is valid', () => {
      expect(readPhotoLocation(original)).toBeDefined();
      const stripped = stripMetadata(original, 'image/png');
      const chunks = pngChunks(stripped)!;
      expect(chunks.map((c) => c.type)).toEqual(['IHDR', 'pHYs', 'IDAT', 'IEND']);
      for (const c of chunks) {
        expect(stripped.readUInt32BE(c.end - 4)).toBe(crc32(stripped.subarray(c.start + 4, c.end - 4)));
      }
      expect(chunks[chunks.length - 1].end).toBe(stripped.length);
      const idat = chunks.find((c) => c.type === 'IDAT')!;
      expect(inflateSync(stripped.subarray(idat.start + 8, idat.end - 4))).toEqual(PNG_PIXELS);
      expect(readPhotoLocation(stripped)).toBeUndefined();
      for (const gone of ['Yiwu', 'c2pa', 'script', 'Location']) expect(contains(stripped, gone)).toBe(false);
    });

    it('refuses to publish a PNG without IEND', () => {
      expect(() => stripMetadata(original.subarray(0, 60), 'image/png')).toThrow(MediaStripError);
    });
  });

  describe('WebP', () => {
    const xmp = riffChunk('XMP ', latin1('<x:xmpmeta exif:GPSLatitude="29,18.408N"/>'));
    // Alpha (0x10), EXIF (0x08) and XMP (0x04) announced in VP8X.
    const original = webp(0x10 | 0x08 | 0x04, [riffChunk('EXIF', EXIF), xmp]);

    it('drops the EXIF and XMP chunks, clears their VP8X flags and fixes the RIFF size', () => {
      expect(readPhotoLocation(original)).toBeDefined();
      const stripped = stripMetadata(original, 'image/webp');
      expect(webpChunks(stripped)!.map((c) => c.fourcc)).toEqual(['VP8X', 'VP8L']);
      expect(stripped.readUInt32LE(4)).toBe(stripped.length - 8);
      expect(stripped[20]).toBe(0x10);
      expect(contains(stripped, VP8L)).toBe(true);
      expect(readPhotoLocation(stripped)).toBeUndefined();
      for (const gone of ['Exif', 'xmpmeta', 'Xiaomi']) expect(contains(stripped, gone)).toBe(false);
    });

    it('puts back a missing pad byte and drops bytes past the RIFF size', () => {
      const unpadded = Buffer.concat([latin1('RIFF'), Buffer.alloc(4), latin1('WEBP'), VP8L.subarray(0, VP8L.length - 1)]);
      unpadded.writeUInt32LE(unpadded.length - 8, 4);
      const stripped = stripMetadata(Buffer.concat([unpadded, latin1('trailing')]), 'image/webp');
      expect(stripped).toEqual(Buffer.concat([latin1('RIFF'), Buffer.from([4 + VP8L.length, 0, 0, 0]), latin1('WEBP'), VP8L]));
    });

    it('refuses to publish a WebP with no image or a chunk past the end', () => {
      const noImage = Buffer.concat([latin1('RIFF'), Buffer.from([4, 0, 0, 0]), latin1('WEBP')]);
      expect(() => stripMetadata(noImage, 'image/webp')).toThrow(MediaStripError);
      const lying = Buffer.from(original);
      lying.writeUInt32LE(0xffff, 12 + 4);
      expect(() => stripMetadata(lying, 'image/webp')).toThrow(MediaStripError);
    });
  });
});
