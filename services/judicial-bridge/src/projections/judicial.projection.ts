import type { JudicialEvent } from '@qingyuan/contracts';
import type { Projection, StoredEvent, Tx } from '@qingyuan/event-store';

/** Transfers with their status and history, and the consultations; kept with each append. */
export const judicialProjection: Projection = {
  name: 'judicial',
  tables: ['judicial.transfers', 'judicial.transfer_history', 'judicial.consultations'],

  async apply(tx: Tx, stored: StoredEvent): Promise<void> {
    const event = { type: stored.type, data: stored.data } as JudicialEvent;
    // business time (the service's clock, which the time limits run on), not the database's
    const at = typeof stored.metadata.occurredAt === 'string' ? stored.metadata.occurredAt : stored.recordedAt;
    if (event.type === 'CaseConsultationRecorded') {
      const d = event.data;
      await tx.query(
        `INSERT INTO judicial.consultations (consultation_id, transfer_id, held_on, topic, participants, conclusions, recorded_at)
         VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7) ON CONFLICT DO NOTHING`,
        [d.consultationId, d.transferId ?? null, d.heldOn, d.topic, JSON.stringify(d.participants), d.conclusions, at],
      );
      return;
    }
    if (!stored.streamId.startsWith('transfer-')) return;
    const transferId = (event.data as { transferId: string }).transferId;
    switch (event.type) {
      case 'TransferDrafted': {
        const d = event.data;
        await tx.query(
          `INSERT INTO judicial.transfers (transfer_id, kind, status, title, suspect, problem_id, enterprise_id, town_code, police_code, procuratorate_code, drafted, created_at, status_since, version)
           VALUES ($1, $2, 'drafted', $3, $4::jsonb, $5, $6, $7, $8, $9, $10::jsonb, $11, $11, $12) ON CONFLICT DO NOTHING`,
          [d.transferId, d.kind, d.title, JSON.stringify(d.suspect), d.problemId ?? null, d.enterpriseId ?? null, d.townCode ?? null, d.police.code, d.procuratorate.code, JSON.stringify(d), at, stored.streamVersion],
        );
        break;
      }
      case 'TransferProgressed':
        await tx.query('UPDATE judicial.transfers SET status = $2, status_since = $3 WHERE transfer_id = $1', [transferId, event.data.status, at]);
        // the answer just before it is what moved the status: its history row shows where it led
        await tx.query('UPDATE judicial.transfer_history SET status = $3 WHERE transfer_id = $1 AND stream_version = $2', [transferId, stored.streamVersion - 1, event.data.status]);
        break;
      case 'TransferSent':
        await tx.query('UPDATE judicial.transfers SET sent = true WHERE transfer_id = $1', [transferId]);
        break;
      case 'ProsecutionDecided':
        if (event.data.court) await tx.query('UPDATE judicial.transfers SET court_code = $2 WHERE transfer_id = $1', [transferId, event.data.court.code]);
        break;
    }
    await tx.query('UPDATE judicial.transfers SET version = $2 WHERE transfer_id = $1', [transferId, stored.streamVersion]);
    const actor = stored.metadata.actor as { id?: string } | undefined;
    await tx.query(
      `INSERT INTO judicial.transfer_history (event_id, transfer_id, stream_version, type, status, data, actor, at)
       SELECT $1, $2, $3, $4, status, $5::jsonb, $6, $7 FROM judicial.transfers WHERE transfer_id = $2 ON CONFLICT DO NOTHING`,
      [stored.eventId, transferId, stored.streamVersion, stored.type, JSON.stringify(stored.data), actor?.id ?? null, at],
    );
  },
};
