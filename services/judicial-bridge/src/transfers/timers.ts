import { WorkingCalendar, SHIPPED_OVERRIDES } from '@qingyuan/calendar';
import { streamIds, type JudicialEvent, type TransferKind } from '@qingyuan/contracts';
import type { PgEventStore, Tx } from '@qingyuan/event-store';
import { eventMetadata } from '@qingyuan/service-kit';
import { dueAt, limitStartedBy, warnAt, type TimeLimit, type Step } from '../domain/time-limits';
import type { JudicialRules } from '../settings/judicial-rules';

const SYSTEM = { kind: 'system' as const, id: 'judicial-bridge' };

/**
 * Durable timers for the legal time limits. A limit's row is written in the transaction of the event that starts
 * it and closed in the transaction of the answer; the sweep marks warnings and overdue limits with an event and a flag
 * in one transaction, so a restart neither loses nor repeats one.
 */
export class Timers {
  private readonly calendar = new WorkingCalendar(SHIPPED_OVERRIDES);

  constructor(
    private readonly store: PgEventStore,
    private readonly rules: JudicialRules,
    private readonly clock: () => Date,
  ) {}

  /** After a command's events: close what they answered, open what they start. */
  async follow(tx: Tx, transferId: string, kind: TransferKind, events: Array<{ type: string; data: unknown }>): Promise<void> {
    const now = this.clock();
    const limits = (await this.rules.current('time-limits', tx)).rules;
    // a change of status answers whatever was running; then the events start what they start
    if (events.some((e) => e.type === 'TransferProgressed')) {
      await tx.query('UPDATE judicial.timers SET closed_at = $2 WHERE transfer_id = $1 AND closed_at IS NULL', [transferId, now]);
    }
    for (const event of events as JudicialEvent[]) {
      const step = limitStartedBy(event, kind);
      if (!step) continue;
      let start = now;
      let limit = step;
      if (event.type === 'MaterialsSupplemented' && step === 'filing') {
        // a longer review period the police took (7 or 30 days) holds again after the materials are supplemented
        const { rows } = await tx.query<{ step: Step }>(
          `SELECT step FROM judicial.timers WHERE transfer_id = $1 AND step IN ('filing-verification', 'filing-major') ORDER BY start_at DESC LIMIT 1`,
          [transferId],
        );
        limit = rows[0]?.step ?? step;
      }
      if (event.type === 'FilingReviewExtended') {
        const { rows } = await tx.query<{ start_at: Date }>(
          `UPDATE judicial.timers SET closed_at = $2 WHERE transfer_id = $1 AND step = 'filing' AND closed_at IS NULL RETURNING start_at`,
          [transferId, now],
        );
        start = rows[0]?.start_at ?? now;
      }
      await this.open(tx, transferId, limit, limits[limit], start);
    }
  }

  private async open(tx: Tx, transferId: string, step: Step, limit: TimeLimit, start: Date): Promise<void> {
    const due = dueAt(start, limit, this.calendar);
    await tx.query(
      'INSERT INTO judicial.timers (transfer_id, step, party, start_at, warn_at, due_at) VALUES ($1, $2, $3, $4, $5, $6)',
      [transferId, step, limit.party, start, warnAt(start, due), due],
    );
  }

  /** Marks the limits that reached their warning or due time; returns how many events it wrote. */
  async sweep(): Promise<number> {
    let written = 0;
    for (;;) {
      const done = await this.store.db.transaction(async (tx) => {
        const now = this.clock();
        const { rows } = await tx.query<{ timer_id: string; transfer_id: string; step: string; party: 'bureau' | 'police' | 'procuratorate' | 'court'; due_at: Date }>(
          `SELECT timer_id, transfer_id, step, party, due_at FROM judicial.timers
           WHERE closed_at IS NULL AND ((NOT warned AND warn_at <= $1) OR (NOT overdue AND due_at <= $1))
           ORDER BY due_at LIMIT 50 FOR UPDATE SKIP LOCKED`,
          [now],
        );
        for (const t of rows) {
          const overdue = t.due_at <= now;
          const data = { transferId: t.transfer_id, step: t.step, party: t.party, dueAt: t.due_at.toISOString() };
          await this.store.appendIn(tx, streamIds.transfer(t.transfer_id), 'any', [{ type: overdue ? 'TransferOverdue' : 'TransferDeadlineWarned', data }], eventMetadata(SYSTEM, { occurredAt: now.toISOString() }));
          await tx.query('UPDATE judicial.timers SET warned = true, overdue = $2 WHERE timer_id = $1', [t.timer_id, overdue]);
        }
        return rows.length;
      });
      written += done;
      if (done < 50) return written;
    }
  }
}
