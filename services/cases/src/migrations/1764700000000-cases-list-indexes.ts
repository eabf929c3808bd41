import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes that match the list's ORDER BY exactly (key, then problem id), so a page of 50 out of a million rows
 * is read from an index instead of sorting the table.
 */
export class CasesListIndexes1764700000000 implements MigrationInterface {
  name = 'CasesListIndexes1764700000000';

  async up(q: QueryRunner): Promise<void> {
    for (const name of ['problem_view_opened', 'problem_view_town', 'problem_view_lead', 'problem_view_status']) {
      await q.query(`DROP INDEX IF EXISTS cases.${name}`);
    }
    const opened = 'opened_on DESC, opened_at DESC, problem_id DESC';
    await q.query(`CREATE INDEX problem_view_opened ON cases.problem_view (${opened})`);
    await q.query('CREATE INDEX problem_view_updated ON cases.problem_view (updated_at DESC, problem_id DESC)');
    await q.query('CREATE INDEX problem_view_deadline ON cases.problem_view (deadline ASC NULLS LAST, problem_id ASC)');
    for (const column of ['town_code', 'lead_department', 'status', 'category', 'channel']) {
      await q.query(`CREATE INDEX problem_view_${column.replace('_code', '').replace('_department', '')} ON cases.problem_view (${column}, ${opened})`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const name of ['problem_view_updated', 'problem_view_deadline', 'problem_view_category', 'problem_view_channel']) {
      await q.query(`DROP INDEX IF EXISTS cases.${name}`);
    }
  }
}
