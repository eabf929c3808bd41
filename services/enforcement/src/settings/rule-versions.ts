import type { Sql } from '@qingyuan/event-store';
import { httpError } from '@qingyuan/service-kit';
import { creditRuleProblems, type CreditRules } from '../domain/credit';
import { CONDITION_LABELS, type ExemptionItem } from '../domain/exemptions';
import { supervisionProblems, type SupervisionConfig } from '../domain/supervision';

export interface RuleKinds {
  credit: CreditRules;
  supervision: SupervisionConfig;
  exemptions: ExemptionItem[];
}
export type RuleKind = keyof RuleKinds;
export const RULE_KINDS: RuleKind[] = ['credit', 'supervision', 'exemptions'];

export interface Versioned<T> {
  version: number;
  rules: T;
  createdBy: string;
  createdAt: string;
  note?: string;
}

type Problem = { field: string; zh: string; en: string };

/** Checks of a new version; `levels` are the credit level codes in force, which the supervision ratios must cover. */
const CHECKS: { [K in RuleKind]: (rules: RuleKinds[K], levels: string[]) => Problem[] } = {
  credit: creditRuleProblems,
  supervision: supervisionProblems,
  exemptions: (items) => {
    if (!Array.isArray(items) || items.length === 0) return [{ field: '', zh: '清单不能为空', en: 'the list cannot be empty' }];
    const problems: Problem[] = [];
    const ids = new Set<string>();
    items.forEach((item, i) => {
      if (!item?.id || ids.has(item.id)) problems.push({ field: `${i}.id`, zh: '编号须唯一', en: 'ids must be unique' });
      ids.add(item?.id);
      if (!item?.name || !item?.legalBasis) problems.push({ field: `${i}.name`, zh: '须有名称和法律依据', en: 'needs a name and a legal basis' });
      if (!Array.isArray(item?.conditions) || item.conditions.length === 0 || item.conditions.some((c) => !(c in CONDITION_LABELS))) {
        problems.push({ field: `${i}.conditions`, zh: '适用条件须为已知条件', en: 'conditions must be known ones' });
      }
      if (item?.mode !== 'must' && item?.mode !== 'may') problems.push({ field: `${i}.mode`, zh: '须为 must 或 may', en: 'must be must or may' });
    });
    return problems;
  },
};

/** Versions of enforcement's configuration; a version is never changed, a new one is added and names its author. */
export class RuleVersions {
  constructor(private readonly sql: Sql) {}

  async current<K extends RuleKind>(kind: K, sql: Sql = this.sql): Promise<Versioned<RuleKinds[K]>> {
    const { rows } = await sql.query<Row<RuleKinds[K]>>(
      'SELECT version, rules, created_by, created_at, note FROM enforcement.rule_versions WHERE kind = $1 ORDER BY version DESC LIMIT 1',
      [kind],
    );
    return view(rows[0]);
  }

  async history<K extends RuleKind>(kind: K): Promise<Array<Versioned<RuleKinds[K]>>> {
    const { rows } = await this.sql.query<Row<RuleKinds[K]>>(
      'SELECT version, rules, created_by, created_at, note FROM enforcement.rule_versions WHERE kind = $1 ORDER BY version',
      [kind],
    );
    return rows.map(view);
  }

  async add<K extends RuleKind>(kind: K, rules: RuleKinds[K], createdBy: string, note?: string): Promise<Versioned<RuleKinds[K]>> {
    const levels = (await this.current('credit')).rules.levels.map((l) => l.code);
    const problems = CHECKS[kind](rules, kind === 'credit' ? (rules as CreditRules).levels?.map((l) => l.code) ?? [] : levels);
    if (problems.length > 0) {
      throw httpError(400, 'VALIDATION_FAILED', '规则有误，未保存', 'The rules have errors; nothing was saved', {
        errors: problems.map((p) => ({ field: `rules.${p.field}`, zh: `rules.${p.field}：${p.zh}`, en: `rules.${p.field} ${p.en}` })),
      });
    }
    const { rows } = await this.sql.query<Row<RuleKinds[K]>>(
      `INSERT INTO enforcement.rule_versions (kind, version, rules, created_by, note)
       SELECT $1, coalesce(max(version), 0) + 1, $2::jsonb, $3, $4 FROM enforcement.rule_versions WHERE kind = $1
       RETURNING version, rules, created_by, created_at, note`,
      [kind, JSON.stringify(rules), createdBy, note ?? null],
    );
    return view(rows[0]);
  }
}

interface Row<T> {
  version: number;
  rules: T;
  created_by: string;
  created_at: Date;
  note: string | null;
}

function view<T>(r: Row<T>): Versioned<T> {
  return { version: r.version, rules: r.rules, createdBy: r.created_by, createdAt: r.created_at.toISOString(), ...(r.note ? { note: r.note } : {}) };
}
