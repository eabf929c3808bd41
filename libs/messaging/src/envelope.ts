/**
 * A domain event on the wire: CloudEvents 1.0 attributes plus Qingyuan's extensions
 * (lower-case alphanumeric names, as CloudEvents requires). The data never holds a reporter's identity.
 */
export interface EventEnvelope<D = unknown> {
  specversion: '1.0';
  id: string;
  source: string;
  type: string;
  time: string;
  subject: string;
  datacontenttype: 'application/json';
  data: D;
  /** extensions */
  streamversion: number;
  schemaversion: number;
  globalposition: string;
  correlationid: string;
  causationid?: string;
  traceparent?: string;
  /** who did it (kind and id, never a public reporter's identity) and when it happened in business time */
  actor: { kind: string; id?: string; name?: string };
  occurredat: string;
  hash: string;
}

/** The shape of a stored event the envelope is made from (structural, so messaging needs no event-store import). */
export interface EventLike {
  eventId: string;
  streamId: string;
  streamVersion: number;
  schemaVersion: number;
  globalPosition: bigint;
  type: string;
  data: unknown;
  recordedAt: string;
  hash: Buffer;
  metadata: {
    actor: { kind: string; id?: string; name?: string };
    correlationId: string;
    causationId?: string;
    traceparent?: string;
    occurredAt: string;
  };
}

export function toEnvelope(event: EventLike, source: string): EventEnvelope {
  const m = event.metadata;
  return {
    specversion: '1.0',
    id: event.eventId,
    source,
    type: event.type,
    time: event.recordedAt,
    subject: event.streamId,
    datacontenttype: 'application/json',
    data: event.data,
    streamversion: event.streamVersion,
    schemaversion: event.schemaVersion,
    globalposition: event.globalPosition.toString(),
    correlationid: m.correlationId,
    causationid: m.causationId,
    traceparent: m.traceparent,
    actor: { kind: m.actor.kind, id: m.actor.id, name: m.actor.name },
    occurredat: m.occurredAt,
    hash: event.hash.toString('hex'),
  };
}

const ATTRIBUTES: Array<keyof EventEnvelope> = [
  'specversion', 'id', 'source', 'type', 'time', 'subject', 'streamversion', 'schemaversion', 'globalposition',
  'correlationid', 'causationid', 'occurredat', 'hash',
];

/** Kafka binary content mode: attributes as `ce_` headers, data as the message value. */
export function toKafkaMessage(envelope: EventEnvelope): { key: string; value: string; headers: Record<string, string> } {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  for (const name of ATTRIBUTES) {
    const value = envelope[name];
    if (value !== undefined && value !== null) headers[`ce_${name}`] = String(value);
  }
  headers.ce_actor = JSON.stringify(envelope.actor);
  if (envelope.traceparent) headers.traceparent = envelope.traceparent;
  return { key: envelope.subject, value: JSON.stringify(envelope.data), headers };
}

export function fromKafkaMessage(headers: Record<string, string>, value: string): EventEnvelope {
  const required = (name: string) => {
    const v = headers[`ce_${name}`];
    if (v === undefined) throw new Error(`message without CloudEvents attribute ce_${name}`);
    return v;
  };
  return {
    specversion: '1.0',
    id: required('id'),
    source: required('source'),
    type: required('type'),
    time: required('time'),
    subject: required('subject'),
    datacontenttype: 'application/json',
    data: JSON.parse(value),
    streamversion: Number(required('streamversion')),
    schemaversion: Number(required('schemaversion')),
    globalposition: required('globalposition'),
    correlationid: required('correlationid'),
    causationid: headers.ce_causationid,
    traceparent: headers.traceparent,
    actor: JSON.parse(headers.ce_actor ?? '{"kind":"system"}'),
    occurredat: required('occurredat'),
    hash: required('hash'),
  };
}
