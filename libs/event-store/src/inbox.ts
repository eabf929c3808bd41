import type { Db, Tx } from './db';

export interface InboxKey {
  eventId: string;
  streamId: string;
  streamVersion: number;
}

/**
 * Runs `work` at most once per (consumer, event id): the inbox row and the work commit together,
 * so a redelivered message is skipped. Returns false for a duplicate.
 */
export async function processOnce(
  db: Db,
  schema: string,
  consumer: string,
  key: InboxKey,
  work: (tx: Tx) => Promise<void>,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const inserted = await tx.query(
      `INSERT INTO ${schema}.inbox (consumer, event_id, stream_id, stream_version) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING`,
      [consumer, key.eventId, key.streamId, key.streamVersion],
    );
    if (inserted.rowCount === 0) return false;
    await work(tx);
    return true;
  });
}
