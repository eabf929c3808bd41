import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';

/** The chain of every stream starts from 32 zero bytes. */
export const GENESIS_HASH = Buffer.alloc(32);

export interface HashedFields {
  streamId: string;
  streamVersion: number;
  eventId: string;
  type: string;
  schemaVersion: number;
  data: unknown;
  metadata: unknown;
  recordedAt: string;
}

/** SHA-256 over the previous hash and the canonical bytes of the stored event. */
export function eventHash(prevHash: Buffer, fields: HashedFields): Buffer {
  return createHash('sha256')
    .update(prevHash)
    .update(
      canonicalJson({
        streamId: fields.streamId,
        streamVersion: fields.streamVersion,
        eventId: fields.eventId,
        type: fields.type,
        schemaVersion: fields.schemaVersion,
        data: fields.data,
        metadata: fields.metadata,
        recordedAt: fields.recordedAt,
      }),
      'utf8',
    )
    .digest();
}
