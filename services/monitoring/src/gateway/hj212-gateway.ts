import { createHash } from 'node:crypto';
import { createServer, type Server, type Socket } from 'node:net';
import { encodeFrame, FrameReader, formatQn, noticeAnswer, parseDataSegment, replyFor, setTimeRequest, type Hj212Message, type Hj212Mode } from '@qingyuan/hj212';
import type { JsonLogger } from '@qingyuan/telemetry';
import type { FrameSink } from '../ingest/frames';
import { FrameBatcher } from './frame-batcher';
import { GatewayCounters } from './gateway-counters';

/** What the gateway needs of the device registry: is the MN known and active, and the SHA-256 of its PW. */
export interface Credentials {
  get(mn: string): { pwHash?: string; active: boolean } | undefined;
  /** look again for a device registered since the last refresh (rate-limited by the registry) */
  refreshIfStale(): Promise<void>;
}

export interface GatewayOptions {
  port: number;
  host?: string;
  mode: Hj212Mode;
  /** names this gateway in the frames it forwards */
  id: string;
  /** largest data segment accepted (strict ≤ 1024; lenient up to 9999) */
  maxDataLength?: number;
  /** no complete frame for this long: the connection is closed */
  idleTimeoutMs?: number;
  /** a frame begun must be complete within this long (slow-loris) */
  frameTimeoutMs?: number;
  maxConnections?: number;
  /** frames of one connection waiting to become durable; beyond it the connection stops being read */
  maxInFlightPerConnection?: number;
  /** bytes held by all connections (partial frames + frames not yet durable); beyond it all reading pauses */
  maxBufferedBytes?: number;
  /** wrong PW or unknown MN this many times: the connection is closed */
  maxAuthFailures?: number;
  batch?: { maxFrames: number; maxDelayMs: number; lanes?: number };
  clock?: () => Date;
}

interface Connection {
  socket: Socket;
  reader: FrameReader;
  inFlight: number;
  authFailures: number;
  /** when the frame now being read began (ms; unset while the gateway holds the connection paused) */
  partialSince?: number;
  /** when the last frame was accepted, or the connection opened (ms) */
  lastAcceptedAt: number;
  verified?: { mn: string; pw: string; pwHash: string };
  paused: boolean;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * The HJ 212 TCP gateway: long-lived data-logger connections, framing and CRC, the PW check, hand-over to the sink and
 * the acknowledgement once a frame is durable. It keeps no state beyond its connections, so several can run behind a
 * TCP load balancer; duplicates (a resend after a lost 9014) are removed where data are stored.
 */
export class Hj212Gateway {
  readonly counters = new GatewayCounters();
  private readonly server: Server;
  private readonly connections = new Set<Connection>();
  private readonly paused = new Set<Connection>();
  private readonly batcher: FrameBatcher;
  private bufferedBytes = 0;
  private sweeper?: NodeJS.Timeout;
  private readonly o: Required<Omit<GatewayOptions, 'host' | 'clock'>> & Pick<GatewayOptions, 'host'>;
  private readonly clock: () => Date;

  constructor(
    options: GatewayOptions,
    private readonly credentials: Credentials,
    sink: FrameSink,
    private readonly logger: Pick<JsonLogger, 'emit'>,
  ) {
    this.o = {
      maxDataLength: options.mode === 'strict' ? 1024 : 4096,
      idleTimeoutMs: 10 * 60_000,
      frameTimeoutMs: 30_000,
      maxConnections: 20_000,
      maxInFlightPerConnection: 64,
      maxBufferedBytes: 256 * 1024 * 1024,
      maxAuthFailures: 20,
      batch: { maxFrames: 4000, maxDelayMs: 5, lanes: 2 },
      ...options,
    };
    this.clock = options.clock ?? (() => new Date());
    this.batcher = new FrameBatcher(sink, {
      ...this.o.batch,
      onError: (error, frames) => {
        this.counters.sinkFailures += frames;
        logger.emit('error', 'hj212 frames could not be made durable; not acknowledged, devices will resend', { frames, error: String(error) });
      },
    });
    this.server = createServer({ noDelay: true }, (socket) => this.open(socket));
    this.server.maxConnections = this.o.maxConnections;
  }

  async listen(): Promise<{ port: number }> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.o.port, this.o.host, () => resolve());
    });
    // One timer for all connections: a timer per frame costs more than the frame at thousands a second.
    const tick = Math.min(1000, Math.max(10, Math.min(this.o.idleTimeoutMs, this.o.frameTimeoutMs) / 5));
    this.sweeper = setInterval(() => this.sweep(), tick).unref();
    const address = this.server.address();
    return { port: typeof address === 'object' && address ? address.port : this.o.port };
  }

  get connectionCount(): number {
    return this.connections.size;
  }

  async close(): Promise<void> {
    clearInterval(this.sweeper);
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const c of this.connections) c.socket.destroy();
    await closed;
    await this.batcher.close();
  }

  private open(socket: Socket): void {
    const reader = new FrameReader({ mode: this.o.mode, maxDataLength: this.o.maxDataLength });
    const c: Connection = { socket, reader, inFlight: 0, authFailures: 0, paused: false, lastAcceptedAt: Date.now() };
    this.connections.add(c);
    this.counters.connectionsOpened += 1;
    socket.on('data', (chunk: Buffer) => this.read(c, chunk));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      this.bufferedBytes -= c.reader.pendingBytes;
      this.connections.delete(c);
      this.paused.delete(c);
    });
  }

  private read(c: Connection, chunk: Buffer): void {
    const before = c.reader.pendingBytes;
    const { frames, errors } = c.reader.push(chunk);
    this.bufferedBytes += c.reader.pendingBytes - before;
    for (const e of errors) {
      if (e.error === 'OVERSIZE') this.counters.oversize += 1;
      else if (e.error !== 'NO_HEADER') this.counters.badFrames += 1;
    }
    if (frames.length > 0 || c.reader.pendingBytes === 0) this.stopFrameClock(c);
    for (const frame of frames) this.handle(c, frame.data, frame.tolerated.length > 0);
    this.applyBackPressure(c);
    this.startFrameClock(c);
  }

  /**
   * A frame begun must end soon: a slow-loris connection trickling bytes is closed. The clock restarts with each
   * complete frame (a busy logger's reads often end inside the next one) and stands still while the gateway itself
   * holds the connection paused.
   */
  private startFrameClock(c: Connection): void {
    if (c.partialSince === undefined && !c.paused && c.reader.pendingBytes > 0) c.partialSince = Date.now();
  }

  private stopFrameClock(c: Connection): void {
    c.partialSince = undefined;
  }

  /** Idle means no accepted frame (bytes of garbage do not keep a connection alive). */
  private sweep(): void {
    const now = Date.now();
    for (const c of this.connections) {
      if (c.partialSince !== undefined && now - c.partialSince >= this.o.frameTimeoutMs) this.drop(c, 'slow-frame');
      else if (now - c.lastAcceptedAt >= this.o.idleTimeoutMs) this.drop(c, 'idle');
    }
  }

  private handle(c: Connection, data: Buffer, tolerated: boolean): void {
    const result = parseDataSegment({ data, declaredLength: data.length, crc: '', tolerated: [] }, this.o.mode);
    if (!result.valid) {
      this.counters.badFrames += 1;
      return;
    }
    const m = result.message;
    if (tolerated || m.tolerated.length) this.counters.dialectFrames += 1;
    if (m.cn.startsWith('9')) return; // answers to our own requests (1012): nothing to store
    if (m.mn && !this.credentials.get(m.mn)) {
      void this.credentials.refreshIfStale().then(() => this.accept(c, m, data));
      return;
    }
    this.accept(c, m, data);
  }

  private accept(c: Connection, m: Hj212Message, data: Buffer): void {
    const device = m.mn ? this.credentials.get(m.mn) : undefined;
    if (!device?.pwHash || !device.active || !this.passwordMatches(c, m.mn!, m.pw, device.pwHash)) {
      this.counters.authFailures += 1;
      if (++c.authFailures >= this.o.maxAuthFailures) this.drop(c, 'auth-failures');
      return;
    }
    c.lastAcceptedAt = Date.now();
    this.counters.framesAccepted += 1;
    c.inFlight += 1;
    this.bufferedBytes += data.length;
    void this.batcher.add({ mn: m.mn!, data, receivedAt: this.clock().getTime(), gateway: this.o.id, message: m }).then((durable) => {
      c.inFlight -= 1;
      this.bufferedBytes -= data.length;
      if (durable) {
        this.counters.framesDurable += 1;
        this.answer(c, m);
      }
      this.resume();
    });
  }

  /** A logger sends the same MN and PW in every frame: hash it once per connection (and again if the registry changes). */
  private passwordMatches(c: Connection, mn: string, pw: string | undefined, pwHash: string): boolean {
    if (!pw) return false;
    const known = c.verified;
    if (known && known.mn === mn && known.pw === pw && known.pwHash === pwHash) return true;
    if (sha256(pw) !== pwHash) return false;
    c.verified = { mn, pw, pwHash };
    return true;
  }

  /** The answer the frame asks for, once it is durable; a device that asks for time calibration (1013) gets it. */
  private answer(c: Connection, m: Hj212Message): void {
    if (c.socket.destroyed) return;
    // A batch's acknowledgements arrive together: one write per connection instead of one per frame.
    if (!c.socket.writableCorked) {
      c.socket.cork();
      process.nextTick(() => c.socket.uncork());
    }
    const reply = replyFor(m);
    if (reply) {
      c.socket.write(encodeFrame(reply));
      this.counters.acksSent += 1;
    }
    if (m.cn === '1013' && m.mn && m.pw) {
      if (!reply) c.socket.write(encodeFrame(noticeAnswer(m)));
      c.socket.write(encodeFrame(setTimeRequest({ qn: formatQn(this.clock()), st: m.st, pw: m.pw, mn: m.mn, time: this.clock(), standard: m.standard, polId: m.cp.PolId })));
    }
  }

  private applyBackPressure(c: Connection): void {
    if (!c.paused && (c.inFlight >= this.o.maxInFlightPerConnection || this.bufferedBytes >= this.o.maxBufferedBytes)) {
      c.paused = true;
      this.paused.add(c);
      c.socket.pause();
      this.counters.pauses += 1;
      this.stopFrameClock(c);
    }
  }

  /** Only paused connections are looked at: at thousands of frames a second, walking every connection is too slow. */
  private resume(): void {
    if (this.paused.size === 0 || this.bufferedBytes >= this.o.maxBufferedBytes) return;
    for (const c of this.paused) {
      if (c.inFlight < this.o.maxInFlightPerConnection / 2) {
        c.paused = false;
        this.paused.delete(c);
        c.socket.resume();
        this.startFrameClock(c);
      }
    }
  }

  private drop(c: Connection, reason: 'idle' | 'slow-frame' | 'auth-failures'): void {
    if (c.socket.destroyed) return;
    this.counters.dropped[reason] += 1;
    this.logger.emit('info', 'hj212 connection closed', { reason, remote: c.socket.remoteAddress });
    c.socket.destroy();
  }
}
