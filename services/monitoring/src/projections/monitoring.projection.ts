import type { MonitoringEvent } from '@qingyuan/contracts';
import type { Projection, StoredEvent, Tx } from '@qingyuan/event-store';

/** Devices, alarms with their stage, and site-verification tasks, kept with each append. */
export const monitoringProjection: Projection = {
  name: 'monitoring',
  tables: ['monitoring.devices', 'monitoring.alarms', 'monitoring.verification_tasks'],

  async apply(tx: Tx, stored: StoredEvent): Promise<void> {
    const event = { type: stored.type, data: stored.data } as MonitoringEvent;
    const at = stored.recordedAt;
    switch (event.type) {
      case 'DeviceRegistered': {
        const d = event.data;
        await tx.query(
          `INSERT INTO monitoring.devices (device_id, mn, data, enterprise_id, enterprise_name, town_code, active, registered_at, updated_at, version)
           VALUES ($1, $2, $3::jsonb, $4, $5, $6, $7, $8, $8, $9)
           ON CONFLICT (device_id) DO UPDATE SET mn = $2, data = $3::jsonb, enterprise_id = $4, enterprise_name = $5, town_code = $6,
             active = $7, updated_at = $8, version = $9`,
          [d.deviceId, d.mn, JSON.stringify(d), d.enterpriseId ?? null, d.enterpriseName, d.townCode ?? null, d.active, at, stored.streamVersion],
        );
        return;
      }
      case 'AlarmOpened': {
        const d = event.data;
        await tx.query(
          `INSERT INTO monitoring.alarms (alarm_id, device_id, mn, enterprise_id, enterprise_name, town_code, factor, kind, tier, status, stage, summary, evidence,
             since, opened_at, rules_version, version)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'open', 'alarm', $10, $11::jsonb, $12, $13, $14, $15)`,
          [d.alarmId, d.deviceId, d.mn, d.enterpriseId ?? null, d.enterpriseName, d.townCode ?? null, d.factor ?? null, d.kind, d.tier, d.summary,
            JSON.stringify(d.evidence), d.since, at, d.rulesVersion, stored.streamVersion],
        );
        return;
      }
      case 'AlarmEscalated':
        await tx.query(
          `UPDATE monitoring.alarms SET tier = $2, summary = $3, evidence = coalesce($4::jsonb, evidence), last_escalated_at = $5, version = $6 WHERE alarm_id = $1`,
          [event.data.alarmId, event.data.to, event.data.reason === 'worse' ? event.data.summary : await summaryOf(tx, event.data.alarmId),
            event.data.evidence ? JSON.stringify(event.data.evidence) : null, at, stored.streamVersion],
        );
        return;
      case 'AlarmAcknowledged':
        await touch(tx, event.data.alarmId, stored, 'acknowledged_at = $3', [at]);
        return;
      case 'AlarmCleared':
        await touch(tx, event.data.alarmId, stored, `status = 'cleared', cleared_at = $3, stage = CASE WHEN stage = 'alarm' THEN 'closed' ELSE stage END`, [at]);
        return;
      case 'RemoteWarningIssued':
        await touch(tx, event.data.alarmId, stored, `stage = 'warned', warning = $3::jsonb`, [JSON.stringify({ ...event.data, issuedAt: at })]);
        return;
      case 'EnterpriseExplained':
        await touch(tx, event.data.alarmId, stored, `warning = warning || $3::jsonb`, [JSON.stringify({ explanation: event.data.explanation, explainedAt: at })]);
        return;
      case 'SiteVerificationAssigned': {
        const d = event.data;
        await tx.query(
          `INSERT INTO monitoring.verification_tasks (task_id, alarm_id, town_code, assignee_id, assignee_name, due_at, status, assigned_at)
           VALUES ($1, $2, $3, $4, $5, $6, 'assigned', $7) ON CONFLICT DO NOTHING`,
          [d.taskId, d.alarmId, d.townCode ?? null, d.assigneeId ?? null, d.assigneeName ?? null, d.dueAt, at],
        );
        await touch(tx, d.alarmId, stored, `stage = 'verifying'`, []);
        return;
      }
      case 'SiteVerificationRecorded': {
        const d = event.data;
        await tx.query(
          `UPDATE monitoring.verification_tasks SET status = 'recorded', result = $2, findings = $3, evidence_refs = $4::jsonb, recorded_at = $5 WHERE task_id = $1`,
          [d.taskId, d.result, d.findings, JSON.stringify(d.evidenceRefs), at],
        );
        await touch(tx, d.alarmId, stored, `stage = 'verified'`, []);
        return;
      }
      case 'SupervisionOrdered':
        await touch(tx, event.data.alarmId, stored, `stage = 'supervised', supervision = $3::jsonb`, [JSON.stringify({ ...event.data, orderedAt: at })]);
        return;
      case 'SupervisionClosed':
        await touch(tx, event.data.alarmId, stored, `stage = 'closed', supervision = supervision || $3::jsonb`, [JSON.stringify({ outcome: event.data.outcome, closedAt: at })]);
        return;
      case 'MonitoringAlarmRaised':
        await touch(tx, event.data.alarmId, stored, 'clue_raised = true', []);
        return;
    }
  },
};

async function touch(tx: Tx, alarmId: string, stored: StoredEvent, set: string, params: unknown[]): Promise<void> {
  await tx.query(`UPDATE monitoring.alarms SET ${set}, version = $2 WHERE alarm_id = $1`, [alarmId, stored.streamVersion, ...params]);
}

async function summaryOf(tx: Tx, alarmId: string): Promise<string> {
  const { rows } = await tx.query<{ summary: string }>('SELECT summary FROM monitoring.alarms WHERE alarm_id = $1', [alarmId]);
  return rows[0]?.summary ?? '';
}
