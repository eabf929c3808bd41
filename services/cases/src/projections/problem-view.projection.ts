import type { ProblemAssigned, ProblemOpened } from '@qingyuan/contracts';
import type { Projection, StoredEvent, Tx } from '@qingyuan/event-store';

/** The problem list and detail, kept in the same transaction as each append. */
export const problemViewProjection: Projection = {
  name: 'problem-view',
  tables: ['cases.problem_view'],

  async apply(tx: Tx, event: StoredEvent): Promise<void> {
    const at = event.recordedAt;
    switch (event.type) {
      case 'ProblemOpened': {
        const d = event.data as ProblemOpened;
        await tx.query(
          `INSERT INTO cases.problem_view (problem_id, clue_ids, channel, category, description, location, town_code,
             status, opened_at, updated_at, version)
           VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, 'open', $8, $8, $9) ON CONFLICT DO NOTHING`,
          [d.problemId, d.clueIds, d.channel, d.category, d.description, JSON.stringify(d.location),
            d.location.townCode ?? null, at, event.streamVersion],
        );
        return;
      }
      case 'ProblemClueAttached':
        await update(tx, event, `clue_ids = array_append(clue_ids, $4::uuid)`, [(event.data as { clueId: string }).clueId]);
        return;
      case 'ProblemClueDetached':
        await update(tx, event, `clue_ids = array_remove(clue_ids, $4::uuid)`, [(event.data as { clueId: string }).clueId]);
        return;
      case 'ProblemAssigned': {
        const d = event.data as ProblemAssigned;
        await update(tx, event, `status = 'assigned', town_code = $4, lead_department = $5, responsible_person = $6::jsonb,
          measures = $7, requirements = $8, deadline = $9, assigned_at = $2`,
          [d.townCode, d.leadDepartment, JSON.stringify(d.responsiblePerson), d.measures, d.requirements ?? null, d.deadline]);
        return;
      }
      case 'RectificationReported':
        await update(tx, event, `status = 'rectification-reported'`, []);
        return;
      case 'RectificationVerified':
        if (!(event.data as { passed: boolean }).passed) await update(tx, event, `status = 'assigned'`, []);
        return;
      case 'ProblemClosed':
        await update(tx, event, `status = 'closed', closed_at = $2`, []);
        return;
    }
  },
};

async function update(tx: Tx, event: StoredEvent, set: string, params: unknown[]): Promise<void> {
  const problemId = (event.data as { problemId: string }).problemId;
  await tx.query(
    `UPDATE cases.problem_view SET ${set}, updated_at = $2, version = $3 WHERE problem_id = $1 AND version < $3`,
    [problemId, event.recordedAt, event.streamVersion, ...params],
  );
}
