import { shanghaiDate } from '@qingyuan/calendar';
import type { Tx } from '@qingyuan/event-store';
import type { CaseSettings } from '../settings/case-settings';
import { SYSTEM, type ProblemStore } from './problem-store';

interface DueTimer {
  problem_id: string;
  kind: 'warning' | 'overdue';
  deadline: string;
}

/**
 * Durable deadline timers (临期预警、逾期督办): the timers are rows derived from events, and firing one appends an
 * event with a command id made from the timer, in a transaction that locks the row (SKIP LOCKED, so several cases
 * processes share the work). A restart, a second process or a repeated tick never loses or doubles a mark.
 */
export class DeadlineTimers {
  constructor(
    private readonly problems: ProblemStore,
    private readonly settings: CaseSettings,
    private readonly clock: () => Date,
  ) {}

  /** Fire every timer due today or earlier; returns how many fired. */
  async tick(): Promise<number> {
    const today = shanghaiDate(this.clock());
    const { calendar } = await this.settings.get();
    let fired = 0;
    for (;;) {
      const batch = await this.problems.store.db.transaction(async (tx) => {
        const { rows } = await tx.query<DueTimer>(
          `SELECT problem_id, kind, deadline::text AS deadline FROM cases.deadline_timers
            WHERE NOT fired AND due_on <= $1 ORDER BY due_on LIMIT 100 FOR UPDATE SKIP LOCKED`,
          [today],
        );
        for (const t of rows) await this.fire(tx, t, today, calendar.workingDaysBetween(today, t.deadline));
        return rows.length;
      });
      fired += batch;
      if (batch < 100) return fired;
    }
  }

  private async fire(tx: Tx, t: DueTimer, today: string, workingDaysLeft: number): Promise<void> {
    const command =
      t.kind === 'warning'
        ? ({ kind: 'warn', deadline: t.deadline, workingDaysLeft: Math.max(0, workingDaysLeft) } as const)
        : ({ kind: 'mark-overdue', deadline: t.deadline, today } as const);
    await this.problems.run(t.problem_id, command, SYSTEM, { tx, commandId: `timer:${t.kind}:${t.deadline}` });
    // The decider may decline (closed, deadline moved): the timer is done either way.
    await tx.query('UPDATE cases.deadline_timers SET fired = true WHERE problem_id = $1 AND kind = $2 AND deadline = $3', [t.problem_id, t.kind, t.deadline]);
  }
}
