import type { CasesEvent } from '@qingyuan/contracts';
import type { Projection, StoredEvent, Tx } from '@qingyuan/event-store';

/** The problem list (问题清单) and the deadline timers, kept in the same transaction as each append. */
export const problemViewProjection: Projection = {
  name: 'problem-view',
  tables: ['cases.problem_view', 'cases.deadline_timers'],

  async apply(tx: Tx, stored: StoredEvent): Promise<void> {
    const event = { type: stored.type, data: stored.data } as CasesEvent;
    const set = (assignments: string, params: unknown[] = []) => update(tx, stored, assignments, params);
    switch (event.type) {
      case 'ProblemOpened': {
        const d = event.data;
        await tx.query(
          `INSERT INTO cases.problem_view (problem_id, number, clue_ids, channel, category, description, location, town_code,
             status, opened_at, opened_on, reopened_from, updated_at, version)
           VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, 'open', $9, $10, $11, $9, $12) ON CONFLICT DO NOTHING`,
          [d.problemId, d.number, d.clueIds, d.channel, d.category, d.description, JSON.stringify(d.location),
            d.location.townCode ?? null, stored.recordedAt, d.openedOn, d.reopenedFrom?.problemId ?? null, stored.streamVersion],
        );
        return;
      }
      case 'ProblemClueAttached':
        return set(`clue_ids = array_append(clue_ids, $4::uuid)`, [event.data.clueId]);
      case 'ProblemClueDetached':
        return set(`clue_ids = array_remove(clue_ids, $4::uuid)`, [event.data.clueId]);
      case 'ProblemTriaged': {
        const d = event.data;
        return set(`category = $4, severity = $5, cross_town = $6, cross_department = $7`, [d.category, d.severity, d.crossTown, d.crossDepartment]);
      }
      case 'ProblemAssigned': {
        const d = event.data;
        return set(
          `status = 'assigned', town_code = $4, lead_department = $5, cooperating_departments = $6, responsible_person = $7::jsonb,
           measures = $8, requirements = $9, severity = $10, time_limit = $11::jsonb, assigned_at = $2, returned_reason = NULL`,
          [d.townCode, d.leadDepartment, d.cooperatingDepartments, JSON.stringify(d.responsiblePerson), d.measures,
            d.requirements ?? null, d.severity, JSON.stringify(d.timeLimit)],
        );
      }
      case 'ProblemSignedOff': {
        const d = event.data;
        await set(`status = 'rectifying', signed_on = $4, deadline = $5`, [d.signedOn, d.deadline]);
        return timers(tx, d.problemId, d.deadline, d.warnOn);
      }
      case 'ProblemReturned':
        return set(`status = 'returned', returned_reason = $4`, [event.data.reason]);
      case 'ExtensionRequested':
        return set(`requested_deadline = $4`, [event.data.requestedDeadline]);
      case 'ExtensionDecided': {
        const d = event.data;
        await set(`requested_deadline = NULL, deadline = $4, overdue = overdue AND deadline = $4, warned = warned AND deadline = $4`, [d.deadline]);
        if (d.approved) await timers(tx, d.problemId, d.deadline, d.warnOn);
        return;
      }
      case 'RectificationReported':
        return set(`status = 'verifying', rectified_by = $4`, [event.data.reportedBy]);
      case 'RectificationVerified':
        return event.data.passed ? set(`status = status`) : set(`status = 'rectifying'`);
      case 'DeadlineWarningIssued':
        await set(`warned = true`);
        return fire(tx, event.data.problemId, 'warning');
      case 'ProblemOverdue':
        await set(`overdue = true`);
        return fire(tx, event.data.problemId, 'overdue');
      case 'ProblemSupervised':
        return set(`supervision = $4`, [event.data.level]);
      case 'ProblemEscalatedToCity':
        return set(`escalated_to_city = true`);
      case 'ProblemMarkedSuspectedCrime':
        return set(`suspected_crime = true`);
      case 'ProblemRecurred':
        return set(`recurred_as = $4`, [event.data.newProblemId]);
      case 'ProblemClosed': {
        const d = event.data;
        await set(`status = 'closed', closed_at = $2, closed_on = $4, on_time = $5, handling_working_days = $6`, [d.closedOn, d.onTime, d.handlingWorkingDays]);
        await tx.query('DELETE FROM cases.deadline_timers WHERE problem_id = $1', [d.problemId]);
        return;
      }
      case 'JudicialProgressNoted':
        return set(`judicial_status = $4`, [event.data.status]);
      case 'ConsultationRecorded':
      case 'ProgressReported':
      case 'JointActionRecorded':
        return set(`status = status`);
    }
  },
};

/** Guarded by the stream version, so applying an event twice changes nothing. */
async function update(tx: Tx, event: StoredEvent, set: string, params: unknown[]): Promise<void> {
  const problemId = (event.data as { problemId: string }).problemId;
  await tx.query(
    `UPDATE cases.problem_view SET ${set}, updated_at = $2, version = $3 WHERE problem_id = $1 AND version < $3`,
    [problemId, event.recordedAt, event.streamVersion, ...params],
  );
}

/** A new deadline gets fresh timers: the warning on its day, the overdue mark the day after the deadline. */
async function timers(tx: Tx, problemId: string, deadline: string, warnOn: string): Promise<void> {
  await tx.query(
    `INSERT INTO cases.deadline_timers (problem_id, kind, due_on, deadline, fired)
     VALUES ($1, 'warning', $3, $2, false), ($1, 'overdue', $2::date + 1, $2, false)
     ON CONFLICT (problem_id, kind) DO UPDATE SET due_on = EXCLUDED.due_on, deadline = EXCLUDED.deadline, fired = false`,
    [problemId, deadline, warnOn],
  );
}

async function fire(tx: Tx, problemId: string, kind: 'warning' | 'overdue'): Promise<void> {
  await tx.query('UPDATE cases.deadline_timers SET fired = true WHERE problem_id = $1 AND kind = $2', [problemId, kind]);
}
