import type { AlarmEvidence, AlarmKind, AlarmTier } from '@qingyuan/contracts';
import { nextTier, tierRank, type AlarmRules } from './alarm-rules';
import type { Condition } from './judge';

/** An alarm that is open now, as the decisions need it. */
export interface OpenAlarm {
  alarmId: string;
  deviceId: string;
  factor?: string;
  kind: AlarmKind;
  tier: AlarmTier;
  since: Date;
  openedAt: Date;
  acknowledgedAt?: Date;
  lastEscalatedAt?: Date;
  /** how far people have taken it (alarm, warned, verifying, verified, supervised, closed) */
  stage?: string;
}

/** Once someone is verifying, supervising or has closed it, the clock no longer escalates an alarm. */
const ESCALATING_STAGES = new Set(['alarm', 'warned']);

export type AlarmDecision =
  | { action: 'open'; key: string; condition: Condition & { tier: AlarmTier; summary: string } }
  | { action: 'escalate'; alarm: OpenAlarm; to: AlarmTier; reason: 'worse' | 'persisting' | 'unacknowledged'; summary: string; evidence?: AlarmEvidence }
  | { action: 'clear'; alarm: OpenAlarm; evidence: AlarmEvidence };

/** One alarm per (device, factor, kind) at a time. */
export const alarmKey = (deviceId: string, factor: string | undefined, kind: AlarmKind) => `${deviceId}|${factor ?? ''}|${kind}`;

/**
 * What the conditions of one device's uploads mean for its alarms: open once, escalate when it gets worse, clear on
 * recovery. Data older than an alarm's start (补传 history) never clears it. Per key, the condition of the newest data wins.
 */
export function decide(deviceId: string, conditions: Condition[], open: ReadonlyMap<string, OpenAlarm>): AlarmDecision[] {
  const latest = new Map<string, Condition>();
  for (const c of conditions) {
    const key = alarmKey(deviceId, c.factor, c.kind);
    const seen = latest.get(key);
    if (!seen || c.dataTime >= seen.dataTime) latest.set(key, c);
  }
  const decisions: AlarmDecision[] = [];
  for (const [key, c] of latest) {
    const alarm = open.get(key);
    if (c.present && c.tier && c.summary) {
      if (!alarm) decisions.push({ action: 'open', key, condition: { ...c, tier: c.tier, summary: c.summary } });
      else if (tierRank(c.tier) > tierRank(alarm.tier)) decisions.push({ action: 'escalate', alarm, to: c.tier, reason: 'worse', summary: c.summary, evidence: c.evidence });
    } else if (!c.present && alarm && c.dataTime > alarm.since) {
      decisions.push({ action: 'clear', alarm, evidence: c.evidence });
    }
  }
  return decisions;
}

/** Escalations due on the clock: not acknowledged in time, or open too long; once per period, never above the maximum. */
export function dueEscalations(alarms: OpenAlarm[], rules: AlarmRules, now: Date): AlarmDecision[] {
  const out: AlarmDecision[] = [];
  const max = rules.escalation.maxTier;
  for (const alarm of alarms) {
    if (tierRank(alarm.tier) >= tierRank(max) || (alarm.stage && !ESCALATING_STAGES.has(alarm.stage))) continue;
    const last = alarm.lastEscalatedAt ?? alarm.openedAt;
    const to = nextTier(alarm.tier, max);
    const unackMs = rules.escalation.unacknowledgedMinutes * 60_000;
    const persistMs = rules.escalation.persistingHours * 3_600_000;
    if (!alarm.acknowledgedAt && now.getTime() - last.getTime() >= unackMs) {
      out.push({ action: 'escalate', alarm, to, reason: 'unacknowledged', summary: `${rules.escalation.unacknowledgedMinutes} 分钟内未签收，升级 / not acknowledged in time` });
    } else if (now.getTime() - last.getTime() >= persistMs) {
      out.push({ action: 'escalate', alarm, to, reason: 'persisting', summary: `持续 ${rules.escalation.persistingHours} 小时未恢复，升级 / still open` });
    }
  }
  return out;
}

export interface DeviceSeen {
  deviceId: string;
  lastSeenAt?: Date;
  registeredAt: Date;
  realtimeIntervalSeconds: number;
}

/** Devices silent for longer than `offline.intervals` × their interval (a device never heard of counts from registration). */
export function isOffline(device: DeviceSeen, rules: AlarmRules, now: Date): boolean {
  const since = device.lastSeenAt ?? device.registeredAt;
  return now.getTime() - since.getTime() > rules.offline.intervals * device.realtimeIntervalSeconds * 1000;
}
