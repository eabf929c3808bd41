import { parentPort, workerData } from 'node:worker_threads';
import { Db } from '@qingyuan/event-store';
import { DataSource } from 'typeorm';
import type { AcceptedFrame, FrameSink } from '../ingest/frames';
import { DeviceDirectory } from '../registry/device-directory';
import { Hj212Gateway } from './hj212-gateway';
import { packFrames, type FromGateway, type GatewayThreadData, type ToGateway } from './thread-messages';

/**
 * The HJ 212 gateway in a thread of its own (see gateway-thread.ts): sockets, framing, CRC, the PW check and the
 * answers here; storing and judging in the parent, which says when a batch is durable.
 */
const port = parentPort!;
const data = workerData as GatewayThreadData;
const post = (message: FromGateway, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);
const logger = { emit: (level: 'error' | 'warn' | 'info' | 'debug', msg: string, fields: Record<string, unknown> = {}) => post({ type: 'log', level, msg, fields }) };

class ParentSink implements FrameSink {
  private next = 0;
  private readonly waiting = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();

  accept(frames: AcceptedFrame[]): Promise<void> {
    const id = this.next++;
    const batch = packFrames(frames);
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      post({ type: 'frames', id, batch }, [batch.bytes]);
    });
  }

  settle(id: number, ok: boolean): void {
    const w = this.waiting.get(id);
    this.waiting.delete(id);
    if (ok) w?.resolve();
    else w?.reject(new Error('not stored by the ingest'));
  }
}

async function main(): Promise<void> {
  const dataSource = await new DataSource({ type: 'postgres', url: data.databaseUrl, extra: { max: 2 } }).initialize();
  const directory = new DeviceDirectory(new Db(dataSource));
  await directory.refresh();
  const refresh = setInterval(() => directory.refresh().catch((e) => logger.emit('warn', 'device registry refresh failed', { error: String(e) })), data.refreshMs);
  const sink = new ParentSink();
  const gateway = new Hj212Gateway(data.options, directory, sink, logger);
  const counters = setInterval(() => post({ type: 'counters', counters: gateway.counters, connections: gateway.connectionCount }), 250);
  port.on('message', (message: ToGateway) => {
    if (message.type === 'durable') sink.settle(message.id, message.ok);
    if (message.type === 'close') {
      clearInterval(refresh);
      clearInterval(counters);
      void gateway
        .close()
        .then(() => post({ type: 'counters', counters: gateway.counters, connections: gateway.connectionCount }))
        .finally(() => dataSource.destroy())
        .finally(() => port.close());
    }
  });
  const { port: listening } = await gateway.listen();
  post({ type: 'listening', port: listening });
}

main().catch((error) => post({ type: 'failed', error: error instanceof Error ? (error.stack ?? error.message) : String(error) }));
