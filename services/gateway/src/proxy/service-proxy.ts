import { request as httpRequest, type IncomingMessage } from 'node:http';
import { context, propagation } from '@opentelemetry/api';
import type { NextFunction, Request, Response } from 'express';

/** Which service answers which path prefix. */
export type Routes = Record<string, string>;

/** Paths outside /api/<service>/ that a service answers (the Open311 façade is intake's). */
const ALIASES: Record<string, string> = { open311: 'intake' };

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-authenticate', 'proxy-authorization', 'te', 'trailer', 'transfer-encoding', 'upgrade', 'host']);

function unavailable(res: Response, service: string): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const zh = `服务暂不可用（${service}），请稍后再试`;
  const en = `The ${service} service is unavailable; try again shortly`;
  res.status(502).json({ statusCode: 502, code: 'SERVICE_UNAVAILABLE', message: `${zh} / ${en}`, zh, en });
}

/**
 * Streams /api/<service>/… to the service unchanged (body, Authorization, If-Match), adding the trace context
 * so one trace follows the request through the gateway into the service.
 */
export function serviceProxy(routes: () => Routes) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const match = req.path.match(/^\/api\/([a-z-]+)(?:\/|$)/) ?? req.path.match(/^\/(open311)(?:\/|$)/);
    const service = match ? (ALIASES[match[1]] ?? match[1]) : undefined;
    const target = service ? routes()[service] : undefined;
    if (!match || !service || !target) return next();
    const headers: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined && !HOP_BY_HOP.has(name)) headers[name] = value;
    }
    const forwarded = req.headers['x-forwarded-for'];
    headers['x-forwarded-for'] = [forwarded, req.socket.remoteAddress].flat().filter(Boolean).join(', ');
    propagation.inject(context.active(), headers);
    const url = new URL(req.originalUrl, target);
    const upstream = httpRequest(url, { method: req.method, headers }, (answer: IncomingMessage) => {
      const out: Record<string, string | string[]> = {};
      for (const [name, value] of Object.entries(answer.headers)) {
        if (value !== undefined && !HOP_BY_HOP.has(name)) out[name] = value;
      }
      res.writeHead(answer.statusCode ?? 502, out);
      answer.pipe(res);
    });
    upstream.setTimeout(60_000, () => upstream.destroy(new Error('upstream timeout')));
    upstream.on('error', () => unavailable(res, service));
    req.pipe(upstream);
  };
}
