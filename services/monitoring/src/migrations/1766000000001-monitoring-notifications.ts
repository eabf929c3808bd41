import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Who is told about alarms, and the outbox of what was sent to whom (written in the append transaction). */
export class MonitoringNotifications1766000000001 implements MigrationInterface {
  name = 'MonitoringNotifications1766000000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE monitoring.notification_recipients (
      recipient_id uuid PRIMARY KEY,
      audience text NOT NULL CHECK (audience IN ('bureau', 'department', 'enterprise')),
      industry text,
      enterprise_id uuid,
      name text NOT NULL,
      channel text NOT NULL CHECK (channel IN ('dingtalk', 'wecom', 'sms', 'email')),
      address text NOT NULL,
      secret text,
      min_tier text NOT NULL CHECK (min_tier IN ('blue', 'yellow', 'orange', 'red')),
      active boolean NOT NULL DEFAULT true,
      created_by text NOT NULL,
      created_at timestamptz NOT NULL,
      updated_by text NOT NULL,
      updated_at timestamptz NOT NULL,
      -- an enterprise contact belongs to exactly one enterprise; only departments are scoped by industry
      CHECK ((audience = 'enterprise') = (enterprise_id IS NOT NULL)),
      CHECK (audience = 'department' OR industry IS NULL),
      CHECK (channel = 'dingtalk' OR secret IS NULL)
    )`);
    await q.query('CREATE INDEX notification_recipients_enterprise ON monitoring.notification_recipients (enterprise_id) WHERE enterprise_id IS NOT NULL');
    // channel and address are copied: the record says where it went even after the recipient is edited or removed
    await q.query(`CREATE TABLE monitoring.deliveries (
      delivery_id uuid PRIMARY KEY,
      alarm_id uuid NOT NULL,
      event_id uuid NOT NULL,
      event_type text NOT NULL,
      recipient_id uuid NOT NULL,
      channel text NOT NULL,
      address text NOT NULL,
      payload jsonb NOT NULL,
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
      attempts int NOT NULL DEFAULT 0,
      next_attempt_at timestamptz,
      last_error text,
      sent_at timestamptz,
      created_at timestamptz NOT NULL,
      UNIQUE (event_id, recipient_id)
    )`);
    await q.query(`CREATE INDEX deliveries_due ON monitoring.deliveries (next_attempt_at) WHERE status = 'pending'`);
    await q.query('CREATE INDEX deliveries_alarm ON monitoring.deliveries (alarm_id, created_at)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE monitoring.deliveries');
    await q.query('DROP TABLE monitoring.notification_recipients');
  }
}
