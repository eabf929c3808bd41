import { ROOT_CONTEXT, SpanKind, context, propagation, trace } from '@opentelemetry/api';
import type { NextFunction, Request, Response } from 'express';

const tracer = trace.getTracer('qingyuan-http');

/** One server span per request, continuing the caller's trace (the gateway's, or a browser's traceparent). */
export function httpTracing(service: string) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const parent = propagation.extract(ROOT_CONTEXT, req.headers);
    const span = tracer.startSpan(
      `HTTP ${req.method}`,
      { kind: SpanKind.SERVER, attributes: { 'http.request.method': req.method, 'url.path': req.path, 'service.name': service } },
      parent,
    );
    res.on('finish', () => {
      span.setAttribute('http.response.status_code', res.statusCode);
      if (req.route?.path) span.updateName(`HTTP ${req.method} ${req.route.path}`);
      span.end();
    });
    context.with(trace.setSpan(parent, span), () => next());
  };
}
