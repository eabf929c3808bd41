/**
 * What every domain event carries besides its data. Metadata never holds a reporter's identity:
 * a public reporter appears only as the actor kind 'public'.
 */
export type ActorKind = 'user' | 'public' | 'system' | 'device' | 'agency';

export interface Actor {
  kind: ActorKind;
  /** user id, service name or device MN; absent for a public reporter */
  id?: string;
  /** display name of a staff user (staff act in their official capacity) */
  name?: string;
  roles?: string[];
}

export interface EventMetadata {
  actor: Actor;
  correlationId: string;
  causationId?: string;
  /** W3C trace context of the request that caused the event */
  traceparent?: string;
  commandId?: string;
  /** business time: legal time limits run from it */
  occurredAt: string;
  [extension: string]: unknown;
}

/** Topics: one per producing service. */
export const TOPICS = {
  intake: 'qingyuan.intake.events',
  cases: 'qingyuan.cases.events',
  rewards: 'qingyuan.rewards.events',
} as const;

/** Stream ids of intake's other aggregates. */
export const PATROL_STREAM_PREFIX = 'patrol-';
export const PRIVACY_STREAM_PREFIX = 'privacy-';

export type ServiceName = keyof typeof TOPICS;

export function deadLetterTopic(topic: string): string {
  return `${topic}.dlq`;
}
