import type { BountyPublished, Fen, RewardsEvent } from '@qingyuan/contracts';
import { DomainError, type Decider } from '@qingyuan/domain';

/** A bounty (悬赏): published for a key lead on a major case, leads linked as they come, then awarded or withdrawn. */
export type BountyStatus = 'none' | 'open' | 'awarded' | 'withdrawn';

export interface BountyState {
  status: BountyStatus;
  bountyId?: string;
  problemId?: string;
  maxAmountFen: Fen;
  expiresOn?: string;
  leads: string[];
}

export type BountyCommand =
  | { kind: 'publish'; published: BountyPublished; capFen: Fen; today: string }
  | { kind: 'link-lead'; clueId: string; today: string }
  | { kind: 'award'; awards: Array<{ clueId: string; amountFen: Fen; rewardId: string }>; awardedBy: string; note?: string }
  | { kind: 'withdraw'; reason: string };

const refuse = (code: string, zh: string, en: string, kind: 'invalid' | 'conflict' | 'not-found' = 'conflict') => new DomainError(code, zh, en, kind);
const yuan = (fen: Fen) => (fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

function requireOpen(state: BountyState, action: { zh: string; en: string }): void {
  if (state.status === 'none') throw refuse('BOUNTY_NOT_FOUND', '悬赏不存在', 'No such bounty', 'not-found');
  if (state.status !== 'open') {
    throw refuse('BOUNTY_NOT_OPEN', `悬赏已${state.status === 'awarded' ? '授予' : '撤销'}，不能${action.zh}`, `The bounty was ${state.status}; cannot ${action.en}`);
  }
}

function evolve(state: BountyState, event: RewardsEvent): BountyState {
  switch (event.type) {
    case 'BountyPublished':
      return { ...state, status: 'open', bountyId: event.data.bountyId, problemId: event.data.problemId, maxAmountFen: event.data.maxAmountFen, expiresOn: event.data.expiresOn };
    case 'BountyLeadLinked':
      return { ...state, leads: [...state.leads, event.data.clueId] };
    case 'BountyAwarded':
      return { ...state, status: 'awarded' };
    case 'BountyWithdrawn':
      return { ...state, status: 'withdrawn' };
    default:
      return state;
  }
}

function decide(c: BountyCommand, state: BountyState): RewardsEvent[] {
  switch (c.kind) {
    case 'publish': {
      if (state.status !== 'none') return [];
      const p = c.published;
      if (!Number.isSafeInteger(p.maxAmountFen) || p.maxAmountFen <= 0) {
        throw refuse('AMOUNT_INVALID', '悬赏金额须为正整数（分）', 'The bounty must be a positive whole number of fen', 'invalid');
      }
      if (p.maxAmountFen > c.capFen) {
        throw refuse('AMOUNT_ABOVE_CAP', `悬赏金额不能超过 ${yuan(c.capFen)} 元`, `A bounty cannot exceed ${yuan(c.capFen)} yuan`, 'invalid');
      }
      if (p.expiresOn <= c.today) throw refuse('EXPIRY_IN_PAST', '截止日期须晚于今天', 'The closing date must be after today', 'invalid');
      return [{ type: 'BountyPublished', data: p }];
    }
    case 'link-lead':
      requireOpen(state, { zh: '关联线索', en: 'link a lead' });
      if (state.leads.includes(c.clueId)) return [];
      if (c.today > state.expiresOn!) throw refuse('BOUNTY_EXPIRED', `悬赏已于 ${state.expiresOn} 截止`, `The bounty closed on ${state.expiresOn}`);
      return [{ type: 'BountyLeadLinked', data: { bountyId: state.bountyId!, clueId: c.clueId } }];
    case 'award': {
      requireOpen(state, { zh: '授予', en: 'award it' });
      if (c.awards.length === 0) throw refuse('AWARD_EMPTY', '请至少选择一条线索', 'Choose at least one lead', 'invalid');
      const clueIds = c.awards.map((a) => a.clueId);
      if (new Set(clueIds).size !== clueIds.length) throw refuse('AWARD_DUPLICATE_LEAD', '同一线索不能授予两次', 'A lead cannot be awarded twice', 'invalid');
      const stranger = clueIds.find((id) => !state.leads.includes(id));
      if (stranger) throw refuse('LEAD_NOT_LINKED', `线索 ${stranger} 未关联到该悬赏`, `Lead ${stranger} is not linked to this bounty`, 'invalid');
      if (c.awards.some((a) => !Number.isSafeInteger(a.amountFen) || a.amountFen <= 0)) {
        throw refuse('AMOUNT_INVALID', '每份奖励须为正整数（分）', 'Each award must be a positive whole number of fen', 'invalid');
      }
      const total = c.awards.reduce((a, b) => a + b.amountFen, 0);
      if (total > state.maxAmountFen) {
        throw refuse('AMOUNT_ABOVE_CAP', `授予总额 ${yuan(total)} 元超过悬赏金额 ${yuan(state.maxAmountFen)} 元`, `The awards total ${yuan(total)} yuan, above the bounty of ${yuan(state.maxAmountFen)} yuan`, 'invalid');
      }
      return [{ type: 'BountyAwarded', data: { bountyId: state.bountyId!, awards: c.awards, awardedBy: c.awardedBy, ...(c.note ? { note: c.note } : {}) } }];
    }
    case 'withdraw':
      requireOpen(state, { zh: '撤销', en: 'withdraw it' });
      return [{ type: 'BountyWithdrawn', data: { bountyId: state.bountyId!, reason: c.reason } }];
  }
}

export const bountyDecider: Decider<BountyState, BountyCommand, RewardsEvent> = {
  initialState: () => ({ status: 'none', maxAmountFen: 0, leads: [] }),
  evolve,
  decide,
};
