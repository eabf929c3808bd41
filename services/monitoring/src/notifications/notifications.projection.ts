import { uuidv7, type AlarmKind, type AlarmTier, type MonitoringEvent } from '@qingyuan/contracts';
import type { Projection, StoredEvent, Tx } from '@qingyuan/event-store';
import { publicUrlFromEnv } from './config';
import { composeMessage, type AlarmFacts, type Notice } from './message';
import { ROUTES, routeRecipients, type Recipient } from './routing';

export interface NotificationsProjectionOptions {
  /** for console links; read lazily from PUBLIC_URL when not given */
  publicUrl?: () => string | undefined;
  /**
   * Events older than this add no delivery. Inline, an event is milliseconds old; only a rebuild replays old ones,
   * and a rebuild must not page anyone about last month's alarms.
   */
  maxEventAgeMs?: number;
  clock?: () => number;
}

interface AlarmRow {
  alarm_id: string;
  device_id: string;
  mn: string;
  enterprise_id: string | null;
  enterprise_name: string;
  kind: AlarmKind;
  tier: AlarmTier;
  summary: string;
  since: Date | string;
}

interface RecipientRow {
  recipient_id: string;
  audience: Recipient['audience'];
  industry: string | null;
  enterprise_id: string | null;
  channel: Recipient['channel'];
  address: string;
  min_tier: AlarmTier;
  active: boolean;
}

/** The notice an event gives, with the alarm id it is about; undefined for events that notify no one. */
function noticeOf(event: MonitoringEvent): { alarmId: string; notice: Notice } | undefined {
  switch (event.type) {
    case 'AlarmOpened':
      return { alarmId: event.data.alarmId, notice: { type: 'AlarmOpened' } };
    case 'AlarmEscalated':
      return { alarmId: event.data.alarmId, notice: { type: 'AlarmEscalated', from: event.data.from, reason: event.data.reason } };
    case 'RemoteWarningIssued':
      return { alarmId: event.data.alarmId, notice: { type: 'RemoteWarningIssued', message: event.data.message, replyDueAt: event.data.replyDueAt } };
    case 'SiteVerificationAssigned':
      return { alarmId: event.data.alarmId, notice: { type: 'SiteVerificationAssigned', dueAt: event.data.dueAt } };
    case 'SupervisionOrdered': {
      const d = event.data;
      return { alarmId: d.alarmId, notice: { type: 'SupervisionOrdered', department: d.department, requirement: d.requirement, dueAt: d.dueAt } };
    }
    default:
      return undefined;
  }
}

/** The alarm as of this event: from the event itself when it opens the alarm, else from the alarms row. */
async function alarmOf(tx: Tx, event: MonitoringEvent, alarmId: string): Promise<Omit<AlarmRow, 'since'> & { since: string } | undefined> {
  if (event.type === 'AlarmOpened') {
    const d = event.data;
    return { alarm_id: d.alarmId, device_id: d.deviceId, mn: d.mn, enterprise_id: d.enterpriseId ?? null, enterprise_name: d.enterpriseName, kind: d.kind, tier: d.tier, summary: d.summary, since: d.since };
  }
  const { rows } = await tx.query<AlarmRow>(
    'SELECT alarm_id, device_id, mn, enterprise_id, enterprise_name, kind, tier, summary, since FROM monitoring.alarms WHERE alarm_id = $1',
    [alarmId],
  );
  const row = rows[0];
  if (!row) return undefined;
  const since = new Date(row.since).toISOString();
  // the escalation event carries the new tier and summary; do not depend on the order of projections for them
  return event.type === 'AlarmEscalated' ? { ...row, since, tier: event.data.to, summary: event.data.summary } : { ...row, since };
}

/**
 * One pending delivery per matching active recipient, written in the append transaction: the alarm and its
 * notifications commit together, and the delivery worker sends them later (a durable outbox). UNIQUE (event_id,
 * recipient_id) makes a replayed event add nothing. The recipients are configuration, not events, so the table of
 * deliveries is not a disposable read model: a rebuild leaves it alone (`tables` is empty).
 */
export function createNotificationsProjection(options: NotificationsProjectionOptions = {}): Projection {
  const publicUrl = options.publicUrl ?? (() => publicUrlFromEnv());
  const maxAge = options.maxEventAgeMs ?? 60 * 60_000;
  const clock = options.clock ?? Date.now;
  return {
    name: 'monitoring-notifications',
    tables: [],

    async apply(tx: Tx, stored: StoredEvent): Promise<void> {
      if (!ROUTES[stored.type]) return;
      if (clock() - Date.parse(stored.recordedAt) > maxAge) return;
      const event = { type: stored.type, data: stored.data } as MonitoringEvent;
      const about = noticeOf(event);
      if (!about) return;
      const alarm = await alarmOf(tx, event, about.alarmId);
      // no alarm row: nothing to say and no one to say it to; the append itself must not fail for a notification
      if (!alarm) return;
      const route = ROUTES[stored.type]!;
      // The alarm's context and the candidate recipients in one round trip (a row of nulls when there are none).
      const { rows } = await tx.query<RecipientRow & { ctx_enterprise_id: string | null; ctx_industry: string | null; outlet_code: string | null; outlet_name: string | null }>(
        `WITH ctx AS (
           SELECT coalesce($2::uuid, d.enterprise_id) AS ctx_enterprise_id, coalesce(e.industry, d.data->>'industry') AS ctx_industry,
                  d.data->>'outletCode' AS outlet_code, d.data->>'outletName' AS outlet_name
             FROM (SELECT $1::uuid AS device_id) k
             LEFT JOIN monitoring.devices d ON d.device_id = k.device_id
             LEFT JOIN monitoring.enterprises e ON e.enterprise_id = coalesce($2::uuid, d.enterprise_id))
         SELECT ctx.*, r.recipient_id, r.audience, r.industry, r.enterprise_id, r.channel, r.address, r.min_tier, r.active
           FROM ctx LEFT JOIN monitoring.notification_recipients r
             ON r.active AND r.audience = ANY($3::text[]) AND (r.audience <> 'enterprise' OR r.enterprise_id = ctx.ctx_enterprise_id)`,
        [alarm.device_id, alarm.enterprise_id, route.audiences],
      );
      const { ctx_enterprise_id: enterpriseId, ctx_industry: industry, outlet_code, outlet_name } = rows[0];
      const recipients = routeRecipients(
        rows.filter((r) => r.recipient_id !== null).map((r) => ({ recipientId: r.recipient_id, audience: r.audience, industry: r.industry, enterpriseId: r.enterprise_id, channel: r.channel, address: r.address, minTier: r.min_tier, active: r.active })),
        route,
        { tier: alarm.tier, industry, enterpriseId },
      );
      if (recipients.length === 0) return;
      const facts: AlarmFacts = {
        alarmId: alarm.alarm_id, enterpriseName: alarm.enterprise_name, mn: alarm.mn, outletCode: outlet_code, outletName: outlet_name,
        tier: alarm.tier, kind: alarm.kind, summary: alarm.summary, since: alarm.since,
      };
      const values: unknown[] = [];
      const tuples = recipients.map((r, i) => {
        const payload = composeMessage(about.notice, facts, { channel: r.channel, at: stored.recordedAt, publicUrl: publicUrl(), withLink: r.audience !== 'enterprise' });
        values.push(uuidv7(), r.recipientId, r.channel, r.address, JSON.stringify(payload));
        const p = i * 5;
        return `($${p + 1}::uuid, $${p + 2}::uuid, $${p + 3}, $${p + 4}, $${p + 5}::jsonb)`;
      });
      const n = values.length;
      values.push(alarm.alarm_id, stored.eventId, stored.type, stored.recordedAt);
      await tx.query(
        `INSERT INTO monitoring.deliveries (delivery_id, recipient_id, channel, address, payload, alarm_id, event_id, event_type, status, attempts, next_attempt_at, created_at)
         SELECT v.delivery_id, v.recipient_id, v.channel, v.address, v.payload, $${n + 1}, $${n + 2}, $${n + 3}, 'pending', 0, $${n + 4}, $${n + 4}
           FROM (VALUES ${tuples.join(', ')}) AS v (delivery_id, recipient_id, channel, address, payload)
         ON CONFLICT (event_id, recipient_id) DO NOTHING`,
        values,
      );
    },
  };
}

/** The projection with PUBLIC_URL from the environment; register it after the projection that writes monitoring.alarms. */
export const notificationsProjection: Projection = createNotificationsProjection();
