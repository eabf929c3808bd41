import { DEPARTMENTS, TOWNS } from '@qingyuan/contracts';
import { eventStoreDdl } from '@qingyuan/event-store';
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CasesInitial1764400000000 implements MigrationInterface {
  name = 'CasesInitial1764400000000';

  async up(q: QueryRunner): Promise<void> {
    for (const statement of eventStoreDdl('cases')) await q.query(statement);
    await q.query(`CREATE TABLE cases.towns (
      code text PRIMARY KEY, name_zh text NOT NULL, name_en text NOT NULL, kind text NOT NULL, active boolean NOT NULL DEFAULT true
    )`);
    await q.query(`CREATE TABLE cases.departments (
      code text PRIMARY KEY, name_zh text NOT NULL, name_en text NOT NULL, active boolean NOT NULL DEFAULT true
    )`);
    for (const t of TOWNS) {
      await q.query('INSERT INTO cases.towns (code, name_zh, name_en, kind) VALUES ($1, $2, $3, $4)', [t.code, t.zh, t.en, t.kind]);
    }
    for (const d of DEPARTMENTS) {
      await q.query('INSERT INTO cases.departments (code, name_zh, name_en) VALUES ($1, $2, $3)', [d.code, d.zh, d.en]);
    }
    await q.query(`CREATE TABLE cases.problem_view (
      problem_id uuid PRIMARY KEY,
      clue_ids uuid[] NOT NULL,
      channel text NOT NULL,
      category text NOT NULL,
      description text NOT NULL,
      location jsonb NOT NULL,
      town_code text,
      lead_department text,
      responsible_person jsonb,
      measures text,
      requirements text,
      deadline date,
      status text NOT NULL,
      opened_at timestamptz NOT NULL,
      assigned_at timestamptz,
      closed_at timestamptz,
      updated_at timestamptz NOT NULL,
      version bigint NOT NULL
    )`);
    await q.query('CREATE INDEX problem_view_status ON cases.problem_view (status, opened_at DESC)');
    await q.query('CREATE INDEX problem_view_town ON cases.problem_view (town_code, status)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE cases.problem_view, cases.departments, cases.towns');
  }
}
