import { DomainError } from '@qingyuan/domain';
import { normaliseReceiptCode, receiptCodeHash, type PayoutMethod } from '@qingyuan/contracts';
import type { Sql } from '@qingyuan/event-store';
import type { RewardView } from '../projections/reward-view';
import type { ClueFactsStore } from './clue-facts';
import type { RewardQueries } from './reward.queries';
import type { RewardWorkflow } from './reward-workflow';

export type PublicRewardStatus = 'in-review' | 'notified' | 'claimed' | 'paid' | 'not-eligible' | 'expired';

export interface PublicReward {
  status: PublicRewardStatus;
  amountFen?: number;
  claimBy?: string;
  identityNeeded: boolean;
}

const UNKNOWN_CODE = () => new DomainError('RECEIPT_NOT_FOUND', '查询码无效，请核对后重试', 'Unknown receipt code; check it and try again', 'not-found');
const NO_REWARD = () => new DomainError('NO_REWARD', '该举报暂无奖励事项', 'There is no reward for this report', 'not-found');

/**
 * What a reporter sees and does with the receipt code: the stage of their reward in plain words, the amount once it
 * is granted, and the claim. Rewards keeps only the code's hash (from intake's event), as intake does.
 */
export class PublicRewards {
  constructor(
    private readonly sql: Sql,
    private readonly facts: ClueFactsStore,
    private readonly queries: RewardQueries,
    private readonly workflow: RewardWorkflow,
  ) {}

  async status(code: string): Promise<PublicReward> {
    const { clueId, identifiable, view } = await this.find(code);
    return publicView(view, clueId, identifiable);
  }

  async claim(code: string, method: PayoutMethod): Promise<PublicReward> {
    const { clueId, view } = await this.find(code);
    if (view.evaluation?.eligibleClueId !== clueId) throw NO_REWARD();
    await this.workflow.claim(view.rewardId, method);
    return this.status(code);
  }

  private async find(code: string): Promise<{ clueId: string; identifiable: boolean; view: RewardView }> {
    const normalised = normaliseReceiptCode(code);
    const clue = normalised ? await this.facts.byReceipt(this.sql, receiptCodeHash(normalised)) : undefined;
    if (!clue) throw UNKNOWN_CODE();
    const view = await this.queries.ofClue(clue.clueId);
    if (!view) throw NO_REWARD();
    return { ...clue, view };
  }
}

function publicView(view: RewardView, clueId: string, identifiable: boolean): PublicReward {
  const eligible = view.evaluation?.eligibleClueId === clueId && view.evaluation.evaluatedBy !== 'system';
  const identityNeeded = !identifiable;
  if (['ineligible', 'refused'].includes(view.status) || (view.status !== 'opened' && !eligible)) return { status: 'not-eligible', identityNeeded: false };
  switch (view.status) {
    case 'notified':
      return { status: 'notified', amountFen: view.amountFen, claimBy: view.claimBy, identityNeeded };
    case 'claimed':
      return { status: 'claimed', amountFen: view.amountFen, identityNeeded };
    case 'paid':
      return { status: 'paid', amountFen: view.paidFen, identityNeeded: false };
    case 'expired':
      return { status: 'expired', identityNeeded: false };
    default:
      // Before the reporter is told, the amount is not final and is not shown.
      return { status: 'in-review', identityNeeded };
  }
}
