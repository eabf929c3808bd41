import { eventStoreDdl } from '@qingyuan/event-store';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { DEFAULT_REWARD_RULES } from '../domain/rules';

export class RewardsInitial1764900000000 implements MigrationInterface {
  name = 'RewardsInitial1764900000000';

  async up(q: QueryRunner): Promise<void> {
    for (const statement of eventStoreDdl('rewards')) await q.query(statement);
    // The rule table: versions are never changed, only added; each decision names the version it used.
    await q.query(`CREATE TABLE rewards.rule_versions (
      version int PRIMARY KEY,
      effective_from date NOT NULL,
      rules jsonb NOT NULL,
      created_by text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      note text
    )`);
    await q.query(`INSERT INTO rewards.rule_versions (version, effective_from, rules, created_by, note)
      VALUES (1, '2021-01-01', $1::jsonb, 'system', '浙环发〔2020〕15号 as known; [P]/[U] items are defaults')`, [JSON.stringify(DEFAULT_REWARD_RULES)]);
    // What rewards knows of clues and identity readings from intake's events: facts, never an identity.
    await q.query(`CREATE TABLE rewards.clue_facts (
      clue_id uuid PRIMARY KEY,
      channel text NOT NULL,
      registered_at timestamptz NOT NULL,
      anonymous boolean NOT NULL,
      identifiable boolean NOT NULL,
      insider boolean NOT NULL,
      organisation_kind text,
      receipt_hash text,
      bounty_id uuid
    )`);
    await q.query('CREATE UNIQUE INDEX clue_facts_receipt ON rewards.clue_facts (receipt_hash) WHERE receipt_hash IS NOT NULL');
    await q.query(`CREATE TABLE rewards.disclosures (
      request_id uuid PRIMARY KEY,
      clue_id uuid NOT NULL,
      case_ref text NOT NULL,
      requested_by text NOT NULL,
      approved_by text NOT NULL,
      at timestamptz NOT NULL DEFAULT now()
    )`);
    // Penalties and judicial outcomes that arrive before the problem is closed out wait here for its reward case.
    await q.query(`CREATE TABLE rewards.pending_outcomes (
      source_event_id uuid PRIMARY KEY,
      problem_id uuid NOT NULL,
      kind text NOT NULL,
      data jsonb NOT NULL
    )`);
    await q.query('CREATE INDEX pending_outcomes_problem ON rewards.pending_outcomes (problem_id)');
    // Read models (projections of rewards' own events).
    await q.query(`CREATE TABLE rewards.reward_view (
      reward_id text PRIMARY KEY,
      kind text NOT NULL,
      problem_id uuid,
      bounty_id uuid,
      category text,
      town_code text,
      status text NOT NULL,
      clue_ids uuid[] NOT NULL,
      eligible_clue_id uuid,
      amount_fen bigint,
      paid_fen bigint NOT NULL DEFAULT 0,
      opened_on date NOT NULL,
      due_on date,
      claim_by date,
      detail jsonb NOT NULL,
      updated_at timestamptz NOT NULL,
      version int NOT NULL
    )`);
    await q.query('CREATE INDEX reward_view_status ON rewards.reward_view (status, due_on)');
    await q.query('CREATE INDEX reward_view_eligible ON rewards.reward_view (eligible_clue_id)');
    await q.query('CREATE INDEX reward_view_clues ON rewards.reward_view USING gin (clue_ids)');
    await q.query(`CREATE TABLE rewards.reward_money (
      reward_id text NOT NULL,
      kind text NOT NULL,
      amount_fen bigint NOT NULL,
      on_date date NOT NULL,
      category text,
      town_code text,
      problem_closed_on date,
      event_id uuid PRIMARY KEY
    )`);
    await q.query('CREATE INDEX reward_money_kind_date ON rewards.reward_money (kind, on_date)');
    await q.query(`CREATE TABLE rewards.bounty_view (
      bounty_id uuid PRIMARY KEY,
      problem_id uuid,
      title text NOT NULL,
      description text NOT NULL,
      max_amount_fen bigint NOT NULL,
      approval_reference text NOT NULL,
      expires_on date NOT NULL,
      status text NOT NULL,
      published_on date NOT NULL,
      awarded_fen bigint NOT NULL DEFAULT 0,
      awards jsonb NOT NULL DEFAULT '[]',
      withdraw_reason text,
      updated_at timestamptz NOT NULL,
      version int NOT NULL
    )`);
    await q.query(`CREATE TABLE rewards.bounty_leads (
      bounty_id uuid NOT NULL,
      clue_id uuid NOT NULL,
      linked_at timestamptz NOT NULL,
      PRIMARY KEY (bounty_id, clue_id)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP SCHEMA rewards CASCADE');
  }
}
