import { createServer, type Socket } from 'node:net';
import { dataAcknowledgement, encodeFrame, FrameReader, formatQn, parseDataSegment, setTimeRequest, type Hj212Message } from '@qingyuan/hj212';
import { simulatedDevices } from './devices';
import { SimulatedLogger } from './logger';
import { Simulation } from './simulation';

type Handler = (message: Hj212Message, reply: (dataSegment: string) => void, connection: { socket: Socket; index: number }) => void;

/** A tiny HJ 212 platform on a real socket: strict framing, every message kept, `handle` decides the answers. */
async function platform(handle: Handler) {
  const received: Hj212Message[] = [];
  const connectedAt: number[] = [];
  const sockets = new Set<Socket>();
  let invalid = 0;
  const server = createServer((socket) => {
    const connection = { socket, index: connectedAt.length };
    connectedAt.push(Date.now());
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    const reader = new FrameReader({ mode: 'strict' });
    socket.on('data', (chunk: Buffer) => {
      const { frames, errors } = reader.push(chunk);
      invalid += errors.length;
      for (const raw of frames) {
        const result = parseDataSegment(raw, 'strict');
        if (!result.valid) {
          invalid += 1;
          continue;
        }
        received.push(result.message);
        if (!socket.destroyed) handle(result.message, (segment) => socket.write(encodeFrame(segment)), connection);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return {
    port: address.port,
    received,
    connectedAt,
    invalid: () => invalid,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

const ackAll: Handler = (m, reply) => {
  if (m.ackRequired) reply(dataAcknowledgement(m));
};

async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const oneSecond = simulatedDevices(20, { intervalSeconds: 1 });
const device = (index: number) => oneSecond[index - 1];
/** a device that reads once: the first reading now, the next in an hour */
const oneReading = simulatedDevices(3, { intervalSeconds: 3600 });

describe('SimulatedLogger over TCP', () => {
  const cleanup: Array<() => Promise<void>> = [];
  afterEach(async () => {
    while (cleanup.length > 0) await cleanup.pop()!();
  });

  it('resends a frame whose 9014 does not come within the timeout, and counts it acked once the platform answers', async () => {
    const seen = new Map<string, number>();
    // acknowledges a QN only the second time it arrives, like a platform that lost the first copy
    const server = await platform((m, reply) => {
      const times = (seen.get(m.qn!) ?? 0) + 1;
      seen.set(m.qn!, times);
      if (times === 2) reply(dataAcknowledgement(m));
    });
    const logger = new SimulatedLogger(device(1), { port: server.port, ackTimeoutMs: 300, firstTickDelayMs: 0 });
    cleanup.push(() => server.close(), () => logger.stop());
    logger.start();
    await waitFor(() => logger.counters.acked >= 4);
    await logger.stop({ drainMs: 3000 });
    const c = logger.counters;
    expect(c.sent).toBeGreaterThanOrEqual(4);
    expect([c.acked, c.resent, c.failed]).toEqual([c.sent, c.sent, 0]);
    expect([...seen.values()].every((n) => n === 2)).toBe(true);
    expect(logger.latency.quantile(0.5)).toBeGreaterThanOrEqual(300);
    expect(server.invalid()).toBe(0);
  });

  it('gives a frame up after 3 resends when no 9014 ever comes', async () => {
    const server = await platform(() => undefined);
    const logger = new SimulatedLogger(oneReading[0], { port: server.port, ackTimeoutMs: 100, firstTickDelayMs: 0 });
    cleanup.push(() => server.close(), () => logger.stop());
    logger.start();
    // device 1 has a process pair: one reading = 2011 + 2021
    await waitFor(() => logger.counters.failed === 2);
    expect(logger.counters).toMatchObject({ sent: 2, acked: 0, resent: 6, failed: 2 });
    expect(server.received.map((m) => m.cn).sort()).toEqual(['2011', '2011', '2011', '2011', '2021', '2021', '2021', '2021']);
    expect(logger.inFlight).toBe(0);
  });

  it('reconnects after the platform closes the connection, and resends what was not acknowledged', async () => {
    const server = await platform((m, reply, connection) => {
      // the first connection is dropped on its first frame, unanswered
      if (connection.index === 0) connection.socket.destroy();
      else ackAll(m, reply, connection);
    });
    const logger = new SimulatedLogger(device(2), { port: server.port, ackTimeoutMs: 300, reconnectMinMs: 50, firstTickDelayMs: 0 });
    cleanup.push(() => server.close(), () => logger.stop());
    logger.start();
    await waitFor(() => logger.counters.connects >= 2 && logger.counters.acked >= 3);
    await logger.stop({ drainMs: 3000 });
    const c = logger.counters;
    expect(c.connects).toBe(2);
    expect(c.connectionErrors).toBe(1);
    expect(c.resent).toBeGreaterThanOrEqual(1);
    expect([c.acked, c.failed]).toEqual([c.sent, 0]);
    expect(server.connectedAt).toHaveLength(2);
  });

  it('keeps reconnecting with backoff while the platform is down, then delivers its backlog', async () => {
    const server = await platform(ackAll);
    const port = server.port;
    await server.close();
    const logger = new SimulatedLogger(device(2), { port, ackTimeoutMs: 300, reconnectMinMs: 20, reconnectMaxMs: 200, firstTickDelayMs: 0 });
    cleanup.push(() => logger.stop());
    logger.start();
    await waitFor(() => logger.counters.connectionErrors >= 3);
    expect(logger.counters.sent).toBe(0);
    const again = createServer((socket) => {
      const reader = new FrameReader();
      socket.on('data', (chunk: Buffer) => {
        for (const raw of reader.push(chunk).frames) {
          const r = parseDataSegment(raw);
          if (r.valid) socket.write(encodeFrame(dataAcknowledgement(r.message)));
        }
      });
    });
    await new Promise<void>((resolve) => again.listen(port, '127.0.0.1', resolve));
    cleanup.push(() => new Promise((resolve) => again.close(() => resolve())));
    await waitFor(() => logger.counters.connects === 1 && logger.counters.acked >= 2);
    await logger.stop({ drainMs: 3000 });
    expect(logger.counters.acked).toBe(logger.counters.sent);
  });

  it('answers a 1012 time-set request with 9011 then 9012 (same QN), and its DataTimes follow the new clock', async () => {
    const requestQn = formatQn(new Date());
    let asked = false;
    const server = await platform((m, reply) => {
      if (m.cn === '2011' && !asked) {
        asked = true;
        reply(setTimeRequest({ qn: requestQn, st: '32', pw: m.pw!, mn: m.mn!, time: new Date('2030-01-01T08:00:00+08:00') }));
      }
      ackAll(m, reply, undefined as never);
    });
    const logger = new SimulatedLogger(device(2), { port: server.port, firstTickDelayMs: 0 });
    cleanup.push(() => server.close(), () => logger.stop());
    logger.start();
    await waitFor(() => server.received.some((m) => m.cn === '2011' && m.cp.DataTime.startsWith('2030')), 5000);
    const answers = server.received.filter((m) => m.cn.startsWith('90'));
    expect(answers.map((m) => [m.cn, m.qn, m.st, m.flag, m.cp])).toEqual([
      ['9011', requestQn, '91', 4, { QnRtn: '1' }],
      ['9012', requestQn, '91', 4, { ExeRtn: '1' }],
    ]);
    expect(logger.counters.timeSets).toBe(1);
    expect(Math.abs(logger.now().getTime() - Date.parse('2030-01-01T08:00:00+08:00'))).toBeLessThan(5000);
  });
});

describe('Simulation', () => {
  it('runs N devices in fast mode: connection ramp, the rate, every 2017/2025 frame acked, DataTimes distinct, offline stops', async () => {
    const server = await platform(ackAll);
    const simulation = new Simulation({
      port: server.port,
      devices: 20,
      interval: 30,
      fast: true,
      rate: 1000,
      connectRate: 100,
      startAt: new Date('2026-03-02T00:00:00+08:00'),
      anomalies: { 2: 'offline', '330782000000000000000004': { kind: 'exceedance', factor: 'w21003' } },
    });
    try {
      simulation.start();
      await waitFor(() => simulation.stats().connected === 19);
      const begin = Date.now();
      const sentAtBegin = simulation.stats().sent;
      await new Promise((resolve) => setTimeout(resolve, 2000));
      const rate = (simulation.stats().sent - sentAtBegin) / ((Date.now() - begin) / 1000);
      await simulation.stop({ drainMs: 10_000 });
      const s = simulation.stats();
      // the limiter holds the rate (a loaded machine may fall short of it, never above)
      expect(rate).toBeGreaterThan(300);
      expect(rate).toBeLessThan(1250);
      // device 13 is HJ/T 212-2005: its uploads ask for no acknowledgement
      const unacked = server.received.filter((m) => m.standard === '2005').length;
      expect(unacked).toBeGreaterThan(0);
      expect([s.acked + unacked, s.failed, s.resent]).toEqual([s.sent, 0, 0]);
      expect(server.received).toHaveLength(s.sent);
      const keys = server.received.map((m) => `${m.mn} ${m.cn} ${m.cp.DataTime}`);
      expect(new Set(keys).size).toBe(keys.length);
      // the offline device sent its first 3 readings (the third closed minute 00:00) and went silent
      const offline = server.received.filter((m) => m.mn === '330782000000000000000002');
      expect(offline.map((m) => `${m.cn} ${m.cp.DataTime}`)).toEqual(['2011 20260302000000', '2011 20260302000030', '2051 20260302000000', '2011 20260302000100']);
      // 20 devices at 100 connections/s: the connections came over about 200 ms, not in one instant
      expect(Math.max(...server.connectedAt) - Math.min(...server.connectedAt)).toBeGreaterThan(100);
      // fast mode: DataTime advances by the interval per reading from startAt
      const first = server.received.filter((m) => m.mn === '330782000000000000000001' && m.cn === '2011').slice(0, 3);
      expect(first.map((m) => m.cp.DataTime)).toEqual(['20260302000000', '20260302000030', '20260302000100']);
      expect(server.invalid()).toBe(0);
    } finally {
      await simulation.stop();
      await server.close();
    }
  });
});
