import { fromDayNumber, shanghaiDate, toDayNumber } from '@qingyuan/calendar';
import { streamIds, uuidv7, type EventMetadata } from '@qingyuan/contracts';
import type { Principal } from '@qingyuan/auth';
import { DomainError } from '@qingyuan/domain';
import { handleCommand, type AppendResult, type PgEventStore, type Tx } from '@qingyuan/event-store';
import { actorOf, eventMetadata } from '@qingyuan/service-kit';
import { checkExemption, type ExemptionCondition } from '../domain/exemptions';
import { penaltyCaseDecider, type PenaltyCaseCommand } from '../domain/penalty-case';
import { DECIDE_WITHIN_DAYS } from '../inspections/inspections';
import type { CreditKeeper } from '../registry/credit-keeper';
import type { RuleVersions } from '../settings/rule-versions';

/** 行政处罚法 art. 36: a violation is looked back on for two years. */
const FIRST_OFFENCE_YEARS = 2;

/**
 * Penalty cases: the minor-violation list is checked first (first offence worked out from the enterprise's record),
 * then a penalty (which moves credit), an exemption with education, or a transfer as a suspected crime (red credit).
 */
export class PenaltyCases {
  constructor(
    private readonly store: PgEventStore,
    private readonly credit: CreditKeeper,
    private readonly rules: RuleVersions,
    private readonly clock: () => Date,
  ) {}

  async open(p: Principal, c: { enterpriseId: string; problemId?: string; summary: string }): Promise<string> {
    const caseId = uuidv7();
    const openedOn = shanghaiDate(this.clock());
    await this.store.db.transaction(async (tx) => {
      await this.credit.requireEnterprise(tx, c.enterpriseId);
      await this.run(tx, caseId, { kind: 'open', opened: { caseId, ...c, openedOn, decideBy: fromDayNumber(toDayNumber(openedOn) + DECIDE_WITHIN_DAYS) } }, eventMetadata(actorOf(p)));
    });
    return caseId;
  }

  checkExemption(
    p: Principal,
    caseId: string,
    finding: { itemId: string; facts: Partial<Record<Exclude<ExemptionCondition, 'first-offence'>, boolean>>; officerWaives: boolean; education?: string },
  ): Promise<AppendResult> {
    return this.store.db.transaction(async (tx) => {
      const { version, rules: items } = await this.rules.current('exemptions', tx);
      const item = items.find((i) => i.id === finding.itemId);
      if (!item) throw new DomainError('EXEMPTION_ITEM_UNKNOWN', `清单中没有该事项：${finding.itemId}`, `No such item on the list: ${finding.itemId}`, 'invalid');
      const enterpriseId = await this.enterpriseOf(tx, caseId);
      const firstOffence = await this.isFirstOffence(tx, enterpriseId, caseId);
      const check = checkExemption(item, { ...finding.facts, 'first-offence': firstOffence }, finding.officerWaives);
      return this.run(
        tx,
        caseId,
        {
          kind: 'check-exemption',
          check: { exempt: check.exempt, ruleId: item.id, conditions: check.conditions, listVersion: version, checkedOn: shanghaiDate(this.clock()), ...(check.exempt && finding.education ? { education: finding.education } : {}) },
        },
        eventMetadata(actorOf(p)),
      );
    });
  }

  decide(p: Principal, caseId: string, penalty: { decisionNumber: string; legalBasis: string; fineFen: number; decidedOn: string }): Promise<AppendResult> {
    return this.store.db.transaction(async (tx) => {
      const metadata = eventMetadata(actorOf(p));
      const result = await this.run(tx, caseId, { kind: 'decide', ...penalty }, metadata);
      await this.credit.apply(tx, await this.enterpriseOf(tx, caseId), 'penalty', result.events[0].eventId, metadata);
      return result;
    });
  }

  transfer(p: Principal, caseId: string, reason: string): Promise<AppendResult> {
    return this.store.db.transaction(async (tx) => {
      const metadata = eventMetadata(actorOf(p));
      const result = await this.run(tx, caseId, { kind: 'transfer', reason }, metadata);
      await this.credit.apply(tx, await this.enterpriseOf(tx, caseId), 'criminal-transfer', result.events[0].eventId, metadata);
      return result;
    });
  }

  /** No penalty and no other violation of the enterprise in the last two years. */
  private async isFirstOffence(tx: Tx, enterpriseId: string, caseId: string): Promise<boolean> {
    const since = fromDayNumber(toDayNumber(shanghaiDate(this.clock())) - 365 * FIRST_OFFENCE_YEARS);
    const { rows } = await tx.query(
      `SELECT 1 FROM enforcement.cases WHERE enterprise_id = $1 AND case_id <> $2 AND opened_on >= $3 AND status IN ('open', 'penalised', 'transferred') LIMIT 1`,
      [enterpriseId, caseId, since],
    );
    return rows.length === 0;
  }

  private async enterpriseOf(tx: Tx, caseId: string): Promise<string> {
    const { rows } = await tx.query<{ enterprise_id: string }>('SELECT enterprise_id FROM enforcement.cases WHERE case_id = $1', [caseId]);
    if (!rows[0]) throw new DomainError('CASE_NOT_FOUND', '处罚案件不存在', 'No such penalty case', 'not-found');
    return rows[0].enterprise_id;
  }

  private run(tx: Tx, caseId: string, command: PenaltyCaseCommand, metadata: EventMetadata): Promise<AppendResult> {
    return handleCommand(this.store, streamIds.enforcementCase(caseId), penaltyCaseDecider, command, metadata, { tx });
  }
}
