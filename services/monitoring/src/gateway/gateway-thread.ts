import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { JsonLogger } from '@qingyuan/telemetry';
import type { FrameSink } from '../ingest/frames';
import { GatewayCounters } from './gateway-counters';
import { unpackFrames, type FromGateway, type GatewayThreadData, type ToGateway } from './thread-messages';

// Under the test runner this file is TypeScript source: the thread then runs the compiled build.
const ENTRY = [join(__dirname, 'gateway-thread-main.js'), join(__dirname, '..', '..', 'dist', 'gateway', 'gateway-thread-main.js')].find((p) => existsSync(p))!;

/**
 * The HJ 212 gateway in a worker thread of this process, handing its batches to the sink here (the ingest). Sockets,
 * framing, CRC and acknowledgements then no longer share one thread with storing and judging: at ten thousand
 * frames a second a single thread was the limit on a two-core machine. Its counters arrive four times a second. A
 * thread that stops unasked is started again on the same port (its devices reconnect and resend what was not answered).
 */
export class GatewayThread {
  readonly counters = new GatewayCounters();
  connectionCount = 0;
  port = 0;
  private worker?: Worker;
  private closing = false;

  private constructor(
    private readonly data: GatewayThreadData,
    private readonly sink: FrameSink,
    private readonly logger: Pick<JsonLogger, 'emit'>,
  ) {}

  static async start(data: GatewayThreadData, sink: FrameSink, logger: Pick<JsonLogger, 'emit'>): Promise<GatewayThread> {
    const thread = new GatewayThread(data, sink, logger);
    await thread.spawn();
    return thread;
  }

  /** Stops listening and closes the connections once the frames in hand are settled. */
  async close(): Promise<void> {
    this.closing = true;
    const worker = this.worker;
    if (!worker) return;
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    worker.postMessage({ type: 'close' } satisfies ToGateway);
    await exited;
  }

  private spawn(): Promise<void> {
    const worker = new Worker(ENTRY, { workerData: { ...this.data, options: { ...this.data.options, port: this.port || this.data.options.port } } });
    this.worker = worker;
    const send = (message: ToGateway) => worker.postMessage(message);
    return new Promise((resolve, reject) => {
      let listening = false;
      worker.on('message', (message: FromGateway) => {
        if (message.type === 'frames') {
          this.sink.accept(unpackFrames(message.batch)).then(
            () => send({ type: 'durable', id: message.id, ok: true }),
            () => send({ type: 'durable', id: message.id, ok: false }), // the ingest logged why
          );
        } else if (message.type === 'counters') {
          Object.assign(this.counters, message.counters);
          this.connectionCount = message.connections;
        } else if (message.type === 'log') {
          this.logger.emit(message.level, message.msg, message.fields);
        } else if (message.type === 'listening') {
          listening = true;
          this.port = message.port;
          resolve();
        } else if (message.type === 'failed') {
          reject(new Error(`HJ 212 gateway thread failed: ${message.error}`));
          void worker.terminate();
        }
      });
      worker.on('error', (error) => (listening ? this.logger.emit('error', 'HJ 212 gateway thread failed', { error: String(error) }) : reject(error)));
      worker.on('exit', (code) => {
        if (this.closing || !listening) return;
        this.logger.emit('error', 'HJ 212 gateway thread stopped; starting it again', { code });
        this.spawn().catch((error) => this.logger.emit('error', 'HJ 212 gateway thread could not be started again', { error: String(error) }));
      });
    });
  }
}
