import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type NextFunction, type Request, type Response } from 'express';

/** Paths the gateway or the services answer; everything else that is a GET belongs to the web UI. */
const NOT_UI = /^\/(api|open311|docs|docs-json|health|openapi\.json)(\/|$)/;

export interface WebUiOptions {
  /** web/dist: index.html (public and field pages), console.html (staff console), assets/ */
  root: string;
  /** runtime settings the pages read from /web-config.json (e.g. a map tile source) */
  config: Record<string, unknown>;
}

/**
 * Serves the built web UI: static assets with long caching (their names carry a hash), the console's pages under
 * /console, and the public pages everywhere else, so client-side routes survive a reload.
 */
export function webUi(options: WebUiOptions) {
  const assets = express.static(options.root, { index: false, immutable: true, maxAge: '365d' });
  const page = (name: string) => join(options.root, name);
  const available = existsSync(page('index.html'));
  return (req: Request, res: Response, next: NextFunction): void => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (NOT_UI.test(req.path)) return next();
    if (req.path === '/web-config.json') {
      res.json(options.config);
      return;
    }
    if (!available) return next();
    if (req.path.startsWith('/assets/')) return assets(req, res, next);
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(page(req.path === '/console' || req.path.startsWith('/console/') ? 'console.html' : 'index.html'));
  };
}
