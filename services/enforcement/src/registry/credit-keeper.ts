import { streamIds, type CreditRated, type EventMetadata, type SpecialObjectSet } from '@qingyuan/contracts';
import type { Principal } from '@qingyuan/auth';
import { DomainError } from '@qingyuan/domain';
import { actorOf, eventMetadata } from '@qingyuan/service-kit';
import type { PgEventStore, Tx } from '@qingyuan/event-store';
import { CREDIT_TRIGGER_LABELS, moveCredit, requireLevel, type CreditTrigger } from '../domain/credit';
import type { RuleVersions } from '../settings/rule-versions';

/**
 * Keeps each enterprise's credit level: every move is a CreditRated event on the enterprise's stream naming the rule
 * and the rule-table version that moved it, so the history is the record.
 */
export class CreditKeeper {
  constructor(
    private readonly store: PgEventStore,
    private readonly rules: RuleVersions,
  ) {}

  async rateNew(tx: Tx, enterpriseId: string, metadata: EventMetadata): Promise<void> {
    const { version, rules } = await this.rules.current('credit', tx);
    await this.append(tx, enterpriseId, { enterpriseId, level: rules.initial, rule: 'initial', reason: '新登记单位的初始信用等级', ruleVersion: version }, metadata);
  }

  /** An event moved the level (or not: nothing is written when the rules leave it where it is). */
  async apply(tx: Tx, enterpriseId: string, trigger: CreditTrigger, causeEventId: string, metadata: EventMetadata): Promise<string | undefined> {
    const { version, rules } = await this.rules.current('credit', tx);
    const current = (await this.level(tx, enterpriseId)) ?? rules.initial;
    const level = moveCredit(rules, current, trigger);
    if (!level) return undefined;
    const reason = CREDIT_TRIGGER_LABELS[trigger].zh;
    await this.append(tx, enterpriseId, { enterpriseId, level, previousLevel: current, rule: trigger, reason, ruleVersion: version, causeEventId }, metadata);
    return level;
  }

  /** 人工评定: the bureau sets a level (e.g. after the annual rating), with the reason. */
  async set(tx: Tx, enterpriseId: string, level: string, reason: string, metadata: EventMetadata): Promise<void> {
    const { version, rules } = await this.rules.current('credit', tx);
    requireLevel(rules, level);
    const current = await this.level(tx, enterpriseId);
    if (current === level) return;
    await this.append(tx, enterpriseId, { enterpriseId, level, previousLevel: current, rule: 'manual', reason, ruleVersion: version }, metadata);
  }

  /** A staff member's hand rating or special-list decision, in its own transaction. */
  byHand(p: Principal, enterpriseId: string, change: { level: string; reason: string } | { special: boolean; reason: string }): Promise<void> {
    const metadata = eventMetadata(actorOf(p));
    return this.store.db.transaction(async (tx) => {
      await this.requireEnterprise(tx, enterpriseId);
      if ('level' in change) await this.set(tx, enterpriseId, change.level, change.reason, metadata);
      else await this.setSpecial(tx, { enterpriseId, ...change }, metadata);
    });
  }

  async setSpecial(tx: Tx, data: SpecialObjectSet, metadata: EventMetadata): Promise<void> {
    await this.requireEnterprise(tx, data.enterpriseId);
    await this.store.appendIn(tx, streamIds.enterprise(data.enterpriseId), 'any', [{ type: 'SpecialObjectSet', data }], metadata);
  }

  async level(tx: Tx, enterpriseId: string): Promise<string | undefined> {
    const { rows } = await tx.query<{ credit_level: string | null }>('SELECT credit_level FROM enforcement.enterprises WHERE enterprise_id = $1', [enterpriseId]);
    return rows[0]?.credit_level ?? undefined;
  }

  private async append(tx: Tx, enterpriseId: string, data: CreditRated, metadata: EventMetadata): Promise<void> {
    await this.store.appendIn(tx, streamIds.enterprise(enterpriseId), 'any', [{ type: 'CreditRated', data }], metadata);
  }

  async exists(tx: Tx, enterpriseId: string): Promise<boolean> {
    const { rows } = await tx.query('SELECT 1 FROM enforcement.enterprises WHERE enterprise_id = $1', [enterpriseId]);
    return rows.length > 0;
  }

  async requireEnterprise(tx: Tx, enterpriseId: string): Promise<void> {
    if (!(await this.exists(tx, enterpriseId))) throw new DomainError('ENTERPRISE_NOT_FOUND', '排污单位不存在', 'No such enterprise', 'not-found');
  }
}
