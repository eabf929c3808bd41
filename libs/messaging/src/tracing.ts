import { ROOT_CONTEXT, SpanKind, SpanStatusCode, context, propagation, trace } from '@opentelemetry/api';
import type { EventEnvelope } from './envelope';

const tracer = trace.getTracer('qingyuan-messaging');

/** Record the hop onto the bus as a span, child of the request that appended the event. */
export function tracePublish(topic: string, envelope: EventEnvelope): EventEnvelope {
  const parent = propagation.extract(ROOT_CONTEXT, { traceparent: envelope.traceparent ?? '' });
  const span = tracer.startSpan(
    `publish ${envelope.type}`,
    { kind: SpanKind.PRODUCER, attributes: { 'messaging.destination.name': topic, 'messaging.message.id': envelope.id } },
    parent,
  );
  const carrier: Record<string, string> = {};
  propagation.inject(trace.setSpan(parent, span), carrier);
  span.end();
  return carrier.traceparent ? { ...envelope, traceparent: carrier.traceparent } : envelope;
}

/** Run a consumer's handler inside a span that continues the producer's trace. */
export async function traceConsume<T>(group: string, envelope: EventEnvelope, work: () => Promise<T>): Promise<T> {
  const parent = propagation.extract(ROOT_CONTEXT, { traceparent: envelope.traceparent ?? '' });
  return tracer.startActiveSpan(
    `process ${envelope.type}`,
    { kind: SpanKind.CONSUMER, attributes: { 'messaging.consumer.group.name': group, 'messaging.message.id': envelope.id } },
    parent,
    async (span) => {
      try {
        return await work();
      } catch (error) {
        span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
        throw error;
      } finally {
        span.end();
      }
    },
  );
}

/** The traceparent of the active span, to stamp on events appended now. */
export function activeTraceparent(): string | undefined {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier.traceparent;
}
