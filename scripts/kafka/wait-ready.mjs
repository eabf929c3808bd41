#!/usr/bin/env node
// Waits until a Kafka broker is really usable, not merely started:
// an admin client must connect, fetch cluster metadata (describeCluster) and
// create + delete a throw-away topic. Polls with short timeouts.
//
// Usage: node scripts/kafka/wait-ready.mjs [timeoutSeconds] [--brokers host:port[,host:port]] [--pid <pid>]
//   timeoutSeconds  default: $KAFKA_READY_TIMEOUT or 90
//   --brokers       default: $KAFKA_BROKERS or 127.0.0.1:9092
//   --pid           give up at once if this process dies (used by kafka.sh start)
// Exits 0 when ready, 1 on timeout (or if --pid died), 2 on bad usage.
import kafkajs from 'kafkajs'; // CommonJS package: default import only

const { Kafka, logLevel } = kafkajs;

function usage(message) {
  console.error(`wait-ready: ${message}`);
  console.error('usage: node scripts/kafka/wait-ready.mjs [timeoutSeconds] [--brokers host:port] [--pid pid]');
  process.exit(2);
}

function parseArgs(argv) {
  const opts = {
    timeoutSeconds: Number(process.env.KAFKA_READY_TIMEOUT ?? 90),
    brokers: process.env.KAFKA_BROKERS ?? '127.0.0.1:9092',
    pid: undefined,
    quiet: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--brokers') opts.brokers = argv[++i] ?? usage('--brokers needs a value');
    else if (arg === '--pid') opts.pid = Number(argv[++i] ?? usage('--pid needs a value'));
    else if (arg === '--timeout') opts.timeoutSeconds = Number(argv[++i] ?? usage('--timeout needs a value'));
    else if (arg === '--quiet' || arg === '-q') opts.quiet = true;
    else if (/^\d+(\.\d+)?$/.test(arg)) opts.timeoutSeconds = Number(arg);
    else usage(`unknown argument: ${arg}`);
  }
  if (!Number.isFinite(opts.timeoutSeconds) || opts.timeoutSeconds <= 0) usage('timeout must be a positive number of seconds');
  if (opts.pid !== undefined && !Number.isInteger(opts.pid)) usage('--pid must be an integer');
  opts.brokers = opts.brokers.split(',').map((b) => b.trim()).filter(Boolean);
  if (opts.brokers.length === 0) usage('no brokers given');
  return opts;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

async function probe(brokers, attemptMs) {
  const kafka = new Kafka({
    clientId: 'wait-ready',
    brokers,
    logLevel: logLevel.NOTHING,
    connectionTimeout: 1000,
    authenticationTimeout: 1000,
    requestTimeout: 3000,
    retry: { retries: 0 },
  });
  const admin = kafka.admin({ retry: { retries: 0 } });
  const topic = `__wait_ready_${process.pid}_${Date.now()}`;
  try {
    await withTimeout(admin.connect(), attemptMs, 'connect');
    const cluster = await withTimeout(admin.describeCluster(), attemptMs, 'describeCluster');
    if (!cluster.brokers?.length) throw new Error('metadata lists no brokers');
    // Also proves that the controller is elected and topic creation works.
    await withTimeout(
      admin.createTopics({
        topics: [{ topic, numPartitions: 1, replicationFactor: 1 }],
        waitForLeaders: true,
        timeout: attemptMs,
      }),
      attemptMs + 1000,
      'createTopics',
    );
    await withTimeout(admin.deleteTopics({ topics: [topic], timeout: attemptMs }), attemptMs + 1000, 'deleteTopics');
    return cluster;
  } finally {
    await withTimeout(admin.disconnect(), 2000, 'disconnect').catch(() => {});
  }
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const deadline = started + opts.timeoutSeconds * 1000;
  let attempts = 0;
  let lastError;
  while (Date.now() < deadline) {
    if (opts.pid !== undefined && !alive(opts.pid)) {
      console.error(`wait-ready: broker process ${opts.pid} has exited`);
      return 1;
    }
    attempts++;
    const attemptMs = Math.max(1000, Math.min(10000, deadline - Date.now()));
    try {
      const cluster = await probe(opts.brokers, attemptMs);
      if (!opts.quiet) {
        const secs = ((Date.now() - started) / 1000).toFixed(1);
        console.error(
          `wait-ready: ${opts.brokers.join(',')} ready after ${secs} s (${attempts} attempt(s); cluster ${cluster.clusterId}, controller ${cluster.controller})`,
        );
      }
      return 0;
    } catch (err) {
      lastError = err;
      await sleep(Math.min(500, Math.max(0, deadline - Date.now())));
    }
  }
  console.error(
    `wait-ready: ${opts.brokers.join(',')} not ready after ${opts.timeoutSeconds} s (${attempts} attempt(s)); last error: ${lastError?.message ?? 'none'}`,
  );
  return 1;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`wait-ready: ${err?.stack ?? err}`);
    process.exit(1);
  },
);
