import { randomUUID } from 'node:crypto';
import type { Principal } from '@qingyuan/auth';
import { streamIds, VERIFICATION_RESULTS, type AlarmTier, type MonitoringAlarmRaised, type VerificationResult } from '@qingyuan/contracts';
import { DomainError } from '@qingyuan/domain';
import type { PgEventStore, Tx } from '@qingyuan/event-store';
import { actorOf, eventMetadata } from '@qingyuan/service-kit';
import { scopeTowns } from '../queries/monitoring.queries';
import type { AlarmRuleSource } from '../settings/alarm-rule-source';

interface AlarmState {
  alarm_id: string;
  device_id: string;
  mn: string;
  enterprise_name: string;
  town_code: string | null;
  kind: string;
  tier: AlarmTier;
  status: 'open' | 'cleared';
  stage: 'alarm' | 'warned' | 'verifying' | 'verified' | 'supervised' | 'closed';
  summary: string;
  since: Date;
  acknowledged_at: Date | null;
  clue_raised: boolean;
  warning: unknown;
  version: number;
  key_polluter: boolean;
  medium: string;
  outlet_code: string;
  location: { lat: number; lng: number } | null;
}

const notFound = () => new DomainError('ALARM_NOT_FOUND', '没有该预警', 'No such alarm', 'not-found');
/** A town officer acts on the alarms of their towns only, as they see only those. */
const mustSee = (p: Principal, a: AlarmState) => {
  const towns = scopeTowns(p);
  if (towns && !(a.town_code && towns.includes(a.town_code))) throw notFound();
};
const conflict = (code: string, zh: string, en: string) => new DomainError(code, zh, en, 'conflict');
const invalid = (code: string, zh: string, en: string) => new DomainError(code, zh, en, 'invalid');

/**
 * What people do with an alarm (from alarm to action): acknowledge it, warn the enterprise remotely (远程预警), send
 * someone to verify on site (现场核查), order supervision (重点督办) of a confirmed case, or close a false alarm.
 * A confirmed violation becomes a clue even when its tier alone would not have made one.
 */
export class AlarmActions {
  constructor(
    private readonly store: PgEventStore,
    private readonly rules: AlarmRuleSource,
    private readonly clock: () => Date,
  ) {}

  acknowledge(p: Principal, alarmId: string, note?: string) {
    return this.run(p, alarmId, (a) => {
      mustSee(p, a);
      if (a.acknowledged_at) throw conflict('ALREADY_ACKNOWLEDGED', '该预警已签收', 'The alarm is already acknowledged');
      return [{ type: 'AlarmAcknowledged', data: { alarmId, note } }];
    });
  }

  remoteWarning(p: Principal, alarmId: string, message: string) {
    return this.run(p, alarmId, async (a) => {
      if (a.stage !== 'alarm') throw conflict('ALREADY_IN_HAND', '该预警已在处置中', 'The alarm is already being handled');
      if (!message?.trim()) throw invalid('MESSAGE_REQUIRED', '须填写预警内容', 'The warning text is required');
      const rules = (await this.rules.current()).rules;
      const replyDueAt = new Date(this.clock().getTime() + rules.warningReplyHours * 3_600_000).toISOString();
      return [{ type: 'RemoteWarningIssued', data: { alarmId, message: message.trim(), replyDueAt } }];
    });
  }

  explain(p: Principal, alarmId: string, explanation: string) {
    return this.run(p, alarmId, (a) => {
      mustSee(p, a);
      if (!a.warning) throw conflict('NOT_WARNED', '尚未远程预警，无需企业说明', 'No remote warning was issued');
      if (!explanation?.trim()) throw invalid('EXPLANATION_REQUIRED', '须填写企业说明', 'The explanation is required');
      return [{ type: 'EnterpriseExplained', data: { alarmId, explanation: explanation.trim() } }];
    });
  }

  assignVerification(p: Principal, alarmId: string, input: { townCode?: string; assigneeId?: string; assigneeName?: string }) {
    return this.run(p, alarmId, async (a) => {
      if (a.stage === 'verifying') throw conflict('VERIFICATION_OPEN', '已有未完成的现场核查任务', 'A site verification is already open');
      if (a.stage === 'supervised' || a.stage === 'closed') throw conflict('ALARM_CLOSED', '该预警已进入督办或已办结', 'The alarm is under supervision or closed');
      const rules = (await this.rules.current()).rules;
      // Key dischargers are verified on the red tier's clock (Jiangsu: 4 h for key dischargers, 48 h for others).
      const hours = a.key_polluter ? Math.min(rules.verificationHours[a.tier], rules.verificationHours.red) : rules.verificationHours[a.tier];
      const dueAt = new Date(this.clock().getTime() + hours * 3_600_000).toISOString();
      return [{ type: 'SiteVerificationAssigned', data: { alarmId, taskId: randomUUID(), townCode: input.townCode ?? a.town_code ?? undefined, assigneeId: input.assigneeId, assigneeName: input.assigneeName, dueAt } }];
    });
  }

  recordVerification(p: Principal, alarmId: string, input: { result: VerificationResult; findings: string; evidenceRefs?: string[] }) {
    return this.run(p, alarmId, async (a, tx) => {
      if (a.stage !== 'verifying') throw conflict('NO_VERIFICATION', '没有待完成的现场核查任务', 'No site verification is open');
      const { rows } = await tx.query<{ task_id: string; assignee_id: string | null; town_code: string | null }>(
        `SELECT task_id, assignee_id, town_code FROM monitoring.verification_tasks WHERE alarm_id = $1 AND status = 'assigned'`,
        [alarmId],
      );
      const task = rows[0];
      if (!task) throw conflict('NO_VERIFICATION', '没有待完成的现场核查任务', 'No site verification is open');
      const mayRecord = p.roles.includes('admin') || p.roles.includes('analyst') || task.assignee_id === p.userId || (task.town_code && p.towns.includes(task.town_code));
      if (!mayRecord) throw new DomainError('NOT_YOUR_TASK', '只有被指派人员或属地镇街可填报核查结果', 'Only the assignee or the town may record the result', 'forbidden');
      if (!(input.result in VERIFICATION_RESULTS)) throw invalid('BAD_RESULT', `核查结论须为 ${Object.keys(VERIFICATION_RESULTS).join('/')}`, `result must be one of ${Object.keys(VERIFICATION_RESULTS).join('/')}`);
      if (!input.findings?.trim()) throw invalid('FINDINGS_REQUIRED', '须填写核查情况', 'The findings are required');
      const evidenceRefs = (input.evidenceRefs ?? []).map((r) => r.trim()).filter(Boolean);
      if (input.result !== 'false-alarm' && evidenceRefs.length === 0) throw invalid('EVIDENCE_REQUIRED', '须登记证据编号（照片、执法记录仪、采样单）', 'Evidence references are required');
      const events: Array<{ type: string; data: unknown }> = [
        { type: 'SiteVerificationRecorded', data: { alarmId, taskId: task.task_id, result: input.result, findings: input.findings.trim(), evidenceRefs } },
      ];
      if (input.result === 'confirmed' && !a.clue_raised) events.push({ type: 'MonitoringAlarmRaised', data: confirmedClue(a, input.findings.trim()) });
      return events;
    });
  }

  orderSupervision(p: Principal, alarmId: string, input: { department: string; requirement: string; dueDays: number }) {
    return this.run(p, alarmId, async (a, tx) => {
      const { rows } = await tx.query<{ result: string }>(`SELECT result FROM monitoring.verification_tasks WHERE alarm_id = $1 AND status = 'recorded' ORDER BY recorded_at DESC LIMIT 1`, [alarmId]);
      if (a.stage !== 'verified' || rows[0]?.result !== 'confirmed') {
        throw conflict('NOT_CONFIRMED', '现场核查属实后方可重点督办', 'Supervision follows a site verification that confirmed the alarm');
      }
      if (!input.department?.trim() || !input.requirement?.trim()) throw invalid('SUPERVISION_INCOMPLETE', '须填写督办部门和督办要求', 'Department and requirement are required');
      if (!Number.isInteger(input.dueDays) || input.dueDays < 1 || input.dueDays > 365) throw invalid('BAD_DUE_DAYS', '期限须为 1–365 天', 'dueDays must be 1–365');
      const dueAt = new Date(this.clock().getTime() + input.dueDays * 86_400_000).toISOString();
      return [{ type: 'SupervisionOrdered', data: { alarmId, department: input.department.trim(), requirement: input.requirement.trim(), dueAt } }];
    });
  }

  closeSupervision(p: Principal, alarmId: string, outcome: string) {
    return this.run(p, alarmId, (a) => {
      if (a.stage !== 'supervised') throw conflict('NOT_SUPERVISED', '该预警未在督办中', 'The alarm is not under supervision');
      if (!outcome?.trim()) throw invalid('OUTCOME_REQUIRED', '须填写督办结果', 'The outcome is required');
      return [{ type: 'SupervisionClosed', data: { alarmId, outcome: outcome.trim() } }];
    });
  }

  /** Staff close an open alarm (e.g. a confirmed false alarm); the rules may open a new one if the condition returns. */
  close(p: Principal, alarmId: string, note: string) {
    return this.run(p, alarmId, (a) => {
      if (a.status !== 'open') throw conflict('ALARM_NOT_OPEN', '该预警已解除', 'The alarm is no longer open');
      if (!note?.trim()) throw invalid('NOTE_REQUIRED', '须说明解除原因', 'Say why the alarm is closed');
      return [{ type: 'AlarmCleared', data: { alarmId, reason: 'closed-by-staff', note: note.trim() } }];
    });
  }

  private async run(p: Principal, alarmId: string, decide: (a: AlarmState, tx: Tx) => Array<{ type: string; data: unknown }> | Promise<Array<{ type: string; data: unknown }>>): Promise<{ alarmId: string; version: number }> {
    return this.store.db.transaction(async (tx) => {
      const { rows } = await tx.query<AlarmState>(
        `SELECT a.*, coalesce((d.data->>'keyPolluter')::boolean, false) AS key_polluter, d.data->>'medium' AS medium, d.data->>'outletCode' AS outlet_code,
                d.data->'location' AS location
           FROM monitoring.alarms a JOIN monitoring.devices d ON d.device_id = a.device_id WHERE a.alarm_id::text = $1 FOR UPDATE OF a`,
        [alarmId],
      );
      const alarm = rows[0];
      if (!alarm) throw notFound();
      const events = await decide(alarm, tx);
      const result = await this.store.appendIn(tx, streamIds.alarm(alarm.alarm_id), alarm.version, events, eventMetadata(actorOf(p)));
      return { alarmId: alarm.alarm_id, version: result.nextVersion };
    });
  }
}

function confirmedClue(a: AlarmState, findings: string): MonitoringAlarmRaised {
  return {
    alarmId: a.alarm_id,
    deviceMn: a.mn,
    enterpriseName: a.enterprise_name,
    category: a.medium === 'gas' ? 'air' : 'water',
    summary: `${a.summary}；现场核查属实：${findings}（排放口 ${a.outlet_code}）`,
    level: a.tier === 'red' ? 'serious' : 'warning',
    at: a.since.toISOString(),
    location: { ...(a.location ?? {}), townCode: a.town_code ?? undefined },
  };
}
