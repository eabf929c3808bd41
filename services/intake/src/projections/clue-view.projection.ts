import type {
  ClueAccepted,
  ClueMerged,
  ClueProgressed,
  ClueReferred,
  ClueRegistered,
  ClueRejected,
  ClueTownCorrected,
  ClueUnmerged,
  DuplicateDismissed,
  PatrolCheckedIn,
  ReporterIdentified,
} from '@qingyuan/contracts';
import type { Projection, StoredEvent, Tx } from '@qingyuan/event-store';

/** The staff's clue queue, the reporter's progress page and patrol coverage, kept in the append's transaction. */
export const clueViewProjection: Projection = {
  name: 'clue-view',
  tables: ['intake.clue_view', 'intake.clue_public_history', 'intake.patrol_check_ins'],

  async apply(tx: Tx, event: StoredEvent): Promise<void> {
    switch (event.type) {
      case 'ClueRegistered':
        return registered(tx, event, event.data as ClueRegistered);
      case 'ClueAccepted': {
        const d = event.data as ClueAccepted;
        await update(tx, d.clueId, event, `status = 'accepted', public_stage = 'accepted', problem_id = COALESCE($4, problem_id)`, [d.joinProblemId ?? null]);
        return history(tx, d.clueId, event, 'accepted');
      }
      case 'ClueRejected': {
        const d = event.data as ClueRejected;
        await update(tx, d.clueId, event, `status = 'rejected', public_stage = 'rejected', reject_code = $4, reject_reason = $5`, [d.reasonCode, d.reason]);
        return history(tx, d.clueId, event, 'rejected', d.reason);
      }
      case 'ClueReferred': {
        const d = event.data as ClueReferred;
        await update(tx, d.clueId, event, `status = 'referred', public_stage = 'referred', referred_to = $4`, [d.authority]);
        return history(tx, d.clueId, event, 'referred', d.authority);
      }
      case 'ClueTownCorrected': {
        const d = event.data as ClueTownCorrected;
        return update(tx, d.clueId, event, `town_code = $4, town_source = 'staff', town_approximate = false`, [d.townCode]);
      }
      case 'ClueMerged': {
        const d = event.data as ClueMerged;
        await update(tx, d.clueId, event, `status = 'merged', public_stage = 'merged', merged_into = $4`, [d.intoClueId]);
        return history(tx, d.clueId, event, 'merged');
      }
      case 'ClueUnmerged': {
        const d = event.data as ClueUnmerged;
        await update(tx, d.clueId, event, `status = 'received', public_stage = 'received', merged_into = NULL, problem_id = NULL`, []);
        return history(tx, d.clueId, event, 'received');
      }
      case 'DuplicateDismissed': {
        const d = event.data as DuplicateDismissed;
        return update(tx, d.clueId, event, `dismissed = array_append(dismissed, $4::uuid)`, [d.candidateClueId]);
      }
      case 'ClueProgressed': {
        const d = event.data as ClueProgressed;
        const before = await tx.query<{ public_stage: string }>('SELECT public_stage FROM intake.clue_view WHERE clue_id = $1', [d.clueId]);
        await update(tx, d.clueId, event, `public_stage = $4, problem_id = $5`, [d.stage, d.problemId]);
        // Linking the clue to its problem is not news for the reporter; a new stage is.
        if (before.rows[0]?.public_stage !== d.stage) await history(tx, d.clueId, event, d.stage, undefined, d.assignment, d.deadline);
        return;
      }
      case 'ReporterIdentified': {
        const d = event.data as ReporterIdentified;
        // Still anonymous as reported; the identity given later is in the vault like a real-name reporter's.
        return update(tx, d.clueId, event, `has_identity = true, reporter_ref = $4`, [d.reporterRef]);
      }
      case 'PatrolCheckedIn': {
        const d = event.data as PatrolCheckedIn;
        await tx.query(
          `INSERT INTO intake.patrol_check_ins (check_in_id, user_id, role, grid_code, town_code, at, position)
           VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb) ON CONFLICT DO NOTHING`,
          [d.checkInId, d.userId, d.role, d.gridCode, d.townCode ?? null, d.at, d.position ? JSON.stringify(d.position) : null],
        );
        return;
      }
    }
  },
};

async function registered(tx: Tx, event: StoredEvent, d: ClueRegistered): Promise<void> {
  const actor = event.metadata.actor;
  await tx.query(
    `INSERT INTO intake.clue_view (clue_id, receipt_hash, channel, category, description, location, town_code, town_source,
       town_approximate, observed_at, anonymous, insider, has_identity, reporter_ref, source, attachments, registered_by,
       status, public_stage, registered_at, updated_at, version)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9, $10, $11, $12, $13, $14, $15::jsonb, $16::jsonb, $17,
       'received', 'received', $18, $18, $19)
     ON CONFLICT (clue_id) DO NOTHING`,
    [d.clueId, d.receiptCodeHash ?? null, d.channel, d.category, d.description, JSON.stringify(d.location),
      d.location.townCode ?? null, d.townSource ?? 'unknown', d.townApproximate ?? false, d.observedAt ?? null,
      d.reporter.anonymous, d.reporter.insider, Boolean(d.reporter.ref), d.reporter.ref ?? null, JSON.stringify(d.source ?? {}),
      JSON.stringify(d.attachments ?? []), actor.kind === 'public' ? null : (actor.id ?? null), event.recordedAt, event.streamVersion],
  );
  await history(tx, d.clueId, event, 'received');
}

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
  deadline?: string,
): Promise<void> {
  const details = assignment || deadline ? JSON.stringify({ ...assignment, deadline }) : null;
  await tx.query(
    `INSERT INTO intake.clue_public_history (clue_id, version, stage, note, assignment, at) VALUES ($1, $2, $3, $4, $5::jsonb, $6)
     ON CONFLICT DO NOTHING`,
    [clueId, event.streamVersion, stage, note ?? null, details, event.recordedAt],
  );
}
