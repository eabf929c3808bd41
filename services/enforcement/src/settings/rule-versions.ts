import type { Sql } from '@qingyuan/event-store';
import { RuleVersionStore, type RuleProblem, type Versioned } from '@qingyuan/service-kit';
import { creditRuleProblems, type CreditRules } from '../domain/credit';
import { CONDITION_LABELS, type ExemptionItem } from '../domain/exemptions';
import { supervisionProblems, type SupervisionConfig } from '../domain/supervision';

export interface RuleKinds {
  [kind: string]: unknown;
  credit: CreditRules;
  supervision: SupervisionConfig;
  exemptions: ExemptionItem[];
}
export type RuleKind = 'credit' | 'supervision' | 'exemptions';
export const RULE_KINDS: RuleKind[] = ['credit', 'supervision', 'exemptions'];
export type { Versioned };

function exemptionProblems(items: ExemptionItem[]): RuleProblem[] {
  if (!Array.isArray(items) || items.length === 0) return [{ field: '', zh: '清单不能为空', en: 'the list cannot be empty' }];
  const problems: RuleProblem[] = [];
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
}

/** Enforcement's versioned configuration: credit rules, the supervision lists and ratios, the minor-violation list. */
export class RuleVersions {
  private readonly store: RuleVersionStore<RuleKinds>;

  constructor(sql: Sql) {
    this.store = new RuleVersionStore<RuleKinds>(sql, 'enforcement');
  }

  current<K extends RuleKind>(kind: K, sql?: Sql): Promise<Versioned<RuleKinds[K]>> {
    return this.store.current(kind, sql);
  }

  history<K extends RuleKind>(kind: K): Promise<Array<Versioned<RuleKinds[K]>>> {
    return this.store.history(kind);
  }

  /** Refused whole when anything is wrong; the supervision ratios must cover the credit levels in force. */
  async add<K extends RuleKind>(kind: K, rules: RuleKinds[K], createdBy: string, note?: string): Promise<Versioned<RuleKinds[K]>> {
    const levels = (kind === 'credit' ? (rules as CreditRules) : (await this.current('credit')).rules).levels?.map((l) => l.code) ?? [];
    const problems =
      kind === 'credit' ? creditRuleProblems(rules as CreditRules) : kind === 'supervision' ? supervisionProblems(rules as SupervisionConfig, levels) : exemptionProblems(rules as ExemptionItem[]);
    return this.store.add(kind, rules, createdBy, note, problems.map((p) => ({ ...p, field: p.field ? `rules.${p.field}` : 'rules' })));
  }
}
