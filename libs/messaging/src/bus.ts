import type { EventEnvelope } from './envelope';

/** What a consumer does with one event. It must be idempotent: delivery is at-least-once. */
export type EventHandler = (event: EventEnvelope) => Promise<void>;

export interface DeadLetter {
  group: string;
  topic: string;
  event: EventEnvelope;
  error: string;
  attempts: number;
}

export interface Subscription {
  /** consumer group: each group gets every event once; members of a group share partitions */
  group: string;
  topics: string[];
  handle: EventHandler;
  /** where a message goes after its retries are used up, besides the `.dlq` topic on Kafka */
  deadLetter?: (letter: DeadLetter) => Promise<void>;
}

export interface RetryPolicy {
  attempts: number;
  initialDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 5, initialDelayMs: 100, maxDelayMs: 5000 };

/** The bus port. Adapters: Kafka (distributed) and in-process (embedded). */
export interface EventBus {
  readonly kind: 'kafka' | 'in-process';
  /** resolves when every message is durably accepted (Kafka acks=all) or handled by every group (in-process) */
  publish(topic: string, events: EventEnvelope[]): Promise<void>;
  subscribe(subscription: Subscription): Promise<void>;
  /** false while the adapter cannot publish or consume */
  isHealthy(): boolean;
  close(): Promise<void>;
}
