import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Clues merged (并案) into a clue whose problem is not opened yet wait here, so they join it when it opens. */
export class CasesClueLinks1764500000000 implements MigrationInterface {
  name = 'CasesClueLinks1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE cases.pending_clue_links (
      into_clue_id uuid NOT NULL,
      clue_id uuid NOT NULL,
      PRIMARY KEY (into_clue_id, clue_id)
    )`);
    await q.query('CREATE INDEX problem_view_clue_ids ON cases.problem_view USING gin (clue_ids)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX cases.problem_view_clue_ids');
    await q.query('DROP TABLE cases.pending_clue_links');
  }
}
