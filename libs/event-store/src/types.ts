import type { EventMetadata } from '@qingyuan/contracts';
import type { DomainEvent } from '@qingyuan/domain';

/** An event as a decider produces it. */
export type NewEvent<T extends string = string, D = unknown> = DomainEvent<T, D>;

/** An event as stored: position, version, hash chain. */
export interface StoredEvent<T extends string = string, D = unknown> {
  globalPosition: bigint;
  txId: string;
  streamId: string;
  streamVersion: number;
  eventId: string;
  type: T;
  schemaVersion: number;
  data: D;
  metadata: EventMetadata;
  recordedAt: string;
  prevHash: Buffer;
  hash: Buffer;
}

/** Where a reader of the whole log stands: (transaction id, global position). */
export interface LogPosition {
  txId: string;
  position: bigint;
}

export const LOG_START: LogPosition = { txId: '0', position: 0n };

/** The expected version of a stream when appending. */
export type ExpectedVersion = number | 'no-stream' | 'any';

export interface AppendResult {
  streamId: string;
  /** version of the last appended event */
  nextVersion: number;
  events: StoredEvent[];
}
