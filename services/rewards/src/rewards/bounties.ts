import { streamIds, uuidv7, type Actor, type BountyPublished, type EventMetadata, type RewardCaseOpened } from '@qingyuan/contracts';
import type { Principal } from '@qingyuan/auth';
import { handleCommand, type AppendResult, type Tx } from '@qingyuan/event-store';
import { actorOf, eventMetadata } from '@qingyuan/service-kit';
import { bountyDecider, type BountyCommand, type BountyState } from '../domain/bounty';
import type { RuleBook } from './rule-book';
import { rewardIdForBountyAward, type Cause, type RewardWorkflow } from './reward-workflow';

const SYSTEM: Actor = { kind: 'system', id: 'rewards' };

/** 悬赏: publish, link the leads intake receives for it, award one or several of them (each becomes a reward case), withdraw. */
export class Bounties {
  constructor(
    private readonly workflow: RewardWorkflow,
    private readonly rules: RuleBook,
  ) {}

  private get store() {
    return this.workflow.store;
  }

  async publish(p: Principal, bounty: Omit<BountyPublished, 'bountyId' | 'publishedBy'>): Promise<{ bountyId: string; result: AppendResult }> {
    const bountyId = uuidv7();
    const today = this.workflow.today();
    const { rules } = await this.rules.current(today);
    const published: BountyPublished = { ...bounty, bountyId, publishedBy: p.userId };
    const result = await this.run(undefined, bountyId, { kind: 'publish', published, capFen: rules.bountyCapFen, today }, eventMetadata(actorOf(p)));
    return { bountyId, result };
  }

  linkLead(bountyId: string, clueId: string, p: Principal): Promise<AppendResult> {
    return this.run(undefined, bountyId, { kind: 'link-lead', clueId, today: this.workflow.today() }, eventMetadata(actorOf(p)));
  }

  /** A lead sent with the bounty's id is linked on arrival, while the bounty is open; otherwise it stays an ordinary clue. */
  async linkReported(tx: Tx, bountyId: string, clueId: string, cause: Cause): Promise<void> {
    const state = await this.state(bountyId, tx);
    if (state.status !== 'open' || this.workflow.today() > state.expiresOn!) return;
    await this.run(tx, bountyId, { kind: 'link-lead', clueId, today: this.workflow.today() }, eventMetadata(SYSTEM, { causationId: cause.eventId, correlationId: cause.correlationId }));
  }

  /** Award (or split) in one transaction: the bounty's award and a proposed reward case for each lead. */
  award(bountyId: string, p: Principal, awards: Array<{ clueId: string; amountFen: number }>, note?: string): Promise<AppendResult> {
    return this.store.db.transaction(async (tx) => {
      const today = this.workflow.today();
      const { version, rules } = await this.rules.current(today, tx);
      const withIds = awards.map((a) => ({ ...a, rewardId: rewardIdForBountyAward(bountyId, a.clueId) }));
      const metadata = eventMetadata(actorOf(p));
      const result = await this.run(tx, bountyId, { kind: 'award', awards: withIds, awardedBy: p.userId, note }, metadata);
      const bounty = await this.state(bountyId, tx);
      for (const a of withIds) {
        const opened: RewardCaseOpened = {
          rewardId: a.rewardId,
          kind: 'bounty',
          bountyId,
          problemId: bounty.problemId,
          violationKinds: [],
          clueIds: [a.clueId],
          evaluateBy: today,
        };
        await this.workflow.append(tx, a.rewardId, { kind: 'open', opened }, metadata);
        const [facts] = await this.workflow.candidates(tx, [a.clueId]);
        await this.workflow.append(
          tx,
          a.rewardId,
          {
            kind: 'award-bounty-lead',
            lead: facts ?? { clueId: a.clueId, channel: 'unknown', registeredAt: today, anonymous: true, identifiable: false, insider: false },
            amountFen: a.amountFen,
            ruleVersion: version,
            awardedBy: p.userId,
            approveBy: this.workflow.workingDaysFrom(today, rules.deadlines.approveWorkingDays),
            note,
          },
          metadata,
        );
      }
      return result;
    });
  }

  withdraw(bountyId: string, p: Principal, reason: string): Promise<AppendResult> {
    return this.run(undefined, bountyId, { kind: 'withdraw', reason }, eventMetadata(actorOf(p)));
  }

  async state(bountyId: string, tx?: Tx): Promise<BountyState> {
    const events = await this.store.readStream(streamIds.bounty(bountyId), tx);
    return events.reduce((s, e) => bountyDecider.evolve(s, e as never), bountyDecider.initialState());
  }

  private run(tx: Tx | undefined, bountyId: string, command: BountyCommand, metadata: EventMetadata): Promise<AppendResult> {
    return handleCommand(this.store, streamIds.bounty(bountyId), bountyDecider, command, metadata, { tx });
  }
}
