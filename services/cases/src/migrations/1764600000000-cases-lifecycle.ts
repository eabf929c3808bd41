import { SHIPPED_OVERRIDES } from '@qingyuan/calendar';
import { CATEGORY_CODES } from '@qingyuan/contracts';
import { DEFAULT_SETTINGS } from '../settings/case-settings';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Which department leads on which category by default (牵头部门), from the plan's responsibility lists; editable. */
export const SEED_MATRIX: Record<string, { lead: string; cooperating: string[] }> = {
  water: { lead: 'eco-env', cooperating: ['water'] },
  air: { lead: 'eco-env', cooperating: ['law-enforcement'] },
  noise: { lead: 'law-enforcement', cooperating: ['eco-env'] },
  'solid-waste': { lead: 'law-enforcement', cooperating: ['eco-env'] },
  'hazardous-waste': { lead: 'eco-env', cooperating: ['public-security'] },
  soil: { lead: 'eco-env', cooperating: ['natural-resources', 'agriculture'] },
  radiation: { lead: 'eco-env', cooperating: ['health'] },
  ecological: { lead: 'natural-resources', cooperating: ['eco-env'] },
  'drinking-water-source': { lead: 'water', cooperating: ['eco-env'] },
  other: { lead: 'eco-env', cooperating: [] },
};

/** The full lifecycle: triage, sign-off, deadlines, supervision, working-day calendar, timers, numbering. */
export class CasesLifecycle1764600000000 implements MigrationInterface {
  name = 'CasesLifecycle1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE cases.problem_view
      ADD COLUMN number text,
      ADD COLUMN severity text,
      ADD COLUMN cross_town boolean NOT NULL DEFAULT false,
      ADD COLUMN cross_department boolean NOT NULL DEFAULT false,
      ADD COLUMN cooperating_departments text[] NOT NULL DEFAULT '{}',
      ADD COLUMN time_limit jsonb,
      ADD COLUMN opened_on date,
      ADD COLUMN signed_on date,
      ADD COLUMN requested_deadline date,
      ADD COLUMN returned_reason text,
      ADD COLUMN rectified_by text,
      ADD COLUMN overdue boolean NOT NULL DEFAULT false,
      ADD COLUMN warned boolean NOT NULL DEFAULT false,
      ADD COLUMN supervision text,
      ADD COLUMN escalated_to_city boolean NOT NULL DEFAULT false,
      ADD COLUMN suspected_crime boolean NOT NULL DEFAULT false,
      ADD COLUMN reopened_from uuid,
      ADD COLUMN recurred_as uuid,
      ADD COLUMN closed_on date,
      ADD COLUMN on_time boolean,
      ADD COLUMN handling_working_days int`);
    await q.query('DROP INDEX IF EXISTS cases.problem_view_town');
    await q.query('CREATE INDEX problem_view_town ON cases.problem_view (town_code, opened_at DESC)');
    await q.query('CREATE INDEX problem_view_lead ON cases.problem_view (lead_department, opened_at DESC)');
    await q.query('CREATE INDEX problem_view_cooperating ON cases.problem_view USING gin (cooperating_departments)');
    await q.query('CREATE INDEX problem_view_opened ON cases.problem_view (opened_at DESC)');
    await q.query('CREATE INDEX problem_view_overdue ON cases.problem_view (opened_at DESC) WHERE overdue');
    await q.query('CREATE UNIQUE INDEX problem_view_number ON cases.problem_view (number)');
    await q.query('CREATE SEQUENCE cases.problem_number_seq');
    await q.query(`CREATE TABLE cases.category_departments (
      category text PRIMARY KEY, lead_department text NOT NULL, cooperating text[] NOT NULL DEFAULT '{}',
      updated_by text, updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    for (const category of CATEGORY_CODES) {
      const row = SEED_MATRIX[category];
      await q.query('INSERT INTO cases.category_departments (category, lead_department, cooperating) VALUES ($1, $2, $3)', [category, row.lead, row.cooperating]);
    }
    // Holidays and make-up working days (调休) per year; an administrator edits them when the State Council publishes.
    await q.query(`CREATE TABLE cases.calendar_overrides (
      date date PRIMARY KEY, kind text NOT NULL CHECK (kind IN ('holiday', 'makeup-workday')), name text NOT NULL,
      confirmed boolean NOT NULL DEFAULT false, updated_by text, updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    for (const o of SHIPPED_OVERRIDES) {
      await q.query('INSERT INTO cases.calendar_overrides (date, kind, name, confirmed) VALUES ($1, $2, $3, $4)', [o.date, o.kind, o.name, o.confirmed]);
    }
    await q.query(`CREATE TABLE cases.settings (key text PRIMARY KEY, value jsonb NOT NULL, updated_by text, updated_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`INSERT INTO cases.settings (key, value) VALUES ('lifecycle', $1::jsonb)`, [JSON.stringify(DEFAULT_SETTINGS)]);
    // Durable deadline timers, derived from events; a timer fires once, whatever restarts happen in between.
    await q.query(`CREATE TABLE cases.deadline_timers (
      problem_id uuid NOT NULL, kind text NOT NULL CHECK (kind IN ('warning', 'overdue')), due_on date NOT NULL,
      deadline date NOT NULL, fired boolean NOT NULL DEFAULT false, PRIMARY KEY (problem_id, kind)
    )`);
    await q.query('CREATE INDEX deadline_timers_due ON cases.deadline_timers (due_on) WHERE NOT fired');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE cases.deadline_timers, cases.settings, cases.calendar_overrides, cases.category_departments');
    await q.query('DROP SEQUENCE cases.problem_number_seq');
  }
}
