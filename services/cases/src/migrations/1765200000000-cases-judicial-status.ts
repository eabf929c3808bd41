import type { MigrationInterface, QueryRunner } from 'typeorm';

/** 行刑衔接: the latest status of a transfer of the problem, from the judicial bridge's feedback (null: none). */
export class CasesJudicialStatus1765200000000 implements MigrationInterface {
  name = 'CasesJudicialStatus1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE cases.problem_view ADD COLUMN judicial_status text');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE cases.problem_view DROP COLUMN judicial_status');
  }
}
