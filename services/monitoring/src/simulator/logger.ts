import { connect, type Socket } from 'node:net';
import {
  encodeFrame,
  executionResult,
  FrameReader,
  noticeAnswer,
  parseDataSegment,
  parseHj212Time,
  replyKindFor,
  requestAnswer,
  type Hj212Message,
} from '@qingyuan/hj212';
import type { SimulatedDevice } from './devices';
import { FrameSource, type OutgoingFrame } from './frames';
import { LatencyHistogram, newCounters, type LoggerCounters } from './stats';
import { anomalyStart, type Anomaly } from './values';

export interface LoggerOptions {
  port: number;
  host?: string;
  anomaly?: Anomaly;
  /** wait this long for a 9014 before resending (HJ 212-2017 table 1, cellular: 10 s) */
  ackTimeoutMs?: number;
  /** resends before a frame is given up (3) */
  retries?: number;
  /** reconnect backoff: doubles from min to max (1 s … 30 s) */
  reconnectMinMs?: number;
  reconnectMaxMs?: number;
  connectTimeoutMs?: number;
  /** fast mode: DataTime advances by the interval per reading instead of following the wall clock */
  fast?: boolean;
  /** fast mode: frames per second of this logger (unlimited when absent: the platform's acks pace it) */
  rate?: number;
  /** fast mode without `rate`: frames per second of a device whose uploads ask for no ack (2005), which nothing paces (100) */
  unackedRate?: number;
  /** first DataTime in fast mode (default: now) */
  startAt?: Date;
  /** frames awaiting their 9014 before the logger waits (64, like the platform's per-connection window) */
  maxInFlight?: number;
  /** frames kept while disconnected (normal mode; 1,000 ≈ 400 kB, 4–8 h at 30 s); the oldest are dropped beyond it */
  backlogLimit?: number;
  /** normal mode: delay of the first reading, to spread devices over the interval (default from the seed) */
  firstTickDelayMs?: number;
  minuteInterval?: number;
}

interface Pending {
  frame: OutgoingFrame;
  firstSentAt: number;
  lastSentAt: number;
  attempts: number;
}

const PUMP_MS = 10;

/**
 * One HJ 212 data logger on one TCP connection: real-time uploads every interval (or as fast as allowed in fast mode)
 * with minute/hour/day data at period turns, 9014 matched by QN with resends after a timeout, 1012 time setting
 * answered with 9011 + 9012, reconnection with backoff. Counters and ack latencies for summaries.
 */
export class SimulatedLogger {
  readonly counters: LoggerCounters = newCounters();
  readonly latency = new LatencyHistogram();
  private readonly source: FrameSource;
  private readonly o: Required<Omit<LoggerOptions, 'anomaly' | 'rate' | 'startAt' | 'firstTickDelayMs' | 'minuteInterval' | 'unackedRate'>>;
  /** fast mode: frames per second, undefined = as fast as acks come */
  private readonly rate?: number;
  private socket?: Socket;
  private connected = false;
  private running = false;
  /** the offline anomaly has begun: no more frames, no reconnection */
  private silent = false;
  private readonly outbox: OutgoingFrame[] = [];
  private readonly pending = new Map<string, Pending>();
  private simTime: number;
  private clockOffsetMs = 0;
  private backoff = 0;
  private allowance = 0;
  private lastPump = 0;
  private pumpQueued = false;
  private closing = false;
  private readonly timers = new Set<NodeJS.Timeout>();
  private tickTimer?: NodeJS.Timeout;

  constructor(
    readonly device: SimulatedDevice,
    private readonly options: LoggerOptions,
  ) {
    this.o = {
      port: options.port,
      host: options.host ?? '127.0.0.1',
      ackTimeoutMs: options.ackTimeoutMs ?? 10_000,
      retries: options.retries ?? 3,
      reconnectMinMs: options.reconnectMinMs ?? 1000,
      reconnectMaxMs: options.reconnectMaxMs ?? 30_000,
      connectTimeoutMs: options.connectTimeoutMs ?? 10_000,
      fast: options.fast ?? false,
      maxInFlight: options.maxInFlight ?? 64,
      backlogLimit: options.backlogLimit ?? 1000,
    };
    this.source = new FrameSource(device, { minuteInterval: options.minuteInterval });
    // Without acks only the kernel's socket buffers would hold a 2005 device back: megabytes of frames queued unseen.
    this.rate = options.rate ?? (device.input.standard === '2005' ? (options.unackedRate ?? 100) : undefined);
    this.simTime = Math.floor((options.startAt ?? new Date()).getTime() / 1000) * 1000;
  }

  get mn(): string {
    return this.device.input.mn;
  }

  get isConnected(): boolean {
    return this.connected;
  }

  /** frames sent and not yet acknowledged or given up */
  get inFlight(): number {
    return this.pending.size;
  }

  /** the device clock: simulated in fast mode, wall time plus any 1012 correction otherwise */
  now(): Date {
    return new Date(this.o.fast ? this.simTime : Date.now() + this.clockOffsetMs);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.connect();
    const sweepMs = Math.min(1000, Math.max(10, Math.floor(this.o.ackTimeoutMs / 10)));
    this.every(sweepMs, () => this.sweep());
    if (this.o.fast) {
      this.lastPump = performance.now();
      this.every(this.pumpMs(), () => this.pump());
      return;
    }
    const intervalMs = this.device.input.realtimeIntervalSeconds * 1000;
    const delay = this.options.firstTickDelayMs ?? this.device.seed % intervalMs;
    this.tickTimer = this.after(delay, () => {
      this.tick();
      this.tickTimer = this.every(intervalMs, () => this.tick());
    });
  }

  /** Stops reading; with `drainMs`, first waits that long at most for outstanding acks. Resolves once closed. */
  async stop(options: { drainMs?: number } = {}): Promise<void> {
    this.clear(this.tickTimer);
    this.running = false;
    const until = Date.now() + (options.drainMs ?? 0);
    while (Date.now() < until && this.connected && (this.pending.size > 0 || this.outbox.length > 0)) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    await this.close();
  }

  /** One reading: its frames are queued and written when connected. Returns the number of frames. */
  tick(): number {
    if (this.silent) return 0;
    const anomaly = this.options.anomaly;
    if (anomaly?.kind === 'offline' && this.source.readings >= anomalyStart(anomaly)) {
      this.silent = true;
      this.clear(this.tickTimer);
      void this.close();
      return 0;
    }
    const frames = this.source.tick(this.now(), anomaly);
    if (this.o.fast) this.simTime += this.device.input.realtimeIntervalSeconds * 1000;
    for (const frame of frames) this.outbox.push(frame);
    while (this.outbox.length > this.o.backlogLimit) {
      this.outbox.shift();
      this.counters.dropped += 1;
    }
    this.flush();
    return frames.length;
  }

  private connect(): void {
    if (!this.running || this.silent || this.socket) return;
    const socket = connect({ host: this.o.host, port: this.o.port });
    this.socket = socket;
    const reader = new FrameReader({ mode: 'lenient' });
    socket.setNoDelay(true);
    socket.setTimeout(this.o.connectTimeoutMs, () => {
      if (!this.connected) socket.destroy(new Error('connect timeout'));
    });
    socket.on('connect', () => {
      socket.setTimeout(0);
      this.connected = true;
      this.backoff = 0;
      this.counters.connects += 1;
      this.flush();
      this.schedulePump();
    });
    socket.on('data', (chunk: Buffer) => {
      for (const raw of reader.push(chunk).frames) {
        const result = parseDataSegment(raw, 'lenient');
        if (result.valid) this.onMessage(result.message);
        else this.counters.badFrames += 1;
      }
    });
    socket.on('drain', () => this.schedulePump());
    socket.on('error', () => {
      this.counters.connectionErrors += 1;
    });
    socket.on('close', (hadError) => {
      // a close the logger did not ask for (errors were counted on 'error')
      if (!hadError && !this.closing && this.running && !this.silent) this.counters.connectionErrors += 1;
      this.connected = false;
      if (this.socket === socket) this.socket = undefined;
      if (this.running && !this.silent) this.reconnectLater();
    });
  }

  private close(): Promise<void> {
    const socket = this.socket;
    this.connected = false;
    if (!socket) return Promise.resolve();
    this.closing = true;
    return new Promise((resolve) => {
      const done = () => {
        this.closing = false;
        resolve();
      };
      socket.once('close', done);
      // end() rather than destroy(): frames still buffered (2005 uploads expect no ack) reach the platform first
      socket.end();
      setTimeout(() => socket.destroy(), 1000).unref();
    });
  }

  private reconnectLater(): void {
    const delay = Math.min(this.o.reconnectMaxMs, this.o.reconnectMinMs * 2 ** this.backoff) * (0.8 + 0.4 * Math.random());
    this.backoff = Math.min(this.backoff + 1, 20);
    this.after(delay, () => this.connect());
  }

  private onMessage(message: Hj212Message): void {
    if (message.cn === '9014') {
      this.onAck(message.qn ?? message.cp.QN);
      return;
    }
    if (message.mn !== undefined && message.mn !== this.mn) return;
    if (message.cn === '1012') {
      this.onSetTime(message);
      return;
    }
    const kind = replyKindFor(message);
    // Requests other than 1012 are not simulated: refused (QnRtn 2) rather than answered falsely.
    if (kind === '9011') this.answer(requestAnswer(message, 2));
    if (kind === '9013') this.answer(noticeAnswer(message));
  }

  private onAck(qn: string | undefined): void {
    const entry = qn === undefined ? undefined : this.pending.get(qn);
    if (!entry || qn === undefined) return;
    this.pending.delete(qn);
    this.counters.acked += 1;
    this.latency.record(performance.now() - entry.firstSentAt);
    if (this.pending.size < this.o.maxInFlight) this.schedulePump();
  }

  /** 1012: 9011 (QnRtn 1, or 3 for a wrong PW), then the clock is set and 9012 reports it (ExeRtn 3: bad SystemTime). */
  private onSetTime(message: Hj212Message): void {
    if (message.pw !== undefined && message.pw !== this.device.input.pw) {
      this.answer(requestAnswer(message, 3));
      return;
    }
    this.answer(requestAnswer(message, 1));
    const time = parseHj212Time(message.cp.SystemTime);
    // In fast mode the clock is the simulated one; moving it could repeat DataTimes, so only wall time is corrected.
    if (time && !this.o.fast) this.clockOffsetMs = time.getTime() - Date.now();
    if (time) this.counters.timeSets += 1;
    this.answer(executionResult(message, time ? 1 : 3));
  }

  private answer(dataSegment: string): void {
    if (!this.socket || !this.connected) return;
    this.socket.write(encodeFrame(dataSegment));
    this.counters.answers += 1;
  }

  private flush(): void {
    while (this.connected && this.socket && this.outbox.length > 0) {
      const frame = this.outbox.shift()!;
      this.socket.write(frame.bytes);
      this.counters.sent += 1;
      if (frame.ack && frame.qn !== undefined) {
        const now = performance.now();
        this.pending.set(frame.qn, { frame, firstSentAt: now, lastSentAt: now, attempts: 0 });
      }
    }
  }

  /** Resends frames whose 9014 is overdue; the map is in order of last sending, so the scan stops at a fresh one. */
  private sweep(): void {
    if (!this.connected || !this.socket) return;
    const now = performance.now();
    for (const [qn, entry] of this.pending) {
      if (now - entry.lastSentAt < this.o.ackTimeoutMs) break;
      this.pending.delete(qn);
      if (entry.attempts >= this.o.retries) {
        this.counters.failed += 1;
        continue;
      }
      entry.attempts += 1;
      entry.lastSentAt = now;
      this.pending.set(qn, entry);
      this.socket.write(entry.frame.bytes);
      this.counters.resent += 1;
    }
    if (this.pending.size < this.o.maxInFlight) this.schedulePump();
  }

  private schedulePump(): void {
    if (!this.o.fast || this.pumpQueued || !this.running) return;
    this.pumpQueued = true;
    setImmediate(() => {
      this.pumpQueued = false;
      this.pump();
    });
  }

  /** Fast mode: as many readings as the rate's token bucket, the in-flight window and the socket buffer allow. */
  private pump(): void {
    if (!this.running || !this.connected || this.silent) return;
    const now = performance.now();
    const rate = this.rate;
    if (rate !== undefined) this.allowance = Math.min(this.allowance + ((now - this.lastPump) * rate) / 1000, Math.max(1, (rate * 2 * this.pumpMs()) / 1000));
    this.lastPump = now;
    const socket = this.socket;
    // one write per batch rather than per frame: far fewer syscalls and packets at benchmark rates
    socket?.cork();
    let guard = 10_000;
    while (guard-- > 0 && (rate === undefined || this.allowance >= 1) && this.canSend()) {
      const frames = this.tick();
      if (frames === 0) break;
      if (rate !== undefined) this.allowance -= frames;
    }
    socket?.uncork();
  }

  /** Pump period: 10 ms, or one token's time at low rates (1,000 loggers at 2 frames/s need not wake 100,000 times a second). */
  private pumpMs(): number {
    const rate = this.rate;
    return rate === undefined ? PUMP_MS : Math.min(1000, Math.max(PUMP_MS, Math.floor(1000 / rate)));
  }

  private canSend(): boolean {
    return this.connected && this.socket !== undefined && !this.socket.writableNeedDrain && this.outbox.length === 0 && this.pending.size < this.o.maxInFlight;
  }

  private every(ms: number, run: () => void): NodeJS.Timeout {
    const timer = setInterval(run, ms);
    this.timers.add(timer);
    return timer;
  }

  private after(ms: number, run: () => void): NodeJS.Timeout {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      run();
    }, ms);
    this.timers.add(timer);
    return timer;
  }

  private clear(timer: NodeJS.Timeout | undefined): void {
    if (!timer) return;
    clearTimeout(timer);
    this.timers.delete(timer);
  }
}
