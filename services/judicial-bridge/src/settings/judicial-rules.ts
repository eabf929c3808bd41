import type { Sql } from '@qingyuan/event-store';
import { RuleVersionStore, type Versioned } from '@qingyuan/service-kit';
import { requiredMaterialsProblems } from '../domain/materials';
import { thresholdConfigProblems, type ThresholdConfig } from '../domain/thresholds';
import { timeLimitProblems, type Step, type TimeLimit } from '../domain/time-limits';

export interface JudicialRuleKinds {
  [kind: string]: unknown;
  'time-limits': Record<Step, TimeLimit>;
  materials: Record<'criminal' | 'detention', string[]>;
  thresholds: ThresholdConfig;
}
export type JudicialRuleKind = 'time-limits' | 'materials' | 'thresholds';
export const JUDICIAL_RULE_KINDS: JudicialRuleKind[] = ['time-limits', 'materials', 'thresholds'];

const CHECKS: Record<JudicialRuleKind, (rules: unknown) => Array<{ field: string; zh: string; en: string }>> = {
  'time-limits': timeLimitProblems,
  materials: requiredMaterialsProblems,
  thresholds: (rules) => thresholdConfigProblems(rules).map((p) => ({ ...p, field: `rules.${p.field}` })),
};

/** The bridge's versioned configuration: the legal time limits, the materials required before sending, the criminal thresholds. */
export class JudicialRules {
  private readonly store: RuleVersionStore<JudicialRuleKinds>;

  constructor(sql: Sql) {
    this.store = new RuleVersionStore<JudicialRuleKinds>(sql, 'judicial');
  }

  current<K extends JudicialRuleKind>(kind: K, sql?: Sql): Promise<Versioned<JudicialRuleKinds[K]>> {
    return this.store.current(kind, sql);
  }

  history<K extends JudicialRuleKind>(kind: K): Promise<Array<Versioned<JudicialRuleKinds[K]>>> {
    return this.store.history(kind);
  }

  add<K extends JudicialRuleKind>(kind: K, rules: JudicialRuleKinds[K], createdBy: string, note?: string): Promise<Versioned<JudicialRuleKinds[K]>> {
    return this.store.add(kind, rules, createdBy, note, CHECKS[kind](rules));
  }
}
