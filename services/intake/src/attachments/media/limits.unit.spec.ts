import { ftyp, jpeg, latin1, png } from './fixtures/build';
import { checkAttachment, checkReportAttachments, isAttachmentError, MEDIA_LIMITS, type MediaLimits } from './limits';

const MB = 1024 * 1024;
const padded = (head: Buffer, size: number) => Buffer.concat([head, Buffer.alloc(size - head.length)]);

describe('attachment limits', () => {
  it('defaults: photo 10 MB, video 50 MB, 9 files and 100 MB per report', () => {
    expect(MEDIA_LIMITS).toEqual({ photoBytes: 10 * MB, videoBytes: 50 * MB, filesPerReport: 9, totalBytes: 100 * MB });
    expect(Object.isFrozen(MEDIA_LIMITS)).toBe(true);
  });

  it('accepts a photo by its content even when its name says otherwise', () => {
    expect(checkAttachment(png([]), 'IMG_0001.HEIC')).toEqual({ kind: 'photo', mediaType: 'image/png', extension: 'png' });
    expect(checkAttachment(jpeg([]), 'clip.mp4')).toEqual({ kind: 'photo', mediaType: 'image/jpeg', extension: 'jpg' });
  });

  it('refuses a PDF named .jpg, saying so in both languages with the name', () => {
    const result = checkAttachment(latin1('%PDF-1.4\n'), '排污口.jpg');
    expect(result).toMatchObject({ code: 'UNSUPPORTED_MEDIA' });
    expect(isAttachmentError(result) && result.zh).toContain('“排污口.jpg”');
    expect(isAttachmentError(result) && result.en).toContain('"排污口.jpg"');
  });

  it('refuses an empty file', () => {
    expect(checkAttachment(Buffer.alloc(0))).toMatchObject({
      code: 'EMPTY_FILE',
      zh: expect.stringContaining('空'),
      en: expect.stringContaining('empty'),
    });
  });

  it('keeps an echoed name short and free of control characters', () => {
    const result = checkAttachment(latin1('nope'), `${'a'.repeat(200)}\u0000\n.jpg`);
    expect(isAttachmentError(result) && result.en).not.toMatch(/[\u0000-\u001f]/);
    expect(isAttachmentError(result) && result.en.length).toBeLessThan(200);
  });

  it('holds a photo to 10 MB by default', () => {
    expect(checkAttachment(padded(jpeg([]), 10 * MB))).toMatchObject({ mediaType: 'image/jpeg' });
    expect(checkAttachment(padded(jpeg([]), 10 * MB + 1), 'big.jpg')).toMatchObject({
      code: 'FILE_TOO_LARGE',
      zh: expect.stringContaining('10 MB'),
      en: expect.stringContaining('photo "big.jpg" is over the 10 MB limit'),
    });
  });

  it('holds a video to its own, larger limit', () => {
    const small: MediaLimits = { photoBytes: 1000, videoBytes: 2000, filesPerReport: 9, totalBytes: 10000 };
    const video = ftyp('qt  ', ['qt  ']);
    expect(checkAttachment(padded(video, 2000), 'a.mov', small)).toMatchObject({ kind: 'video', mediaType: 'video/quicktime' });
    expect(checkAttachment(padded(video, 2001), 'a.mov', small)).toMatchObject({ code: 'FILE_TOO_LARGE', zh: expect.stringContaining('视频') });
    // A photo over the photo limit is refused even though it is far under the video limit.
    expect(checkAttachment(padded(jpeg([]), 1001), 'a.jpg', small)).toMatchObject({ code: 'FILE_TOO_LARGE', zh: expect.stringContaining('照片') });
  });

  it('allows nine files and 100 MB per report', () => {
    expect(checkReportAttachments(Array(9).fill(10 * MB))).toBeUndefined();
    expect(checkReportAttachments([50 * MB, 50 * MB])).toBeUndefined();
    expect(checkReportAttachments(Array(10).fill(1))).toMatchObject({
      code: 'TOO_MANY_FILES',
      zh: expect.stringContaining('9'),
      en: expect.stringContaining('9'),
    });
    expect(checkReportAttachments([50 * MB, 50 * MB, 1])).toMatchObject({
      code: 'ATTACHMENTS_TOO_LARGE',
      en: expect.stringContaining('100 MB'),
    });
  });
});
