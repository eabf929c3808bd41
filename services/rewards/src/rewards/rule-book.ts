import type { Sql } from '@qingyuan/event-store';
import { httpError } from '@qingyuan/service-kit';
import { ruleProblems, type RewardRules } from '../domain/rules';

export interface RuleVersion {
  version: number;
  effectiveFrom: string;
  rules: RewardRules;
  createdBy: string;
  createdAt: string;
  note?: string;
}

interface Row {
  version: number;
  effective_from: string;
  rules: RewardRules;
  created_by: string;
  created_at: Date;
  note: string | null;
}

const view = (r: Row): RuleVersion => ({
  version: r.version,
  effectiveFrom: r.effective_from,
  rules: r.rules,
  createdBy: r.created_by,
  createdAt: r.created_at.toISOString(),
  ...(r.note ? { note: r.note } : {}),
});

/** The versions of the reward rule table. A version is never changed; a new one is added. */
export class RuleBook {
  constructor(private readonly sql: Sql) {}

  /** The version in force on a day: the newest that took effect by then. */
  async current(today: string, sql: Sql = this.sql): Promise<RuleVersion> {
    const { rows } = await sql.query<Row>(
      `SELECT version, effective_from::text AS effective_from, rules, created_by, created_at, note FROM rewards.rule_versions
        WHERE effective_from <= $1 ORDER BY effective_from DESC, version DESC LIMIT 1`,
      [today],
    );
    if (rows[0]) return view(rows[0]);
    return (await this.versions(sql)).at(-1)!;
  }

  async versions(sql: Sql = this.sql): Promise<RuleVersion[]> {
    const { rows } = await sql.query<Row>(
      'SELECT version, effective_from::text AS effective_from, rules, created_by, created_at, note FROM rewards.rule_versions ORDER BY version',
    );
    return rows.map(view);
  }

  async add(rules: RewardRules, effectiveFrom: string, createdBy: string, note?: string): Promise<RuleVersion> {
    const problems = ruleProblems(rules);
    if (problems.length > 0) {
      throw httpError(400, 'VALIDATION_FAILED', '奖励规则有误，未保存', 'The rule table has errors; nothing was saved', {
        errors: problems.map((p) => ({ field: `rules.${p.field}`, zh: `rules.${p.field}：${p.zh}`, en: `rules.${p.field} ${p.en}` })),
      });
    }
    const { rows } = await this.sql.query<Row>(
      `INSERT INTO rewards.rule_versions (version, effective_from, rules, created_by, note)
       SELECT coalesce(max(version), 0) + 1, $1, $2::jsonb, $3, $4 FROM rewards.rule_versions
       RETURNING version, effective_from::text AS effective_from, rules, created_by, created_at, note`,
      [effectiveFrom, JSON.stringify(rules), createdBy, note ?? null],
    );
    return view(rows[0]);
  }
}
