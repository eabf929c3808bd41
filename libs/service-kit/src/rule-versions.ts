import type { Sql } from '@qingyuan/event-store';
import { httpError } from './http-errors';

export interface Versioned<T> {
  version: number;
  rules: T;
  createdBy: string;
  createdAt: string;
  note?: string;
}

export type RuleProblem = { field: string; zh: string; en: string };

interface Row<T> {
  version: number;
  rules: T;
  created_by: string;
  created_at: Date;
  note: string | null;
}

/**
 * Versioned configuration in `<schema>.rule_versions (kind, version, rules, created_by, created_at, note)`: a version
 * is never changed, a new one is added and names its author, and whatever used a version records its number.
 */
export class RuleVersionStore<Kinds extends Record<string, unknown>> {
  constructor(
    private readonly sql: Sql,
    private readonly schema: string,
  ) {}

  async current<K extends keyof Kinds & string>(kind: K, sql: Sql = this.sql): Promise<Versioned<Kinds[K]>> {
    const { rows } = await sql.query<Row<Kinds[K]>>(
      `SELECT version, rules, created_by, created_at, note FROM ${this.schema}.rule_versions WHERE kind = $1 ORDER BY version DESC LIMIT 1`,
      [kind],
    );
    return view(rows[0]);
  }

  async history<K extends keyof Kinds & string>(kind: K): Promise<Array<Versioned<Kinds[K]>>> {
    const { rows } = await this.sql.query<Row<Kinds[K]>>(
      `SELECT version, rules, created_by, created_at, note FROM ${this.schema}.rule_versions WHERE kind = $1 ORDER BY version`,
      [kind],
    );
    return rows.map(view);
  }

  /** Adds the next version, or refuses the table whole (400 with every problem at its field) and writes nothing. */
  async add<K extends keyof Kinds & string>(kind: K, rules: Kinds[K], createdBy: string, note: string | undefined, problems: RuleProblem[]): Promise<Versioned<Kinds[K]>> {
    if (problems.length > 0) {
      throw httpError(400, 'VALIDATION_FAILED', '规则有误，未保存', 'The rules have errors; nothing was saved', {
        errors: problems.map((p) => ({ field: p.field, zh: `${p.field}：${p.zh}`, en: `${p.field} ${p.en}` })),
      });
    }
    const { rows } = await this.sql.query<Row<Kinds[K]>>(
      `INSERT INTO ${this.schema}.rule_versions (kind, version, rules, created_by, note)
       SELECT $1, coalesce(max(version), 0) + 1, $2::jsonb, $3, $4 FROM ${this.schema}.rule_versions WHERE kind = $1
       RETURNING version, rules, created_by, created_at, note`,
      [kind, JSON.stringify(rules), createdBy, note ?? null],
    );
    return view(rows[0]);
  }
}

/** The table every service with versioned rules creates in its first migration, seeded with version 1 of each kind. */
export function ruleVersionsDdl(schema: string, seeds: Array<{ kind: string; rules: unknown; note: string }>): Array<[string, unknown[]?]> {
  return [
    [
      `CREATE TABLE ${schema}.rule_versions (
        kind text NOT NULL,
        version int NOT NULL,
        rules jsonb NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        note text,
        PRIMARY KEY (kind, version)
      )`,
    ],
    ...seeds.map(({ kind, rules, note }): [string, unknown[]] => [
      `INSERT INTO ${schema}.rule_versions (kind, version, rules, created_by, note) VALUES ($1, 1, $2::jsonb, 'system', $3)`,
      [kind, JSON.stringify(rules), note],
    ]),
  ];
}

function view<T>(r: Row<T>): Versioned<T> {
  return { version: r.version, rules: r.rules, createdBy: r.created_by, createdAt: r.created_at.toISOString(), ...(r.note ? { note: r.note } : {}) };
}
