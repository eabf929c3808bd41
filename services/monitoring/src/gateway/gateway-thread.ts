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
 * frames a second a single thread was the limit on a two-core machine. Its counters arrive four times a second.
 */
export class GatewayThread {
  readonly counters = new GatewayCounters();
  connectionCount = 0;

  private constructor(
    private readonly worker: Worker,
    readonly port: number,
  ) {}

  static start(data: GatewayThreadData, sink: FrameSink, logger: Pick<JsonLogger, 'emit'>): Promise<GatewayThread> {
    const worker = new Worker(ENTRY, { workerData: data });
    const send = (message: ToGateway) => worker.postMessage(message);
    let thread: GatewayThread | undefined;
    return new Promise((resolve, reject) => {
      worker.on('message', (message: FromGateway) => {
        if (message.type === 'frames') {
          sink.accept(unpackFrames(message.batch)).then(
            () => send({ type: 'durable', id: message.id, ok: true }),
            () => send({ type: 'durable', id: message.id, ok: false }), // the ingest logged why
          );
        } else if (message.type === 'counters') {
          if (thread) {
            Object.assign(thread.counters, message.counters);
            thread.connectionCount = message.connections;
          }
        } else if (message.type === 'log') {
          logger.emit(message.level, message.msg, message.fields);
        } else if (message.type === 'listening') {
          resolve((thread = new GatewayThread(worker, message.port)));
        } else if (message.type === 'failed') {
          reject(new Error(`HJ 212 gateway thread failed: ${message.error}`));
          void worker.terminate();
        }
      });
      worker.on('error', (error) => (thread ? logger.emit('error', 'HJ 212 gateway thread failed', { error: String(error) }) : reject(error)));
    });
  }

  /** Stops listening and closes the connections once the frames in hand are settled. */
  async close(): Promise<void> {
    const exited = new Promise<void>((resolve) => this.worker.once('exit', () => resolve()));
    this.worker.postMessage({ type: 'close' } satisfies ToGateway);
    await exited;
  }
}
