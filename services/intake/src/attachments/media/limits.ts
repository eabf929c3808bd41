import { sniffMedia, type SniffedMedia } from './sniff';

const MB = 1024 * 1024;

export interface MediaLimits {
  photoBytes: number;
  videoBytes: number;
  filesPerReport: number;
  totalBytes: number;
}

/** Sized for a phone on a mobile network: a full-resolution photo fits, a short clip fits, a film does not. */
export const MEDIA_LIMITS: Readonly<MediaLimits> = Object.freeze({
  photoBytes: 10 * MB,
  videoBytes: 50 * MB,
  filesPerReport: 9,
  totalBytes: 100 * MB,
});

export interface AttachmentError {
  code: 'UNSUPPORTED_MEDIA' | 'FILE_TOO_LARGE' | 'EMPTY_FILE';
  zh: string;
  en: string;
}

export interface ReportAttachmentsError {
  code: 'TOO_MANY_FILES' | 'ATTACHMENTS_TOO_LARGE';
  zh: string;
  en: string;
}

export function isAttachmentError(result: SniffedMedia | AttachmentError): result is AttachmentError {
  return 'code' in result;
}

/**
 * One uploaded file: its type by content, or why it is refused.
 *
 * The content decides, not `declaredName`: a phone's file name is whatever its apps chose (iOS hands over HEIC as
 * "IMG_0001.JPG", chat apps drop extensions), and anyone can rename a PDF or a script to "photo.jpg". Refusing a
 * real photo over its name helps no one, and accepting a non-photo because of its name would be the hole.
 * The name only makes the message recognisable to the reporter.
 */
export function checkAttachment(
  bytes: Buffer,
  declaredName?: string,
  limits: Readonly<MediaLimits> = MEDIA_LIMITS,
): SniffedMedia | AttachmentError {
  const name = displayName(declaredName);
  if (bytes.length === 0) {
    return { code: 'EMPTY_FILE', zh: `文件${name.zh}是空的，请重新选择。`, en: `The file${name.en} is empty; please choose it again.` };
  }
  const media = sniffMedia(bytes);
  if (!media) {
    return {
      code: 'UNSUPPORTED_MEDIA',
      zh: `文件${name.zh}不是支持的照片或视频（支持 JPEG、PNG、WebP、HEIC、GIF、MP4、MOV、3GP、WebM）。`,
      en: `The file${name.en} is not a supported photo or video (JPEG, PNG, WebP, HEIC, GIF, MP4, MOV, 3GP, WebM).`,
    };
  }
  const max = media.kind === 'photo' ? limits.photoBytes : limits.videoBytes;
  if (bytes.length > max) {
    const what = media.kind === 'photo' ? { zh: '照片', en: 'photo' } : { zh: '视频', en: 'video' };
    return {
      code: 'FILE_TOO_LARGE',
      zh: `${what.zh}${name.zh}超过 ${megabytes(max)} MB 的上限，请压缩或截短后再上传。`,
      en: `The ${what.en}${name.en} is over the ${megabytes(max)} MB limit; please compress or shorten it.`,
    };
  }
  return media;
}

/** The per-report limits: how many files, and how many bytes together. Each file is still checked on its own. */
export function checkReportAttachments(
  sizes: number[],
  limits: Readonly<MediaLimits> = MEDIA_LIMITS,
): ReportAttachmentsError | undefined {
  if (sizes.length > limits.filesPerReport) {
    return {
      code: 'TOO_MANY_FILES',
      zh: `每次举报最多上传 ${limits.filesPerReport} 个照片或视频。`,
      en: `A report can have at most ${limits.filesPerReport} photos or videos.`,
    };
  }
  const total = sizes.reduce((sum, size) => sum + size, 0);
  if (total > limits.totalBytes) {
    return {
      code: 'ATTACHMENTS_TOO_LARGE',
      zh: `附件合计超过 ${megabytes(limits.totalBytes)} MB 的上限。`,
      en: `The attachments together are over the ${megabytes(limits.totalBytes)} MB limit.`,
    };
  }
  return undefined;
}

const megabytes = (bytes: number) => Math.round((bytes / MB) * 10) / 10;

/** The declared name, quoted, without control characters and cut short: it is the reporter's text, echoed back. */
function displayName(declaredName?: string): { zh: string; en: string } {
  const cleaned = (declaredName ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim();
  if (!cleaned) return { zh: '', en: '' };
  const short = cleaned.length > 60 ? `${cleaned.slice(0, 57)}…` : cleaned;
  return { zh: `“${short}”`, en: ` "${short}"` };
}
