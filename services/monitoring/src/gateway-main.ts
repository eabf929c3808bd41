import { hostname } from 'node:os';
import { brokersFromEnv, onShutdown, portFromEnv, requireEnv } from '@qingyuan/service-kit';
import { JsonLogger, startTelemetry } from '@qingyuan/telemetry';
import { DataSource } from 'typeorm';
import { Db } from '@qingyuan/event-store';
import { Hj212Gateway } from './gateway/hj212-gateway';
import { hj212ModeFromEnv } from './gateway/mode';
import { DeviceDirectory } from './registry/device-directory';
import { kafkaFor, KafkaFrameSink } from './transport/kafka-frames';

/**
 * A stand-alone HJ 212 gateway (distributed run): TCP from the data loggers, the device registry read from PostgreSQL
 * (a read replica will do), accepted frames to Kafka. Run as many as needed behind a TCP load balancer.
 */
async function main(): Promise<void> {
  const telemetry = startTelemetry({ serviceName: 'qingyuan-hj212-gateway' });
  const logger = new JsonLogger('hj212-gateway');
  const brokers = brokersFromEnv();
  if (!brokers) throw new Error('KAFKA_BROKERS is not set: host:port[,host:port] / 缺少环境变量 KAFKA_BROKERS');
  const dataSource = await new DataSource({ type: 'postgres', url: requireEnv('DATABASE_URL', 'postgres://user:password@host:5432/qingyuan'), extra: { max: 2 } }).initialize();
  const directory = new DeviceDirectory(new Db(dataSource));
  await directory.refresh();
  const refresh = setInterval(() => directory.refresh().catch((e) => logger.emit('warn', 'device registry refresh failed', { error: String(e) })), 5_000);
  const options = { brokers, clientId: 'qingyuan-hj212-gateway', namespace: process.env.KAFKA_TOPIC_PREFIX?.trim() || undefined };
  const sink = new KafkaFrameSink(kafkaFor(options), options);
  const mode = hj212ModeFromEnv();
  const gateway = new Hj212Gateway({ port: portFromEnv('HJ212_PORT', 9212), host: process.env.HOST ?? '0.0.0.0', mode, id: `${hostname()}:${process.pid}` }, directory, sink, logger);
  const { port } = await gateway.listen();
  const host = process.env.HOST ?? '0.0.0.0';
  process.stdout.write(`${JSON.stringify({ level: 'info', service: 'hj212-gateway', msg: 'listening', url: `tcp://${host}:${port}`, devices: directory.size })}\n`);
  onShutdown(async () => {
    clearInterval(refresh);
    await gateway.close();
    await sink.close();
    await dataSource.destroy();
    await telemetry.shutdown();
  });
}

main().catch((error) => {
  process.stderr.write(`hj212-gateway failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
