import { SpanKind, SpanStatusCode, trace, type Attributes, type Span } from '@opentelemetry/api';
import { NodeSDK } from '@opentelemetry/sdk-node';
import type { ReadableSpan, SpanProcessor } from '@opentelemetry/sdk-trace-base';

/** Keeps a tracer provider registered (so trace ids exist for logs and propagation) when nothing is exported. */
class DiscardingSpanProcessor implements SpanProcessor {
  onStart(): void {}
  onEnd(_span: ReadableSpan): void {}
  async forceFlush(): Promise<void> {}
  async shutdown(): Promise<void> {}
}

export interface Telemetry {
  shutdown(): Promise<void>;
}

let running: Telemetry | undefined;

/**
 * Start OpenTelemetry once per process. Exporters come from the standard OTEL_* variables
 * (e.g. OTEL_EXPORTER_OTLP_ENDPOINT); without them spans are made for propagation and logs but not exported.
 */
export function startTelemetry(options: { serviceName: string; spanProcessors?: SpanProcessor[] }): Telemetry {
  if (running) return running;
  const fromEnv = Boolean(process.env.OTEL_EXPORTER_OTLP_ENDPOINT || process.env.OTEL_TRACES_EXPORTER);
  const sdk = new NodeSDK({
    serviceName: options.serviceName,
    instrumentations: [],
    spanProcessors: options.spanProcessors ?? (fromEnv ? undefined : [new DiscardingSpanProcessor()]),
  });
  sdk.start();
  running = {
    async shutdown() {
      running = undefined;
      await sdk.shutdown();
    },
  };
  return running;
}

const tracer = trace.getTracer('qingyuan');

/** Run work in an active span; errors mark the span and propagate. */
export async function inSpan<T>(
  name: string,
  attributes: Attributes,
  work: (span: Span) => Promise<T>,
  kind: SpanKind = SpanKind.INTERNAL,
): Promise<T> {
  return tracer.startActiveSpan(name, { kind, attributes }, async (span) => {
    try {
      return await work(span);
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
      throw error;
    } finally {
      span.end();
    }
  });
}

/** The active trace id, used as the correlation id of logs and events. */
export function activeTraceId(): string | undefined {
  const context = trace.getActiveSpan()?.spanContext();
  return context && context.traceId !== '00000000000000000000000000000000' ? context.traceId : undefined;
}
