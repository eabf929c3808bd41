import type { Principal } from '@qingyuan/auth';
import { streamIds, uuidv7, type CaseConsultationRecorded } from '@qingyuan/contracts';
import type { PgEventStore } from '@qingyuan/event-store';
import { actorOf, eventMetadata } from '@qingyuan/service-kit';
import type { TransferQueries } from './transfer.queries';

/** 案件会商: a meeting of the bureau, the police and the procuratorate, on a transfer or a general matter. */
export class Consultations {
  constructor(
    private readonly store: PgEventStore,
    private readonly queries: TransferQueries,
  ) {}

  async record(p: Principal, input: Omit<CaseConsultationRecorded, 'consultationId'>): Promise<string> {
    // a liaison may only record a consultation on a transfer sent to their agency
    if (input.transferId) await this.queries.detail(p, input.transferId);
    const consultationId = uuidv7();
    await this.store.append(streamIds.consultation(consultationId), 'no-stream', [{ type: 'CaseConsultationRecorded', data: { consultationId, ...input } }], eventMetadata(actorOf(p)));
    return consultationId;
  }

  async list(p: Principal, transferId?: string) {
    if (transferId) await this.queries.detail(p, transferId);
    const { rows } = await this.store.db.query<{ consultation_id: string; transfer_id: string | null; held_on: string; topic: string; participants: unknown; conclusions: string }>(
      `SELECT consultation_id, transfer_id, held_on::text AS held_on, topic, participants, conclusions FROM judicial.consultations
       ${transferId ? 'WHERE transfer_id = $1' : ''} ORDER BY held_on DESC, recorded_at DESC LIMIT 200`,
      transferId ? [transferId] : [],
    );
    return rows.map((r) => ({ consultationId: r.consultation_id, ...(r.transfer_id ? { transferId: r.transfer_id } : {}), heldOn: r.held_on, topic: r.topic, participants: r.participants, conclusions: r.conclusions }));
  }
}
