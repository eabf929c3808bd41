import type { ClueAccepted, ClueProgressed, ClueRegistered, ClueRejected } from '@qingyuan/contracts';
import type { Projection, StoredEvent, Tx } from '@qingyuan/event-store';

/** The staff's clue list and the reporter's progress page, kept in the same transaction as each append. */
export const clueViewProjection: Projection = {
  name: 'clue-view',
  tables: ['intake.clue_view', 'intake.clue_public_history'],

  async apply(tx: Tx, event: StoredEvent): Promise<void> {
    const at = event.recordedAt;
    switch (event.type) {
      case 'ClueRegistered': {
        const d = event.data as ClueRegistered;
        await tx.query(
          `INSERT INTO intake.clue_view (clue_id, receipt_hash, channel, category, description, location, town_code,
             observed_at, anonymous, insider, has_identity, status, public_stage, registered_at, updated_at, version)
           VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9, $10, $11, 'received', 'received', $12, $12, $13)
           ON CONFLICT (clue_id) DO NOTHING`,
          [d.clueId, d.receiptCodeHash, d.channel, d.category, d.description, JSON.stringify(d.location),
            d.location.townCode ?? null, d.observedAt ?? null, d.reporter.anonymous, d.reporter.insider,
            Boolean(d.reporter.ref), at, event.streamVersion],
        );
        await history(tx, d.clueId, event, 'received');
        return;
      }
      case 'ClueAccepted': {
        const d = event.data as ClueAccepted;
        await update(tx, d.clueId, event, `status = 'accepted', public_stage = 'accepted', category = $4`, [d.category]);
        await history(tx, d.clueId, event, 'accepted');
        return;
      }
      case 'ClueRejected': {
        const d = event.data as ClueRejected;
        await update(tx, d.clueId, event, `status = 'rejected', public_stage = 'rejected', reject_reason = $4`, [d.reason]);
        await history(tx, d.clueId, event, 'rejected', d.reason);
        return;
      }
      case 'ClueProgressed': {
        const d = event.data as ClueProgressed;
        const before = await tx.query<{ public_stage: string }>(
          'SELECT public_stage FROM intake.clue_view WHERE clue_id = $1',
          [d.clueId],
        );
        await update(tx, d.clueId, event, `public_stage = $4, problem_id = $5`, [d.stage, d.problemId]);
        // Linking the clue to its problem is not news for the reporter; a new stage is.
        if (before.rows[0]?.public_stage !== d.stage) await history(tx, d.clueId, event, d.stage, undefined, d.assignment);
        return;
      }
    }
  },
};

/** Guarded by the stream version, so applying an event twice changes nothing. */
async function update(tx: Tx, clueId: string, event: StoredEvent, set: string, params: unknown[]): Promise<void> {
  await tx.query(
    `UPDATE intake.clue_view SET ${set}, updated_at = $2, version = $3 WHERE clue_id = $1 AND version < $3`,
    [clueId, event.recordedAt, event.streamVersion, ...params],
  );
}

async function history(
  tx: Tx,
  clueId: string,
  event: StoredEvent,
  stage: string,
  note?: string,
  assignment?: ClueProgressed['assignment'],
): Promise<void> {
  await tx.query(
    `INSERT INTO intake.clue_public_history (clue_id, version, stage, note, assignment, at) VALUES ($1, $2, $3, $4, $5::jsonb, $6)
     ON CONFLICT DO NOTHING`,
    [clueId, event.streamVersion, stage, note ?? null, assignment ? JSON.stringify(assignment) : null, event.recordedAt],
  );
}
