import { eventStoreDdl } from '@qingyuan/event-store';
import { ruleVersionsDdl } from '@qingyuan/service-kit';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { DEFAULT_ALARM_RULES } from '../domain/alarm-rules';
import { DATA_TABLES } from '../storage/data-tables';

export class MonitoringInitial1766000000000 implements MigrationInterface {
  name = 'MonitoringInitial1766000000000';

  async up(q: QueryRunner): Promise<void> {
    for (const statement of eventStoreDdl('monitoring')) await q.query(statement);
    for (const [statement, params] of ruleVersionsDdl('monitoring', [
      { kind: 'alarm-rules', rules: DEFAULT_ALARM_RULES, note: 'regulations §5.7–5.8 defaults [U]: confirm tiers and thresholds with the bureau' },
    ])) {
      await q.query(statement, params);
    }
    // Enterprises as enforcement's registry announces them (EnterpriseRegistered), for devices and notification routing.
    await q.query(`CREATE TABLE monitoring.enterprises (
      enterprise_id uuid PRIMARY KEY,
      name text NOT NULL,
      uscc text NOT NULL UNIQUE,
      town_code text,
      industry text NOT NULL,
      key_polluter boolean NOT NULL,
      location jsonb,
      outlets jsonb NOT NULL,
      updated_at timestamptz NOT NULL
    )`);
    // The device registry (read model of DeviceRegistered) plus what ingest keeps up to date without events.
    await q.query(`CREATE TABLE monitoring.devices (
      device_id uuid PRIMARY KEY,
      mn text NOT NULL UNIQUE,
      data jsonb NOT NULL,
      enterprise_id uuid,
      enterprise_name text NOT NULL,
      town_code text,
      active boolean NOT NULL,
      registered_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      version int NOT NULL,
      last_seen_at timestamptz,
      last_data_time timestamptz,
      frames bigint NOT NULL DEFAULT 0,
      duplicates bigint NOT NULL DEFAULT 0,
      rejected bigint NOT NULL DEFAULT 0
    )`);
    await q.query('CREATE INDEX devices_enterprise ON monitoring.devices (enterprise_id)');
    // The PW's hash stays out of the events (and so out of Kafka): a 6-character PW's SHA-256 is easily reversed.
    await q.query(`CREATE TABLE monitoring.device_credentials (
      mn text PRIMARY KEY,
      pw_hash text NOT NULL,
      updated_by text NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE TABLE monitoring.alarms (
      alarm_id uuid PRIMARY KEY,
      device_id uuid NOT NULL,
      mn text NOT NULL,
      enterprise_id uuid,
      enterprise_name text NOT NULL,
      town_code text,
      factor text,
      kind text NOT NULL,
      tier text NOT NULL,
      status text NOT NULL,
      stage text NOT NULL,
      summary text NOT NULL,
      evidence jsonb NOT NULL,
      since timestamptz NOT NULL,
      opened_at timestamptz NOT NULL,
      acknowledged_at timestamptz,
      last_escalated_at timestamptz,
      cleared_at timestamptz,
      clue_raised boolean NOT NULL DEFAULT false,
      warning jsonb,
      supervision jsonb,
      rules_version int NOT NULL,
      version int NOT NULL
    )`);
    // One open alarm per (device, factor, kind): a second opener (another worker, the sweep) fails and backs off.
    await q.query(`CREATE UNIQUE INDEX alarms_one_open ON monitoring.alarms (device_id, coalesce(factor, ''), kind) WHERE status = 'open'`);
    await q.query('CREATE INDEX alarms_by_status ON monitoring.alarms (status, opened_at DESC)');
    await q.query('CREATE INDEX alarms_by_device ON monitoring.alarms (device_id, opened_at DESC)');
    await q.query(`CREATE TABLE monitoring.verification_tasks (
      task_id uuid PRIMARY KEY,
      alarm_id uuid NOT NULL,
      town_code text,
      assignee_id text,
      assignee_name text,
      due_at timestamptz NOT NULL,
      status text NOT NULL,
      result text,
      findings text,
      evidence_refs jsonb,
      assigned_at timestamptz NOT NULL,
      recorded_at timestamptz
    )`);
    await q.query('CREATE INDEX verification_tasks_alarm ON monitoring.verification_tasks (alarm_id)');
    // Frames that were acknowledged (durably accepted) but could not be used: kept with the reason for operators.
    await q.query(`CREATE TABLE monitoring.rejected_frames (
      id bigserial PRIMARY KEY,
      received_at timestamptz NOT NULL,
      mn text,
      reason text NOT NULL,
      frame text NOT NULL
    )`);
    await q.query('CREATE INDEX rejected_frames_mn ON monitoring.rejected_frames (mn, received_at DESC)');
    for (const table of DATA_TABLES) {
      // MN + CN + DataTime (+ PNO of a split part) is the upload's identity: a resent or back-filled upload is stored once.
      await q.query(`CREATE TABLE monitoring.${table.name} (
        mn text NOT NULL,
        cn smallint NOT NULL,
        data_time timestamptz NOT NULL,
        part smallint NOT NULL,
        received_at timestamptz NOT NULL,
        values jsonb NOT NULL,
        PRIMARY KEY (mn, cn, data_time, part)
      ) PARTITION BY RANGE (data_time)`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP SCHEMA monitoring CASCADE');
  }
}
