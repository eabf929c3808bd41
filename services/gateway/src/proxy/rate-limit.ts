import type { NextFunction, Request, Response } from 'express';

export interface RateLimits {
  /** public writes per client per minute (a report, an Open311 request, identifying or claiming with a receipt code) */
  reportsPerMinute: number;
  /** public reads per client per minute (receipt lookups, reward status, bounties, Open311 lists) */
  readsPerMinute: number;
}

export const DEFAULT_RATE_LIMITS: RateLimits = { reportsPerMinute: 10, readsPerMinute: 120 };

interface Bucket {
  tokens: number;
  at: number;
}

/** Which limit a public request falls under; staff endpoints are behind sign-in and not limited here. */
function kindOf(req: Request): keyof RateLimits | undefined {
  const publicPath = req.path.startsWith('/api/intake/receipts/') || req.path.startsWith('/api/rewards/public/') || req.path.startsWith('/api/enforcement/public/') || req.path.startsWith('/open311/');
  // Writes that take a receipt code (identify, claim) count like reports: few per minute, so codes cannot be guessed.
  if (req.method === 'POST' && (req.path === '/api/intake/reports' || req.path === '/open311/v2/requests.json' || publicPath)) return 'reportsPerMinute';
  if (req.method === 'GET' && publicPath) return 'readsPerMinute';
  return undefined;
}

/**
 * Token buckets per client address and kind, in this gateway process (several gateways each keep their own).
 * A client over its limit gets 429 with Retry-After, in Chinese and English.
 */
export function rateLimit(limits: RateLimits, now: () => number = Date.now) {
  const buckets = new Map<string, Bucket>();
  let sweptAt = now();
  return (req: Request, res: Response, next: NextFunction): void => {
    const kind = kindOf(req);
    if (!kind) return next();
    const perMinute = limits[kind];
    const key = `${kind}:${req.ip ?? req.socket.remoteAddress}`;
    const t = now();
    if (t - sweptAt > 10 * 60_000) {
      for (const [k, b] of buckets) if (t - b.at > 60_000) buckets.delete(k);
      sweptAt = t;
    }
    const bucket = buckets.get(key) ?? { tokens: perMinute, at: t };
    bucket.tokens = Math.min(perMinute, bucket.tokens + ((t - bucket.at) / 60_000) * perMinute);
    bucket.at = t;
    buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return next();
    }
    const retryAfter = Math.ceil(((1 - bucket.tokens) * 60) / perMinute);
    res.setHeader('Retry-After', String(retryAfter));
    const zh = `提交过于频繁，请 ${retryAfter} 秒后再试`;
    const en = `Too many requests; try again in ${retryAfter} s`;
    res.status(429).json({ statusCode: 429, code: 'RATE_LIMITED', message: `${zh} / ${en}`, zh, en });
  };
}
