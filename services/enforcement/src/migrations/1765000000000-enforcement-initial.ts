import { eventStoreDdl } from '@qingyuan/event-store';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { DEFAULT_CREDIT_RULES } from '../domain/credit';
import { DEFAULT_EXEMPTIONS } from '../domain/exemptions';
import { DEFAULT_SUPERVISION_CONFIG } from '../domain/supervision';

export class EnforcementInitial1765000000000 implements MigrationInterface {
  name = 'EnforcementInitial1765000000000';

  async up(q: QueryRunner): Promise<void> {
    for (const statement of eventStoreDdl('enforcement')) await q.query(statement);
    // Versioned configuration: the credit rules, the supervision lists' rule, the minor-violation list.
    await q.query(`CREATE TABLE enforcement.rule_versions (
      kind text NOT NULL,
      version int NOT NULL,
      rules jsonb NOT NULL,
      created_by text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      note text,
      PRIMARY KEY (kind, version)
    )`);
    for (const [kind, rules, note] of [
      ['credit', DEFAULT_CREDIT_RULES, '环发〔2013〕150号 four colours; moves are defaults [U]'],
      ['supervision', DEFAULT_SUPERVISION_CONFIG, 'special objects: listed by staff or red credit [U]'],
      ['exemptions', DEFAULT_EXEMPTIONS, 'patterns of docs/reference §3.3; replace with 金环发〔2023〕47号'],
    ] as const) {
      await q.query(`INSERT INTO enforcement.rule_versions (kind, version, rules, created_by, note) VALUES ($1, 1, $2::jsonb, 'system', $3)`, [kind, JSON.stringify(rules), note]);
    }
    // The inspector pool (执法人员库): staff accounts with the inspector role, and what recusal needs to know.
    await q.query(`CREATE TABLE enforcement.inspectors (
      inspector_id text PRIMARY KEY,
      name text NOT NULL,
      town_code text,
      former_employers uuid[] NOT NULL DEFAULT '{}',
      declared_conflicts uuid[] NOT NULL DEFAULT '{}',
      active boolean NOT NULL DEFAULT true,
      updated_by text NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    // A draw's inputs, frozen when its seed is committed; the seed stays here, secret, until the draw.
    await q.query(`CREATE TABLE enforcement.draw_inputs (
      draw_id uuid PRIMARY KEY,
      seed text NOT NULL,
      candidates jsonb NOT NULL,
      pool jsonb NOT NULL,
      previous_inspectors jsonb NOT NULL
    )`);
    // Read models.
    await q.query(`CREATE TABLE enforcement.enterprises (
      enterprise_id uuid PRIMARY KEY,
      name text NOT NULL,
      uscc text NOT NULL UNIQUE,
      town_code text,
      address text NOT NULL,
      location jsonb,
      industry text NOT NULL,
      permit_class text NOT NULL,
      key_polluter boolean NOT NULL,
      outlets jsonb NOT NULL,
      credit_level text,
      special boolean NOT NULL DEFAULT false,
      special_reason text,
      updated_at timestamptz NOT NULL,
      version int NOT NULL
    )`);
    await q.query('CREATE INDEX enterprises_town ON enforcement.enterprises (town_code)');
    await q.query(`CREATE TABLE enforcement.credit_history (
      event_id uuid PRIMARY KEY,
      enterprise_id uuid NOT NULL,
      level text NOT NULL,
      previous_level text,
      rule text NOT NULL,
      reason text NOT NULL,
      rule_version int NOT NULL,
      at timestamptz NOT NULL
    )`);
    await q.query('CREATE INDEX credit_history_enterprise ON enforcement.credit_history (enterprise_id, at)');
    await q.query(`CREATE TABLE enforcement.plans (
      plan_id uuid PRIMARY KEY,
      name text NOT NULL,
      period text NOT NULL,
      data jsonb NOT NULL,
      created_at timestamptz NOT NULL
    )`);
    await q.query(`CREATE TABLE enforcement.draws (
      draw_id uuid PRIMARY KEY,
      plan_id uuid NOT NULL UNIQUE,
      status text NOT NULL,
      seed_hash text NOT NULL,
      committed jsonb NOT NULL,
      committed_at timestamptz NOT NULL,
      performed_at timestamptz,
      result jsonb
    )`);
    await q.query(`CREATE TABLE enforcement.tasks (
      task_id uuid PRIMARY KEY,
      enterprise_id uuid NOT NULL,
      inspector_ids text[] NOT NULL,
      kind text NOT NULL,
      draw_id uuid,
      trigger jsonb,
      status text NOT NULL,
      result text,
      findings text,
      evidence jsonb,
      inspected_on date,
      created_at timestamptz NOT NULL,
      recorded_at timestamptz
    )`);
    await q.query('CREATE INDEX tasks_enterprise ON enforcement.tasks (enterprise_id, created_at DESC)');
    await q.query('CREATE INDEX tasks_inspectors ON enforcement.tasks USING gin (inspector_ids)');
    await q.query('CREATE INDEX tasks_draw ON enforcement.tasks (draw_id)');
    await q.query(`CREATE TABLE enforcement.cases (
      case_id uuid PRIMARY KEY,
      enterprise_id uuid NOT NULL,
      task_id uuid,
      problem_id uuid,
      status text NOT NULL,
      summary text NOT NULL,
      opened_on date NOT NULL,
      decide_by date NOT NULL,
      exemption jsonb,
      penalty jsonb,
      transfer jsonb,
      updated_at timestamptz NOT NULL
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP SCHEMA enforcement CASCADE');
  }
}
