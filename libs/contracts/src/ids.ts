import { createHash, randomBytes } from 'node:crypto';

/** UUID version 7 (RFC 9562): time-ordered, so event ids sort by creation time. */
export function uuidv7(now = Date.now()): string {
  const bytes = randomBytes(16);
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = (bytes[6] & 0x0f) | 0x70;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Stream ids carry their aggregate kind so an auditor can tell which service owns them. */
export const streamIds = {
  clue: (clueId: string) => `clue-${clueId}`,
  problem: (problemId: string) => `problem-${problemId}`,
  reward: (rewardId: string) => `reward-${rewardId}`,
  bounty: (bountyId: string) => `bounty-${bountyId}`,
  enterprise: (enterpriseId: string) => `enterprise-${enterpriseId}`,
  plan: (planId: string) => `plan-${planId}`,
  draw: (drawId: string) => `draw-${drawId}`,
  inspection: (taskId: string) => `inspection-${taskId}`,
  enforcementCase: (caseId: string) => `penalty-case-${caseId}`,
  transfer: (transferId: string) => `transfer-${transferId}`,
  consultation: (consultationId: string) => `consultation-${consultationId}`,
  device: (deviceId: string) => `device-${deviceId}`,
  alarm: (alarmId: string) => `alarm-${alarmId}`,
};

/**
 * A UUID derived from a name (UUID version 8 layout over SHA-256): the same hotline ticket, origin event or clue
 * always gives the same id, so that processing it twice creates nothing twice.
 */
export function nameUuid(namespace: string, name: string): string {
  const h = createHash('sha256').update(`${namespace}:${name}`).digest('hex');
  const variant = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
