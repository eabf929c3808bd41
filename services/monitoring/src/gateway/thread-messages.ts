import type { LogLevel } from '@qingyuan/telemetry';
import type { AcceptedFrame } from '../ingest/frames';
import type { GatewayCounters } from './gateway-counters';
import type { GatewayOptions } from './hj212-gateway';

/** What the gateway thread is started with (plain data: it crosses to another thread). */
export interface GatewayThreadData {
  databaseUrl: string;
  options: Omit<GatewayOptions, 'clock'>;
  /** how often the thread's copy of the device registry looks for changes */
  refreshMs: number;
}

/** From the gateway thread to its parent. */
export type FromGateway =
  | { type: 'listening'; port: number }
  | { type: 'frames'; id: number; batch: PackedFrames }
  | { type: 'counters'; counters: GatewayCounters; connections: number }
  | { type: 'log'; level: LogLevel; msg: string; fields: Record<string, unknown> }
  | { type: 'failed'; error: string };

/** From the parent to the gateway thread. */
export type ToGateway = { type: 'durable'; id: number; ok: boolean } | { type: 'close' };

/**
 * A batch of frames as one buffer (moved, not copied, to the other thread) and an index: a Buffer from Node's pool
 * would otherwise take its whole 8 KB slab along, frame by frame.
 */
export interface PackedFrames {
  bytes: ArrayBuffer;
  mn: string[];
  ends: number[];
  receivedAt: number[];
  gateway: string;
}

export function packFrames(frames: AcceptedFrame[]): PackedFrames {
  let size = 0;
  for (const f of frames) size += f.data.length;
  const bytes = new Uint8Array(size);
  const ends: number[] = [];
  let at = 0;
  for (const f of frames) {
    bytes.set(f.data, at);
    at += f.data.length;
    ends.push(at);
  }
  return { bytes: bytes.buffer, mn: frames.map((f) => f.mn), ends, receivedAt: frames.map((f) => f.receivedAt), gateway: frames[0]?.gateway ?? '' };
}

export function unpackFrames(batch: PackedFrames): AcceptedFrame[] {
  const all = Buffer.from(batch.bytes);
  return batch.ends.map((end, i) => ({ mn: batch.mn[i], data: all.subarray(i === 0 ? 0 : batch.ends[i - 1], end), receivedAt: batch.receivedAt[i], gateway: batch.gateway }));
}
