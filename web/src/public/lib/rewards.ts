/** The public side of the rewards service (举报奖励与悬赏): docs/integrators/rewards-api.md, "Public". */

export const REWARD_STATUSES = ['in-review', 'notified', 'claimed', 'paid', 'not-eligible', 'expired'] as const;
export type RewardStatus = (typeof REWARD_STATUSES)[number];

/** GET /api/rewards/public/receipts/:code, and the answer of a claim. */
export interface PublicReward {
  status: RewardStatus;
  /** integer fen (分) */
  amountFen?: number;
  /** YYYY-MM-DD, Beijing */
  claimBy?: string;
  /** an anonymous reporter: identify through intake before claiming */
  identityNeeded: boolean;
}

export const PAYOUT_METHODS = ['bank-transfer', 'in-person'] as const;
export type PayoutMethod = (typeof PAYOUT_METHODS)[number];

/** An open bounty (悬赏) of GET /api/rewards/public/bounties. */
export interface PublicBounty {
  bountyId: string;
  title: string;
  description: string;
  maxAmountFen: number;
  expiresOn: string;
}

export function isPublicReward(body: unknown): body is PublicReward {
  return !!body && typeof body === 'object' && REWARD_STATUSES.includes((body as PublicReward).status);
}

const grouping = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 });

/** Integer fen as yuan with two decimals, exactly (no floating point): 1234567 → "12,345.67". */
export function formatYuan(fen: number): string {
  const whole = Math.round(fen);
  const yuan = Math.trunc(Math.abs(whole) / 100);
  const cents = String(Math.abs(whole) % 100).padStart(2, '0');
  return `${whole < 0 ? '-' : ''}${grouping.format(yuan)}.${cents}`;
}

/** A resident ID number (居民身份证号码) as typed: without spaces, a lower-case x made upper case. */
export function normaliseIdNumber(input: string): string {
  return input.replace(/\s/g, '').toUpperCase();
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** 18 characters with a valid check character (GB 11643); also the residence permits of the same format. */
export function validIdNumber(id: string): boolean {
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  const sum = ID_WEIGHTS.reduce((total, weight, i) => total + weight * Number(id[i]), 0);
  return ID_CHECK[sum % 11] === id[17];
}
