import type { DynamicModule, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { JsonLogger } from '@qingyuan/telemetry';
import { BilingualErrorFilter } from './error-filter';
import { httpTracing } from './http-tracing';
import { setupSwagger } from './swagger';
import { bilingualValidationPipe } from './validation';

export interface HttpServiceOptions {
  name: string;
  title: string;
  description: string;
  /** 0 picks a free port */
  port: number;
  host?: string;
  logger?: JsonLogger;
  bodyLimit?: string;
  /** also parse application/x-www-form-urlencoded bodies */
  urlencoded?: boolean;
  /** the service's own Swagger UI at /docs (the gateway serves a merged one instead) */
  swagger?: boolean;
  /** express middleware that must run before body parsing (the gateway's proxy) */
  beforeBodyParser?: (app: NestExpressApplication) => void;
  /** routes added outside Nest's controllers must be in place before listening */
  beforeListen?: (app: NestExpressApplication) => void;
}

/** A Nest HTTP app with Qingyuan's edges: JSON logs, tracing, bilingual validation and errors, Swagger at /docs. */
export async function startHttpService(
  module: Type<unknown> | DynamicModule,
  options: HttpServiceOptions,
): Promise<{ app: NestExpressApplication; url: string }> {
  const logger = options.logger ?? new JsonLogger(options.name);
  const app = await NestFactory.create<NestExpressApplication>(module, { logger, bodyParser: false });
  app.use(httpTracing(options.name));
  options.beforeBodyParser?.(app);
  app.useBodyParser('json', { limit: options.bodyLimit ?? '1mb' });
  if (options.urlencoded) app.useBodyParser('urlencoded', { limit: options.bodyLimit ?? '1mb', extended: false });
  app.useGlobalPipes(bilingualValidationPipe());
  app.useGlobalFilters(new BilingualErrorFilter(logger));
  if (options.swagger !== false) setupSwagger(app, options.title, options.description);
  options.beforeListen?.(app);
  await app.listen(options.port, options.host ?? '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  return { app, url: `http://127.0.0.1:${address.port}` };
}
