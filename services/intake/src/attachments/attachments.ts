import { createHash } from 'node:crypto';
import { uuidv7, type AttachmentRef } from '@qingyuan/contracts';
import type { Sql } from '@qingyuan/event-store';
import { httpError } from '@qingyuan/service-kit';
import { readPhotoLocation } from './media/exif';
import { checkAttachment, checkReportAttachments, isAttachmentError } from './media/limits';
import { MediaStripError, canStrip, stripMetadata } from './media/strip';

/** A file as the HTTP layer received it. */
export interface UploadedFile {
  buffer: Buffer;
  originalname?: string;
}

export interface PreparedAttachment {
  ref: AttachmentRef;
  original: Buffer;
  /** without EXIF/XMP/IPTC: the only copy ever shown publicly; absent when the type cannot be cleaned */
  publicCopy?: Buffer;
}

const STATUS = { UNSUPPORTED_MEDIA: 415, FILE_TOO_LARGE: 413, EMPTY_FILE: 400, TOO_MANY_FILES: 400, ATTACHMENTS_TOO_LARGE: 413 } as const;

/** Check every file by its content and limits, read the photo's location for staff, and make the public copy. */
export function prepareAttachments(files: UploadedFile[]): PreparedAttachment[] {
  const total = checkReportAttachments(files.map((f) => f.buffer.length));
  if (total) throw httpError(STATUS[total.code], total.code, total.zh, total.en);
  return files.map((file) => {
    const media = checkAttachment(file.buffer, file.originalname);
    if (isAttachmentError(media)) throw httpError(STATUS[media.code], media.code, media.zh, media.en);
    const location = media.kind === 'photo' ? readPhotoLocation(file.buffer) : undefined;
    return {
      ref: {
        attachmentId: uuidv7(),
        kind: media.kind,
        mediaType: media.mediaType,
        size: file.buffer.length,
        sha256: createHash('sha256').update(file.buffer).digest('hex'),
        ...(location ? { takenAt: { lat: location.lat, lng: location.lng, at: location.takenAt } } : {}),
      },
      original: file.buffer,
      publicCopy: publicCopyOf(file.buffer, media.mediaType),
    };
  });
}

/** A copy safe to show publicly, or none: a file that cannot be cleaned (HEIC, video, damaged) is never shown. */
function publicCopyOf(bytes: Buffer, mediaType: string): Buffer | undefined {
  if (!canStrip(mediaType)) return undefined;
  try {
    return stripMetadata(bytes, mediaType);
  } catch (error) {
    if (error instanceof MediaStripError) return undefined;
    throw error;
  }
}

export async function saveAttachments(sql: Sql, clueId: string, attachments: PreparedAttachment[]): Promise<void> {
  for (const a of attachments) {
    await sql.query(
      `INSERT INTO intake.attachments (attachment_id, clue_id, kind, media_type, size, sha256, original, public_copy)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [a.ref.attachmentId, clueId, a.ref.kind, a.ref.mediaType, a.ref.size, a.ref.sha256, a.original, a.publicCopy ?? null],
    );
  }
}

/** The bytes of one attachment of a clue: the original for staff, the cleaned copy for the public. */
export async function readAttachment(
  sql: Sql,
  clueId: string,
  attachmentId: string,
  copy: 'original' | 'public',
): Promise<{ mediaType: string; bytes: Buffer } | undefined> {
  const { rows } = await sql.query<{ media_type: string; bytes: Buffer | null }>(
    `SELECT media_type, ${copy === 'original' ? 'original' : 'public_copy'} AS bytes FROM intake.attachments
      WHERE clue_id = $1 AND attachment_id = $2`,
    [clueId, attachmentId],
  );
  return rows[0]?.bytes ? { mediaType: rows[0].media_type, bytes: rows[0].bytes } : undefined;
}
