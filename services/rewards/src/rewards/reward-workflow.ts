import { fromDayNumber, shanghaiDate, toDayNumber, WorkingCalendar, SHIPPED_OVERRIDES } from '@qingyuan/calendar';
import {
  nameUuid,
  streamIds,
  type Actor,
  type ApprovalLevel,
  type JudicialOutcome,
  type ManualExclusion,
  type PayoutMethod,
  type ProblemClosed,
  type RewardCaseOpened,
} from '@qingyuan/contracts';
import type { Principal } from '@qingyuan/auth';
import { DomainError } from '@qingyuan/domain';
import { handleCommand, type AppendResult, type PgEventStore, type Sql, type Tx } from '@qingyuan/event-store';
import { actorOf, eventMetadata } from '@qingyuan/service-kit';
import { rewardDecider, type RewardCommand, type RewardState } from '../domain/reward';
import { suggestReward, type RewardRules, type Suggestion } from '../domain/rules';
import type { ClueFactsStore } from './clue-facts';
import type { RuleBook } from './rule-book';

export const rewardIdForProblem = (problemId: string) => nameUuid('reward-case', problemId);
export const rewardIdForBountyAward = (bountyId: string, clueId: string) => nameUuid('bounty-award', `${bountyId}:${clueId}`);

const SYSTEM: Actor = { kind: 'system', id: 'rewards' };

export interface Cause {
  eventId: string;
  correlationId: string;
}

/** A judicial outcome or penalty as it arrives from another service or from the officer. */
export type Basis =
  | { kind: 'penalty'; decisionNumber: string; fineFen: number; decidedOn: string }
  | { kind: 'outcome'; outcome: JudicialOutcome; documentNumber: string; date: string };

/**
 * The reward case workflow (奖励办理): each step loads the case, works out what needs the clock, the calendar or the
 * rule table, lets the decider rule and appends. Deadlines run on the shipped working-day calendar.
 */
export class RewardWorkflow {
  constructor(
    readonly store: PgEventStore,
    private readonly facts: ClueFactsStore,
    private readonly rules: RuleBook,
    private readonly clock: () => Date,
    private readonly calendar = new WorkingCalendar(SHIPPED_OVERRIDES),
  ) {}

  today(): string {
    return shanghaiDate(this.clock());
  }

  /** From cases' close-out: a confirmed qualifying violation opens a reward case, checked automatically at once. */
  async openForProblem(tx: Tx, closed: ProblemClosed, cause: Cause): Promise<void> {
    if (!closed.violation?.confirmed) return;
    const today = this.today();
    const { version, rules } = await this.rules.current(today, tx);
    const kinds = closed.violation.kinds.filter((k) => rules.qualifyingKinds.includes(k));
    if (kinds.length === 0) return;
    const rewardId = rewardIdForProblem(closed.problemId);
    const metadata = () => eventMetadata(SYSTEM, { causationId: cause.eventId, correlationId: cause.correlationId });
    const opened: RewardCaseOpened = {
      rewardId,
      kind: 'problem',
      problemId: closed.problemId,
      problemNumber: closed.number,
      category: closed.category,
      townCode: closed.townCode,
      violationKinds: kinds,
      problemClosedOn: closed.closedOn,
      clueIds: closed.clueIds,
      evaluateBy: this.workingDaysFrom(today, rules.deadlines.evaluateWorkingDays),
    };
    const result = await this.append(tx, rewardId, { kind: 'open', opened }, metadata());
    if (result.events.length === 0) return;
    const { rows } = await tx.query<{ source_event_id: string; kind: string; data: Basis }>(
      'DELETE FROM rewards.pending_outcomes WHERE problem_id = $1 RETURNING source_event_id, kind, data',
      [closed.problemId],
    );
    for (const pending of rows) await this.append(tx, rewardId, basisCommand(pending.data), metadata());
    const candidates = await this.facts.candidates(tx, closed.clueIds);
    await this.append(
      tx,
      rewardId,
      { kind: 'evaluate', candidates, findings: { exclusions: [], knownBeforeReport: false }, rules, ruleVersion: version, evaluatedBy: 'system' },
      metadata(),
    );
  }

  /** From enforcement or the judicial bridge: recorded on the case, or kept until the problem's case opens. */
  async recordBasisForProblem(tx: Tx, problemId: string, basis: Basis, cause: Cause): Promise<void> {
    const rewardId = rewardIdForProblem(problemId);
    if ((await this.store.streamVersion(streamIds.reward(rewardId), tx)) === 0) {
      await tx.query(
        'INSERT INTO rewards.pending_outcomes (source_event_id, problem_id, kind, data) VALUES ($1, $2, $3, $4::jsonb) ON CONFLICT DO NOTHING',
        [cause.eventId, problemId, basis.kind, JSON.stringify(basis)],
      );
      return;
    }
    const state = await this.state(rewardId, tx);
    // A case that ended without a reward takes no more outcomes; the event is still in the bureau's log.
    if (['ineligible', 'refused', 'expired'].includes(state.status)) return;
    const proposeBy = await this.proposeBy(tx);
    await this.append(tx, rewardId, basisCommand(basis, proposeBy), eventMetadata(SYSTEM, { causationId: cause.eventId, correlationId: cause.correlationId }));
  }

  recordBasis(rewardId: string, p: Principal, basis: Basis, version?: number): Promise<AppendResult> {
    return this.store.db.transaction(async (tx) => {
      const proposeBy = await this.proposeBy(tx);
      return this.append(tx, rewardId, basisCommand(basis, proposeBy), eventMetadata(actorOf(p)), version);
    });
  }

  evaluate(
    rewardId: string,
    p: Principal,
    findings: { exclusions: Array<{ clueId: string; reason: ManualExclusion; note?: string }>; knownBeforeReport: boolean; note?: string },
    version?: number,
  ): Promise<AppendResult> {
    return this.store.db.transaction(async (tx) => {
      const state = await this.state(rewardId, tx);
      const { version: ruleVersion, rules } = await this.rules.current(this.today(), tx);
      const candidates = await this.facts.candidates(tx, state.clueIds);
      const hasBasis = suggestionFor(state, rules, false).items.length > 0;
      const command: RewardCommand = {
        kind: 'evaluate',
        candidates,
        findings: { exclusions: findings.exclusions, knownBeforeReport: findings.knownBeforeReport },
        rules,
        ruleVersion,
        evaluatedBy: p.userId,
        note: findings.note,
        proposeBy: hasBasis ? this.workingDaysFrom(this.today(), rules.deadlines.proposeWorkingDays) : undefined,
      };
      return this.append(tx, rewardId, command, eventMetadata(actorOf(p)), version);
    });
  }

  propose(rewardId: string, p: Principal, proposal: { especiallySerious: boolean; amountFen?: number; note?: string }, version?: number): Promise<AppendResult> {
    return this.store.db.transaction(async (tx) => {
      const state = await this.state(rewardId, tx);
      const { version: ruleVersion, rules } = await this.rules.current(this.today(), tx);
      const command: RewardCommand = {
        kind: 'propose',
        ...proposal,
        suggestion: state.kind === 'bounty' ? bountySuggestion(state) : suggestionFor(state, rules, proposal.especiallySerious),
        rules,
        ruleVersion,
        proposedBy: p.userId,
        approveBy: this.workingDaysFrom(this.today(), rules.deadlines.approveWorkingDays),
      };
      return this.append(tx, rewardId, command, eventMetadata(actorOf(p)), version);
    });
  }

  approve(rewardId: string, p: Principal, level: ApprovalLevel, note: string | undefined, version?: number): Promise<AppendResult> {
    return this.store.db.transaction(async (tx) => {
      const state = await this.state(rewardId, tx);
      const { rules } = await this.rules.current(this.today(), tx);
      const final = level === 'city' || (level === 'finance' && !state.proposal?.especiallySerious);
      const days = final ? rules.deadlines.notifyWorkingDays : rules.deadlines.approveWorkingDays;
      const command: RewardCommand = { kind: 'approve', level, approvedBy: p.userId, note, nextDueBy: this.workingDaysFrom(this.today(), days) };
      return this.append(tx, rewardId, command, eventMetadata(actorOf(p)), version);
    });
  }

  refuse(rewardId: string, p: Principal, level: ApprovalLevel, reason: string, version?: number): Promise<AppendResult> {
    return this.run(rewardId, { kind: 'refuse', level, refusedBy: p.userId, reason }, eventMetadata(actorOf(p)), version);
  }

  /** 告知: the reporter sees the amount and the claim deadline on the receipt-code page. */
  notify(rewardId: string, p: Principal, version?: number): Promise<AppendResult> {
    return this.store.db.transaction(async (tx) => {
      const { rules } = await this.rules.current(this.today(), tx);
      const claimBy = fromDayNumber(toDayNumber(this.today()) + rules.deadlines.claimDays);
      return this.append(tx, rewardId, { kind: 'notify', notifiedOn: this.today(), claimBy }, eventMetadata(actorOf(p)), version);
    });
  }

  /** The reporter claims with the receipt code; only the method is recorded, bank details are taken offline by finance. */
  claim(rewardId: string, method: PayoutMethod): Promise<AppendResult> {
    return this.store.db.transaction(async (tx) => {
      const { rules } = await this.rules.current(this.today(), tx);
      const payBy = this.workingDaysFrom(this.today(), rules.deadlines.payoutWorkingDays);
      return this.append(tx, rewardId, { kind: 'claim', method, claimedOn: this.today(), payBy }, eventMetadata({ kind: 'public' }));
    });
  }

  /**
   * 发放: finance pays only after reading the reporter's identity through intake's vault with a second approver;
   * the payout names that reading, which must be for this case, its eligible reporter and this finance officer.
   */
  payout(
    rewardId: string,
    p: Principal,
    payout: { method: PayoutMethod; reference: string; identityRequestId: string; payerDepartment?: string },
    version?: number,
  ): Promise<AppendResult> {
    return this.store.db.transaction(async (tx) => {
      const state = await this.state(rewardId, tx);
      if (state.status === 'claimed') await this.requireDisclosure(tx, rewardId, state, payout.identityRequestId, p);
      const command: RewardCommand = {
        kind: 'payout',
        method: payout.method,
        reference: payout.reference,
        identityRequestId: payout.identityRequestId,
        payerDepartment: payout.payerDepartment ?? 'eco-env',
        paidOn: this.today(),
        paidBy: p.userId,
      };
      return this.append(tx, rewardId, command, eventMetadata(actorOf(p)), version);
    });
  }

  close(rewardId: string, p: Principal, reason: string, version?: number): Promise<AppendResult> {
    return this.run(rewardId, { kind: 'close', reason }, eventMetadata(actorOf(p)), version);
  }

  /** Rewards whose claim period ended unclaimed (a timer calls this). */
  async expireDue(): Promise<number> {
    const today = this.today();
    const { rows } = await this.store.db.query<{ reward_id: string }>(
      `SELECT reward_id FROM rewards.reward_view WHERE status = 'notified' AND claim_by < $1`,
      [today],
    );
    for (const row of rows) await this.run(row.reward_id, { kind: 'expire', today }, eventMetadata(SYSTEM));
    return rows.length;
  }

  async state(rewardId: string, sql?: Tx): Promise<RewardState> {
    const events = await this.store.readStream(streamIds.reward(rewardId), sql);
    return events.reduce((s, e) => rewardDecider.evolve(s, e as never), rewardDecider.initialState());
  }

  /** What the rule table gives the case now (shown to the officer before proposing). */
  async suggestion(state: RewardState, especiallySerious: boolean): Promise<Suggestion & { ruleVersion: number }> {
    const { version, rules } = await this.rules.current(this.today());
    return { ...(state.kind === 'bounty' ? bountySuggestion(state) : suggestionFor(state, rules, especiallySerious)), ruleVersion: version };
  }

  candidates(sql: Sql, clueIds: string[]) {
    return this.facts.candidates(sql, clueIds);
  }

  workingDaysFrom(day: string, n: number): string {
    return this.calendar.addWorkingDays(day, n);
  }

  run(rewardId: string, command: RewardCommand, metadata: ReturnType<typeof eventMetadata>, version?: number): Promise<AppendResult> {
    return handleCommand(this.store, streamIds.reward(rewardId), rewardDecider, command, metadata, { expectedVersion: version });
  }

  append(tx: Tx, rewardId: string, command: RewardCommand, metadata: ReturnType<typeof eventMetadata>, version?: number): Promise<AppendResult> {
    return handleCommand(this.store, streamIds.reward(rewardId), rewardDecider, command, metadata, { tx, expectedVersion: version });
  }

  private async proposeBy(sql: Sql): Promise<string> {
    const { rules } = await this.rules.current(this.today(), sql);
    return this.workingDaysFrom(this.today(), rules.deadlines.proposeWorkingDays);
  }

  private async requireDisclosure(sql: Sql, rewardId: string, state: RewardState, requestId: string, p: Principal): Promise<void> {
    const disclosure = await this.facts.disclosure(sql, requestId);
    if (!disclosure) {
      throw new DomainError(
        'IDENTITY_NOT_RESOLVED',
        '发放前须经第二人批准并查阅举报人身份：该查阅申请不存在或尚未查阅',
        'Before paying, the reporter identity must be read with a second approver: no such reading for this request',
      );
    }
    if (disclosure.clueId !== state.eligibleClueId || disclosure.caseRef !== rewardId || disclosure.requestedBy !== p.userId) {
      throw new DomainError(
        'IDENTITY_FOR_ANOTHER_CASE',
        '该身份查阅不属于本奖励案件的受奖举报人或不是由您查阅的',
        "That identity reading was not for this case's reporter, or not by you",
      );
    }
  }
}

function basisCommand(basis: Basis, proposeBy?: string): RewardCommand {
  return basis.kind === 'penalty'
    ? { kind: 'record-penalty', decisionNumber: basis.decisionNumber, fineFen: basis.fineFen, decidedOn: basis.decidedOn, proposeBy }
    : { kind: 'record-outcome', outcome: basis.outcome, documentNumber: basis.documentNumber, date: basis.date, proposeBy };
}

/** A bounty award's amount was decided when it was made: a new proposal after a refusal may not exceed it. */
function bountySuggestion(state: RewardState): Suggestion {
  const amountFen = state.bountyAwardFen ?? 0;
  return { amountFen, items: [{ rule: 'bounty', amountFen }], capFen: amountFen };
}

export function suggestionFor(state: RewardState, rules: RewardRules, especiallySerious: boolean): Suggestion {
  return suggestReward(rules, {
    fines: state.penalties.map((p) => p.fineFen),
    outcomes: state.outcomes.map((o) => o.outcome),
    violationKinds: state.violationKinds,
    especiallySerious,
  });
}
