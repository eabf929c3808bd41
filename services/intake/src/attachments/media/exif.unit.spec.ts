import {
  exifApp1, gpsExif, JFIF, jpeg, latin1, png, pngChunk, riffChunk, segment, tiff, webp, type TiffField,
} from './fixtures/build';
import { localTimeToUtc, readPhotoLocation } from './exif';

// A spot in Yiwu (义乌), as a phone records it.
const YIWU = { lat: 29.3068, lng: 120.0751 };
const TAKEN = { local: '2025:06:01 10:30:00' };

describe('readPhotoLocation', () => {
  it.each(['II', 'MM'] as const)('reads GPS and the shutter time from a JPEG (%s byte order)', (order) => {
    const photo = jpeg([JFIF, exifApp1(gpsExif(order, YIWU.lat, YIWU.lng, TAKEN))]);
    const location = readPhotoLocation(photo);
    expect(location?.lat).toBeCloseTo(29.3068, 6);
    expect(location?.lng).toBeCloseTo(120.0751, 6);
    // 10:30 in Yiwu is 02:30 UTC.
    expect(location?.takenAt).toBe('2025-06-01T02:30:00.000Z');
  });

  it('signs southern and western coordinates', () => {
    const location = readPhotoLocation(jpeg([exifApp1(gpsExif('MM', -33.8568, -70.6483))]));
    expect(location).toEqual({ lat: expect.closeTo(-33.8568, 6), lng: expect.closeTo(-70.6483, 6) });
  });

  it('uses OffsetTimeOriginal when the phone wrote one', () => {
    const photo = jpeg([exifApp1(gpsExif('II', YIWU.lat, YIWU.lng, { local: '2025:06:01 10:30:00', offset: '+04:00' }))]);
    expect(readPhotoLocation(photo)?.takenAt).toBe('2025-06-01T06:30:00.000Z');
  });

  it('keeps the position when the time is unset or impossible', () => {
    for (const local of ['0000:00:00 00:00:00', '2025:02:30 10:00:00', 'yesterday']) {
      const location = readPhotoLocation(jpeg([exifApp1(gpsExif('II', YIWU.lat, YIWU.lng, { local }))]));
      expect(location).toEqual({ lat: expect.closeTo(YIWU.lat, 6), lng: expect.closeTo(YIWU.lng, 6) });
    }
  });

  it('reads PNG eXIf and WebP EXIF chunks (with or without the JPEG "Exif" header)', () => {
    const exif = gpsExif('MM', YIWU.lat, YIWU.lng, TAKEN);
    for (const photo of [
      png([pngChunk('eXIf', exif)]),
      png([pngChunk('eXIf', Buffer.concat([latin1('Exif\0\0'), exif]))]),
      webp(0x08, [riffChunk('EXIF', exif)]),
      webp(0x08, [riffChunk('EXIF', Buffer.concat([latin1('Exif\0\0'), exif]))]),
    ]) {
      expect(readPhotoLocation(photo)).toEqual({
        lat: expect.closeTo(YIWU.lat, 6),
        lng: expect.closeTo(YIWU.lng, 6),
        takenAt: '2025-06-01T02:30:00.000Z',
      });
    }
  });

  it('finds nothing where there is no GPS', () => {
    expect(readPhotoLocation(jpeg([JFIF]))).toBeUndefined();
    expect(readPhotoLocation(jpeg([exifApp1(tiff('II', [{ tag: 0x010f, value: { ascii: 'Huawei' } }]))]))).toBeUndefined();
    expect(readPhotoLocation(png([]))).toBeUndefined();
    expect(readPhotoLocation(webp(0, []))).toBeUndefined();
    // The all-zero GPS block of a phone without a fix.
    expect(readPhotoLocation(jpeg([exifApp1(gpsExif('II', 0, 0))]))).toBeUndefined();
  });

  it('does not guess a missing hemisphere', () => {
    const latLngOnly = northEast(dmsOf(29), dmsOf(120)).filter((f) => f.tag === 2 || f.tag === 4);
    const noRef = tiff('II', [{ tag: 0x8825, value: { ifd: latLngOnly } }]);
    expect(readPhotoLocation(jpeg([exifApp1(noRef)]))).toBeUndefined();
  });

  describe('malformed EXIF: undefined, never a throw', () => {
    const good = gpsExif('II', YIWU.lat, YIWU.lng, TAKEN);
    const gps = (fields: TiffField[]) => tiff('MM', [{ tag: 0x8825, value: { ifd: fields } }]);

    it.each([
      ['cut off halfway', jpeg([exifApp1(good.subarray(0, 40))])],
      ['only the header', jpeg([exifApp1(good.subarray(0, 8))])],
      ['an APP1 longer than the file', jpeg([exifApp1(good)]).subarray(0, 30)],
      ['a bad byte order', jpeg([exifApp1(Buffer.concat([latin1('XX'), good.subarray(2)]))])],
      ['IFD0 offset out of range', jpeg([exifApp1(Buffer.from([0x49, 0x49, 42, 0, 0xff, 0xff, 0xff, 0x7f]))])],
      [
        // IFD0 also holds GPS-numbered tags, so following the loop would "find" a position.
        'the GPS IFD pointing back at IFD0 (a loop)',
        jpeg([exifApp1(tiff('II', [...northEast(dmsOf(29), dmsOf(120)), { tag: 0x8825, value: { long: 8 } }]))]),
      ],
      ['the GPS IFD pointing past the end', jpeg([exifApp1(tiff('II', [{ tag: 0x8825, value: { long: 0xfffffff0 } }]))])],
      ['latitude values past the end', jpeg([exifApp1(patchedOffset(gps(northEast(dmsOf(29), dmsOf(120)))))])],
      ['a zero denominator', jpeg([exifApp1(gps(northEast([[29, 0]], [[120, 1]])))])],
      ['a latitude over 90°', jpeg([exifApp1(gps(northEast([[91, 1]], [[120, 1]])))])],
      ['65,535 IFD entries', jpeg([exifApp1(Buffer.from([0x4d, 0x4d, 0, 42, 0, 0, 0, 8, 0xff, 0xff]))])],
      ['a PNG eXIf chunk longer than the file', png([pngChunk('eXIf', good)]).subarray(0, 60)],
      ['a WebP whose RIFF size is a lie', withRiffSize(webp(8, [riffChunk('EXIF', good)]), 0x7fffffff)],
      ['not an image at all', latin1('%PDF-1.7')],
      ['nothing', Buffer.alloc(0)],
    ])('%s', (_name, bytes) => {
      expect(() => readPhotoLocation(bytes)).not.toThrow();
      expect(readPhotoLocation(bytes)).toBeUndefined();
    });

    it('a broken time does not cost the position', () => {
      const badTime = tiff('II', [
        { tag: 0x8769, value: { long: 0xfffffff0 } },
        { tag: 0x8825, value: { ifd: northEast(dmsOf(29), dmsOf(120)) } },
      ]);
      expect(readPhotoLocation(jpeg([exifApp1(badTime)]))).toEqual({ lat: 29, lng: 120 });
    });

    it('survives thousands of random corruptions of a real EXIF block', () => {
      const photo = jpeg([JFIF, exifApp1(good), segment(0xfe, latin1('comment'))]);
      let seed = 42;
      const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
      for (let i = 0; i < 5000; i++) {
        const copy = Buffer.from(photo);
        const flips = 1 + Math.floor(random() * 4);
        for (let j = 0; j < flips; j++) copy[Math.floor(random() * copy.length)] = Math.floor(random() * 256);
        const cut = random() < 0.2 ? copy.subarray(0, Math.floor(random() * copy.length)) : copy;
        expect(() => readPhotoLocation(cut)).not.toThrow();
      }
    });
  });
});

describe('localTimeToUtc', () => {
  it('reads the camera clock as Asia/Shanghai (UTC+8, no daylight saving) unless told otherwise', () => {
    expect(localTimeToUtc('2025:01:01 07:59:59', undefined)).toBe('2024-12-31T23:59:59.000Z');
    expect(localTimeToUtc('2025:07:01 12:00:00', undefined)).toBe('2025-07-01T04:00:00.000Z');
    expect(localTimeToUtc('2025:07:01 12:00:00', '-05:00')).toBe('2025-07-01T17:00:00.000Z');
    expect(localTimeToUtc('2025:07:01 12:00:00', 'garbage')).toBe('2025-07-01T04:00:00.000Z');
    expect(localTimeToUtc(undefined, undefined)).toBeUndefined();
  });
});

function dmsOf(degrees: number): Array<[number, number]> {
  return [[degrees, 1], [0, 1], [0, 1]];
}

/** The four GPS fields of a north-eastern position, as written by a phone. */
function northEast(lat: Array<[number, number]>, lng: Array<[number, number]>): TiffField[] {
  return [
    { tag: 1, value: { ascii: 'N' } },
    { tag: 2, value: { rationals: lat } },
    { tag: 3, value: { ascii: 'E' } },
    { tag: 4, value: { rationals: lng } },
  ];
}

function withRiffSize(file: Buffer, size: number): Buffer {
  const copy = Buffer.from(file);
  copy.writeUInt32LE(size, 4);
  return copy;
}

/** Points the last value offset of a big-endian GPS IFD (the latitude) past the end of the block. */
function patchedOffset(block: Buffer): Buffer {
  const copy = Buffer.from(block);
  const gpsIfd = copy.readUInt32BE(8 + 2 + 8);
  copy.writeUInt32BE(0x00fffff0, gpsIfd + 2 + 12 + 8);
  return copy;
}
