import { KafkaEventBus } from '@qingyuan/messaging';
import { startTelemetry } from '@qingyuan/telemetry';
import type { RunningService } from './runtime';

/** Read configuration from the environment; a missing or malformed value stops the start with a clear message. */
export function requireEnv(name: string, hint: string): string {
  const value = process.env[name]?.trim();
  if (!value) {
    throw new Error(`${name} is not set: ${hint} / 缺少环境变量 ${name}`);
  }
  return value;
}

export function portFromEnv(name: string, fallback: number): number {
  const raw = process.env[name]?.trim();
  if (!raw) return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`${name} must be a TCP port (0-65535), got "${raw}"`);
  return port;
}

export function brokersFromEnv(): string[] | undefined {
  const raw = process.env.KAFKA_BROKERS?.trim();
  return raw ? raw.split(',').map((b) => b.trim()).filter(Boolean) : undefined;
}

/** The Kafka bus of a process: KAFKA_BROKERS, and KAFKA_TOPIC_PREFIX to share a cluster between installations. */
export function kafkaBusFromEnv(clientId: string): KafkaEventBus | undefined {
  const brokers = brokersFromEnv();
  return brokers ? new KafkaEventBus({ brokers, clientId, namespace: process.env.KAFKA_TOPIC_PREFIX?.trim() || undefined }) : undefined;
}

export function checkAuthSecret(secret: string): string {
  if (secret.length < 32) throw new Error('QINGYUAN_AUTH_SECRET must be at least 32 characters');
  return secret;
}

/** Stop cleanly on Ctrl-C or a container stop; a second signal exits at once. */
export function onShutdown(stop: () => Promise<void>): void {
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(130);
    stopping = true;
    stop()
      .then(() => process.exit(0))
      .catch((error) => {
        process.stderr.write(`shutdown after ${signal} failed: ${String(error)}\n`);
        process.exit(1);
      });
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
}

/**
 * The body of a service's own process (the distributed run): telemetry, start, a 'listening' line, clean shutdown.
 * `start` gets the Kafka bus when the service needs one.
 */
export function runServiceProcess(
  name: string,
  start: (bus: KafkaEventBus | undefined) => Promise<RunningService & { notice?: string }>,
  options: { needsBus: boolean },
): void {
  const run = async () => {
    const telemetry = startTelemetry({ serviceName: `qingyuan-${name}` });
    const bus = kafkaBusFromEnv(`qingyuan-${name}`);
    if (options.needsBus && !bus) throw new Error('KAFKA_BROKERS is not set: host:port[,host:port] / 缺少环境变量 KAFKA_BROKERS');
    const service = await start(bus);
    if (service.notice) process.stdout.write(service.notice);
    process.stdout.write(`${JSON.stringify({ level: 'info', service: name, msg: 'listening', url: service.url })}\n`);
    onShutdown(async () => {
      await service.stop();
      await bus?.close();
      await service.close();
      await telemetry.shutdown();
    });
  };
  run().catch((error) => {
    // The stack helps the operator; start-up errors carry configuration and infrastructure messages, no personal data.
    process.stderr.write(`${name} failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}

export function numberFromEnv(name: string, fallback: number): number {
  const raw = process.env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a non-negative number, got "${raw}"`);
  return value;
}

export function listFromEnv(name: string): string[] {
  return (process.env[name] ?? '').split(',').map((s) => s.trim()).filter(Boolean);
}
