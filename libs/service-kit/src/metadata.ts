import type { Actor, EventMetadata } from '@qingyuan/contracts';
import type { Principal } from '@qingyuan/auth';
import { activeTraceparent } from '@qingyuan/messaging';
import { activeTraceId } from '@qingyuan/telemetry';
import { randomUUID } from 'node:crypto';

/** Who acts: a staff member in their official capacity, or the public (never identified in events). */
export function actorOf(principal: Principal | undefined): Actor {
  return principal
    ? { kind: 'user', id: principal.userId, name: principal.name, roles: principal.roles }
    : { kind: 'public' };
}

/** Metadata for events caused by an HTTP request or by a consumed event. */
export function eventMetadata(
  actor: Actor,
  options: { commandId?: string; causationId?: string; correlationId?: string; occurredAt?: string } = {},
): EventMetadata {
  return {
    actor,
    correlationId: options.correlationId ?? activeTraceId() ?? randomUUID(),
    causationId: options.causationId,
    traceparent: activeTraceparent(),
    commandId: options.commandId,
    occurredAt: options.occurredAt ?? new Date().toISOString(),
  };
}
