import type { PgEventStore } from './event-store';
import { GENESIS_HASH, eventHash } from './hash-chain';
import type { StoredEvent } from './types';

export type ChainBreakReason =
  | 'version-gap'
  | 'prev-hash-mismatch'
  | 'hash-mismatch'
  | 'head-mismatch'
  | 'stream-row-missing';

export interface ChainBreak {
  streamId: string;
  streamVersion: number;
  reason: ChainBreakReason;
}

export interface VerifyReport {
  schema: string;
  streams: number;
  events: number;
  breaks: ChainBreak[];
}

/** First broken link of one stream's chain, or undefined when the chain and the stream head agree. */
export function checkChain(
  streamId: string,
  events: StoredEvent[],
  head: { version: number; headHash: Buffer } | undefined,
): ChainBreak | undefined {
  let prev: Buffer = GENESIS_HASH;
  for (const [i, e] of events.entries()) {
    if (e.streamVersion !== i + 1) return { streamId, streamVersion: i + 1, reason: 'version-gap' };
    if (!e.prevHash.equals(prev)) return { streamId, streamVersion: e.streamVersion, reason: 'prev-hash-mismatch' };
    if (!eventHash(prev, e).equals(e.hash)) return { streamId, streamVersion: e.streamVersion, reason: 'hash-mismatch' };
    prev = e.hash;
  }
  if (!head) return { streamId, streamVersion: events.length, reason: 'stream-row-missing' };
  if (head.version !== events.length || !head.headHash.equals(prev)) {
    return { streamId, streamVersion: events.length, reason: 'head-mismatch' };
  }
  return undefined;
}

/** Recompute every chain of a service's store (or one stream) and report each broken stream. */
export async function verifyStore(store: PgEventStore, onlyStream?: string): Promise<VerifyReport> {
  const s = store.schema;
  const { rows } = await store.db.query<{ stream_id: string; version: string | null; head_hash: Buffer | null }>(
    `SELECT ids.stream_id, st.version, st.head_hash
       FROM (SELECT stream_id FROM ${s}.streams UNION SELECT DISTINCT stream_id FROM ${s}.events) ids
       LEFT JOIN ${s}.streams st USING (stream_id)
      WHERE $1::text IS NULL OR ids.stream_id = $1
      ORDER BY ids.stream_id`,
    [onlyStream ?? null],
  );
  const report: VerifyReport = { schema: s, streams: rows.length, events: 0, breaks: [] };
  for (const row of rows) {
    const events = await store.readStream(row.stream_id);
    report.events += events.length;
    const head = row.head_hash ? { version: Number(row.version), headHash: row.head_hash } : undefined;
    const broken = checkChain(row.stream_id, events, head);
    if (broken) report.breaks.push(broken);
  }
  return report;
}
