import { randomUUID } from 'node:crypto';
import { TIER_ORDER, type AlarmTier } from '@qingyuan/contracts';
import type { Sql } from '@qingyuan/event-store';
import type { OutgoingMessage } from './message';
import { AUDIENCES, CHANNELS, type Audience, type ChannelKind } from './routing';

export interface RecipientInput {
  audience: Audience;
  name: string;
  channel: ChannelKind;
  address: string;
  /** DingTalk 加签 secret; on update, undefined keeps the current one and null (or '') removes it */
  secret?: string | null;
  industry?: string | null;
  enterpriseId?: string | null;
  minTier: AlarmTier;
  active: boolean;
}

/** A recipient as the console sees it: the secret is never shown, only whether there is one. */
export interface RecipientView {
  recipientId: string;
  audience: Audience;
  name: string;
  channel: ChannelKind;
  address: string;
  hasSecret: boolean;
  industry: string | null;
  enterpriseId: string | null;
  minTier: AlarmTier;
  active: boolean;
  createdBy: string;
  createdAt: string;
  updatedBy: string;
  updatedAt: string;
}

export interface DeliveryView {
  deliveryId: string;
  eventType: string;
  recipientId: string;
  /** null once the recipient was removed */
  recipientName: string | null;
  audience: Audience | null;
  channel: ChannelKind;
  /** masked: a robot's token, a full mobile number or mailbox are not for every reader */
  address: string;
  payload: OutgoingMessage;
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
  sentAt: string | null;
  createdAt: string;
}

export interface FieldProblem {
  field: string;
  zh: string;
  en: string;
}

const MOBILE = /^(\+?86)?1[3-9]\d{9}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function normaliseAddress(channel: ChannelKind, address: string): string {
  const trimmed = address.trim();
  return channel === 'sms' ? trimmed.replace(/[\s-]/g, '') : trimmed;
}

/** Every problem of a recipient the DTO cannot see (fields that depend on each other). */
export function recipientProblems(input: RecipientInput): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const address = normaliseAddress(input.channel, input.address);
  if (input.channel === 'dingtalk' || input.channel === 'wecom') {
    let ok = false;
    try {
      ok = ['https:', 'http:'].includes(new URL(address).protocol);
    } catch {
      ok = false;
    }
    if (!ok) problems.push({ field: 'address', zh: 'address：机器人须填写 Webhook 地址（https://…）', en: 'address must be the robot webhook URL (https://…)' });
  } else if (input.channel === 'sms' && !MOBILE.test(address)) {
    problems.push({ field: 'address', zh: 'address：须为 11 位手机号码', en: 'address must be an 11-digit mainland mobile number' });
  } else if (input.channel === 'email' && !EMAIL.test(address)) {
    problems.push({ field: 'address', zh: 'address：须为电子邮件地址', en: 'address must be an e-mail address' });
  }
  if (input.secret && input.channel !== 'dingtalk') problems.push({ field: 'secret', zh: 'secret：仅钉钉机器人（加签）使用', en: 'secret is only for DingTalk robots (signing)' });
  if (input.audience === 'enterprise' && !input.enterpriseId) problems.push({ field: 'enterpriseId', zh: 'enterpriseId：企业联系人须指明企业', en: 'enterpriseId is required for an enterprise contact' });
  if (input.audience !== 'enterprise' && input.enterpriseId) problems.push({ field: 'enterpriseId', zh: 'enterpriseId：仅企业联系人填写', en: 'enterpriseId is only for enterprise contacts' });
  if (input.audience !== 'department' && input.industry) problems.push({ field: 'industry', zh: 'industry：仅行业主管部门填写', en: 'industry is only for department recipients' });
  return problems;
}

/** Enough of an address to tell which one it was, without the robot's token or the whole number or mailbox. */
export function maskAddress(channel: ChannelKind, address: string): string {
  if (channel === 'sms') return address.length > 7 ? `${address.slice(0, address.length - 8)}****${address.slice(-4)}` : '****';
  if (channel === 'email') {
    const [local, domain] = address.split('@');
    return `${local.slice(0, 1)}***@${domain ?? ''}`;
  }
  try {
    const url = new URL(address);
    return `${url.origin}${url.pathname}${url.search ? '?…' : ''}`;
  } catch {
    return '…';
  }
}

interface RecipientRow {
  recipient_id: string;
  audience: Audience;
  name: string;
  channel: ChannelKind;
  address: string;
  has_secret: boolean;
  industry: string | null;
  enterprise_id: string | null;
  min_tier: AlarmTier;
  active: boolean;
  created_by: string;
  created_at: Date;
  updated_by: string;
  updated_at: Date;
}

const RECIPIENT_COLUMNS = `recipient_id, audience, name, channel, address, secret IS NOT NULL AS has_secret, industry, enterprise_id, min_tier, active,
  created_by, created_at, updated_by, updated_at`;

const toRecipient = (r: RecipientRow): RecipientView => ({
  recipientId: r.recipient_id, audience: r.audience, name: r.name, channel: r.channel, address: r.address, hasSecret: r.has_secret,
  industry: r.industry, enterpriseId: r.enterprise_id, minTier: r.min_tier, active: r.active,
  createdBy: r.created_by, createdAt: new Date(r.created_at).toISOString(), updatedBy: r.updated_by, updatedAt: new Date(r.updated_at).toISOString(),
});

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());
const blank = (value: string | null | undefined) => (value?.trim() ? value.trim() : null);

/** The recipients and the record of deliveries, as the HTTP API reads and edits them. */
export class Notifications {
  constructor(
    private readonly sql: Sql,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async recipients(filter: { audience?: Audience; enterpriseId?: string } = {}): Promise<RecipientView[]> {
    const { rows } = await this.sql.query<RecipientRow>(
      `SELECT ${RECIPIENT_COLUMNS} FROM monitoring.notification_recipients
        WHERE ($1::text IS NULL OR audience = $1) AND ($2::uuid IS NULL OR enterprise_id = $2)
        ORDER BY array_position($3::text[], audience), name, recipient_id`,
      [filter.audience ?? null, filter.enterpriseId ?? null, Object.keys(AUDIENCES)],
    );
    return rows.map(toRecipient);
  }

  async recipient(recipientId: string): Promise<RecipientView | undefined> {
    const { rows } = await this.sql.query<RecipientRow>(`SELECT ${RECIPIENT_COLUMNS} FROM monitoring.notification_recipients WHERE recipient_id = $1`, [recipientId]);
    return rows[0] && toRecipient(rows[0]);
  }

  async addRecipient(input: RecipientInput, actorId: string): Promise<RecipientView> {
    const recipientId = randomUUID();
    const now = this.clock();
    await this.sql.query(
      `INSERT INTO monitoring.notification_recipients (recipient_id, audience, industry, enterprise_id, name, channel, address, secret, min_tier, active,
         created_by, created_at, updated_by, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $11, $12)`,
      [recipientId, input.audience, blank(input.industry), input.enterpriseId ?? null, input.name.trim(), input.channel,
        normaliseAddress(input.channel, input.address), input.channel === 'dingtalk' ? blank(input.secret) : null, input.minTier, input.active, actorId, now],
    );
    return (await this.recipient(recipientId))!;
  }

  /** Replace a recipient's settings; the secret stays unless given. Undefined when there is no such recipient. */
  async updateRecipient(recipientId: string, input: RecipientInput, actorId: string): Promise<RecipientView | undefined> {
    const { rowCount } = await this.sql.query(
      `UPDATE monitoring.notification_recipients SET audience = $2, industry = $3, enterprise_id = $4, name = $5, channel = $6, address = $7,
         secret = CASE WHEN $6 <> 'dingtalk' THEN NULL WHEN $8 THEN secret ELSE $9 END, min_tier = $10, active = $11, updated_by = $12, updated_at = $13
        WHERE recipient_id = $1`,
      [recipientId, input.audience, blank(input.industry), input.enterpriseId ?? null, input.name.trim(), input.channel, normaliseAddress(input.channel, input.address),
        input.secret === undefined, blank(input.secret), input.minTier, input.active, actorId, this.clock()],
    );
    return rowCount ? this.recipient(recipientId) : undefined;
  }

  /** Remove a recipient; deliveries keep their record, and pending ones to it are not sent. */
  async removeRecipient(recipientId: string): Promise<boolean> {
    const { rowCount } = await this.sql.query('DELETE FROM monitoring.notification_recipients WHERE recipient_id = $1', [recipientId]);
    return rowCount > 0;
  }

  /** What was sent about an alarm, to whom, and how it went; undefined when the alarm is unknown or outside the towns. */
  async deliveries(alarmId: string, towns: string[] = []): Promise<DeliveryView[] | undefined> {
    const alarm = await this.sql.query<{ town_code: string | null }>('SELECT town_code FROM monitoring.alarms WHERE alarm_id = $1', [alarmId]);
    if (!alarm.rows[0]) return undefined;
    // a town officer sees the alarms of their towns only (empty = the whole city)
    if (towns.length > 0 && !towns.includes(alarm.rows[0].town_code ?? '')) return undefined;
    const { rows } = await this.sql.query<{
      delivery_id: string; event_type: string; recipient_id: string; name: string | null; audience: Audience | null; channel: ChannelKind; address: string;
      payload: OutgoingMessage; status: DeliveryView['status']; attempts: number; next_attempt_at: Date | null; last_error: string | null; sent_at: Date | null; created_at: Date;
    }>(
      `SELECT d.delivery_id, d.event_type, d.recipient_id, r.name, r.audience, d.channel, d.address, d.payload, d.status, d.attempts, d.next_attempt_at,
              d.last_error, d.sent_at, d.created_at
         FROM monitoring.deliveries d LEFT JOIN monitoring.notification_recipients r ON r.recipient_id = d.recipient_id
        WHERE d.alarm_id = $1 ORDER BY d.created_at, d.delivery_id`,
      [alarmId],
    );
    return rows.map((d) => ({
      deliveryId: d.delivery_id, eventType: d.event_type, recipientId: d.recipient_id, recipientName: d.name, audience: d.audience, channel: d.channel,
      address: maskAddress(d.channel, d.address), payload: d.payload, status: d.status, attempts: d.attempts,
      nextAttemptAt: d.status === 'pending' ? iso(d.next_attempt_at) : null, lastError: d.last_error, sentAt: iso(d.sent_at), createdAt: iso(d.created_at)!,
    }));
  }
}

export const CHANNEL_KINDS = Object.keys(CHANNELS) as ChannelKind[];
export const AUDIENCE_KINDS = Object.keys(AUDIENCES) as Audience[];
export const TIERS = TIER_ORDER;
