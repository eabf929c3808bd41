import { hostname } from 'node:os';
import type { EventBus } from '@qingyuan/messaging';
import type { Hj212Mode } from '@qingyuan/hj212';
import { MACHINE_TOPICS } from '@qingyuan/contracts';
import { periodically, startEventSourcedService, type RunningService } from '@qingyuan/service-kit';
import { JsonLogger } from '@qingyuan/telemetry';
import type { Consumer } from 'kafkajs';
import { AlarmActions } from './alarms/alarm-actions';
import { AlarmBook } from './alarms/alarm-book';
import { AlarmSweeps } from './alarms/sweeps';
import { enterprisesConsumer } from './consumers/enterprises.consumer';
import { GatewayThread } from './gateway/gateway-thread';
import { Hj212Gateway, type GatewayOptions } from './gateway/hj212-gateway';
import { DeviceActivity } from './ingest/device-activity';
import { Ingest } from './ingest/ingest';
import { MONITORING_MIGRATIONS } from './migrations';
import { channelsFrom, deliveryWorker, Notifications, notificationConfigFromEnv, notificationsProjection, type NotificationConfig } from './notifications';
import { MonitoringModule } from './monitoring.module';
import { monitoringProjection } from './projections/monitoring.projection';
import { MonitoringQueries } from './queries/monitoring.queries';
import { DeviceDirectory } from './registry/device-directory';
import { Devices } from './registry/devices';
import { AlarmRuleSource, monitoringRules } from './settings/alarm-rule-source';
import { DataStore } from './storage/data-store';
import { consumeFrames, kafkaFor, KafkaFrameSink, type KafkaFramesOptions } from './transport/kafka-frames';

export interface MonitoringConfig {
  databaseUrl: string;
  bus: EventBus;
  authSecret: string;
  port: number;
  host?: string;
  clock?: () => Date;
  /** run an HJ 212 gateway in this process (the embedded run, or a process that is both) */
  hj212?: Omit<GatewayOptions, 'id' | 'clock' | 'mode'> & {
    mode?: Hj212Mode;
    /** run the gateway in a worker thread of this process (the platform does); it then keeps real time, not `clock` */
    thread?: boolean;
  };
  /** distributed: gateways write frames to Kafka and this process's workers consume them */
  kafkaFrames?: KafkaFramesOptions;
  /** how often the offline and escalation sweeps run */
  sweepIntervalMs?: number;
  /** notification channels (default: from the environment, see notifications/README.md) */
  notifications?: NotificationConfig;
}

/** What the service shows of its gateway, in-process or in a thread. */
export type GatewayView = Pick<Hj212Gateway, 'counters' | 'connectionCount' | 'close'>;

export type RunningMonitoring = RunningService & { hj212Port?: number; gateway?: GatewayView; ingest: Ingest; sweeps: AlarmSweeps; activity: DeviceActivity };

export { MONITORING_MIGRATIONS };

export async function startMonitoringService(config: MonitoringConfig): Promise<RunningMonitoring> {
  const clock = config.clock ?? (() => new Date());
  const logger = new JsonLogger('monitoring');
  const mode = config.hj212?.mode ?? 'lenient';
  const notifications = config.notifications ?? notificationConfigFromEnv();
  const channels = channelsFrom(notifications);
  let ingest!: Ingest;
  let sweeps!: AlarmSweeps;
  let directory!: DeviceDirectory;
  let activity!: DeviceActivity;
  const service = await startEventSourcedService({
    name: 'monitoring',
    title: 'Qingyuan monitoring 在线监控',
    description: 'HJ 212 网关、设备名录、监测数据、分级分类预警、通知、远程预警—现场核查—重点督办、预警转线索 / HJ 212 gateway, devices, data, tiered alarms, notifications, alarms to action',
    schema: 'monitoring',
    migrations: MONITORING_MIGRATIONS,
    // Notifications read the alarm row the monitoring projection writes in the same transaction: keep this order.
    projections: [monitoringProjection, notificationsProjection],
    // MonitoringAlarmRaised goes out on the machine-channel topic intake already consumes.
    topic: MACHINE_TOPICS.monitoring,
    databaseUrl: config.databaseUrl,
    bus: config.bus,
    port: config.port,
    host: config.host,
    async wire(store) {
      const ruleStore = monitoringRules(store.db);
      const ruleSource = new AlarmRuleSource(ruleStore);
      directory = new DeviceDirectory(store.db);
      await directory.refresh();
      const book = new AlarmBook(store);
      activity = new DeviceActivity(store.db);
      ingest = new Ingest(store, directory, new DataStore(store.db), book, ruleSource, activity, { mode, clock, logger });
      sweeps = new AlarmSweeps(store, book, ruleSource, clock, activity);
      const every = config.sweepIntervalMs ?? 30_000;
      const parts = {
        devices: new Devices(store),
        queries: new MonitoringQueries(store, clock),
        actions: new AlarmActions(store, ruleSource, clock),
        ruleSource,
        ruleStore,
        notifications: new Notifications(store.db),
      };
      return {
        consumers: [enterprisesConsumer()],
        workers: [
          periodically('monitoring device directory', 5_000, () => directory.refresh(), logger),
          periodically('monitoring offline sweep', every, () => sweeps.offline(), logger),
          periodically('monitoring escalation sweep', every, () => sweeps.escalate(), logger),
          deliveryWorker(store.db, channels, notifications.retry, logger, clock),
        ],
        module: (healthChecks) => MonitoringModule.register(parts, config.authSecret, healthChecks),
      };
    },
  });

  let consumer: Consumer | undefined;
  let kafkaSink: KafkaFrameSink | undefined;
  if (config.kafkaFrames) consumer = await consumeFrames(kafkaFor(config.kafkaFrames), config.kafkaFrames, ingest);
  let gateway: GatewayView | undefined;
  let hj212Port: number | undefined;
  if (config.hj212) {
    // With Kafka, this process's gateway goes through the topic like any other; embedded, straight to the worker.
    kafkaSink = config.kafkaFrames ? new KafkaFrameSink(kafkaFor(config.kafkaFrames), config.kafkaFrames) : undefined;
    const { thread, ...options } = config.hj212;
    const id = `${hostname()}:${process.pid}`;
    if (thread) {
      const started = await GatewayThread.start({ databaseUrl: config.databaseUrl, options: { ...options, mode, id }, refreshMs: 5_000 }, kafkaSink ?? ingest, logger);
      [gateway, hj212Port] = [started, started.port];
    } else {
      const inProcess = new Hj212Gateway({ ...options, mode, id, clock }, directory, kafkaSink ?? ingest, logger);
      [gateway, hj212Port] = [inProcess, (await inProcess.listen()).port];
    }
  }
  return {
    ...service,
    hj212Port,
    gateway,
    ingest,
    sweeps,
    activity,
    async stop() {
      await gateway?.close();
      await kafkaSink?.close();
      await consumer?.disconnect();
      await activity.flush();
      await service.stop();
      channels.close();
    },
  };
}
