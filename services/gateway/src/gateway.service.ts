import { join } from 'node:path';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Db } from '@qingyuan/event-store';
import { openDatabase, startHttpService, type HealthCheck, type RunningService } from '@qingyuan/service-kit';
import { JsonLogger } from '@qingyuan/telemetry';
import { GatewayModule } from './gateway.module';
import { UserDirectory } from './identity/user-directory';
import { IdentityInitial1764400000000 } from './migrations/1764400000000-identity-initial';
import { IdentityOrganisations1764500000000 } from './migrations/1764500000000-identity-organisations';
import { OpenApiCatalogue } from './proxy/openapi-catalogue';
import { DEFAULT_RATE_LIMITS, rateLimit, type RateLimits } from './proxy/rate-limit';
import { serviceProxy, type Routes } from './proxy/service-proxy';
import { webUi } from './proxy/web-ui';

export interface GatewayConfig {
  databaseUrl: string;
  authSecret: string;
  /** service name → base URL, e.g. { intake: 'http://127.0.0.1:8081' } */
  services: Routes;
  port: number;
  host?: string;
  sessionTtlSeconds?: number;
  rateLimits?: RateLimits;
  /** honour X-Forwarded-For from this many proxies in front (for rate limits by client address) */
  trustProxy?: number;
  /** the built web UI (web/dist); the default is the one next to this package */
  webRoot?: string;
  /** a raster tile source for the maps, e.g. 天地图 with the city's key; none by default (offline SVG maps) */
  mapTiles?: { url: string; subdomains?: string[]; zoom?: number };
}

export interface RunningGateway extends RunningService {
  users: UserDirectory;
  /** set when this start created the first administrator */
  adminPassword?: string;
}

/** services/gateway/dist → web/dist in the repository (and in the container image). */
const DEFAULT_WEB_ROOT = join(__dirname, '..', '..', '..', 'web', 'dist');

export const GATEWAY_MIGRATIONS = [IdentityInitial1764400000000, IdentityOrganisations1764500000000];

function serviceHealth(name: string, url: string): HealthCheck {
  return {
    name,
    async check() {
      const answer = await fetch(new URL('/health', url), { signal: AbortSignal.timeout(2500) });
      if (!answer.ok) {
        const body = (await answer.json().catch(() => ({}))) as { checks?: Record<string, string> };
        const failing = Object.entries(body.checks ?? {}).filter(([, v]) => v !== 'ok').map(([k, v]) => `${k}: ${v}`);
        throw new Error(failing.length ? failing.join('; ') : `HTTP ${answer.status}`);
      }
    },
  };
}

/** The one HTTP entry: sign-in and accounts, the proxy to each service, merged OpenAPI, platform health. */
export async function startGateway(config: GatewayConfig): Promise<RunningGateway> {
  const logger = new JsonLogger('gateway');
  const dataSource = await openDatabase({ url: config.databaseUrl, schema: 'identity', migrations: GATEWAY_MIGRATIONS });
  const users = new UserDirectory(new Db(dataSource));
  const adminPassword = await users.ensureAdmin();
  const routes = () => config.services;
  const catalogue = new OpenApiCatalogue(routes);
  const checks: HealthCheck[] = [
    { name: 'gateway.database', check: async () => void (await dataSource.query('SELECT 1')) },
    ...Object.entries(config.services).map(([name, url]) => serviceHealth(name, url)),
  ];
  const { app, url } = await startHttpService(
    GatewayModule.register({ users, catalogue, authSecret: config.authSecret, sessionTtlSeconds: config.sessionTtlSeconds ?? 8 * 3600, healthChecks: checks }),
    {
      name: 'gateway',
      title: 'Qingyuan 清源',
      description: '',
      port: config.port,
      host: config.host ?? '0.0.0.0',
      logger,
      swagger: false,
      beforeBodyParser: (express) => {
        if (config.trustProxy) express.set('trust proxy', config.trustProxy);
        express.use(rateLimit(config.rateLimits ?? DEFAULT_RATE_LIMITS));
        express.use(serviceProxy(routes));
        express.use(webUi({ root: config.webRoot ?? DEFAULT_WEB_ROOT, config: { tiles: config.mapTiles ?? null } }));
      },
      beforeListen: (nest) => {
        const own = SwaggerModule.createDocument(
          nest,
          new DocumentBuilder()
            .setTitle('Qingyuan 清源 API')
            .setDescription('清源：环境污染问题发现与闭环处置平台 — 网关与各服务合并的接口文档 / Qingyuan platform API: the gateway and every service')
            .setVersion('0.1.0')
            .addBearerAuth()
            .build(),
        );
        catalogue.setOwn(own);
        SwaggerModule.setup('docs', nest, own, { swaggerOptions: { url: '/openapi.json' }, customSiteTitle: 'Qingyuan 清源 API' });
      },
    },
  );
  return {
    name: 'gateway',
    url,
    users,
    adminPassword,
    async stop() {
      await app.close();
    },
    async close() {
      await dataSource.destroy();
    },
  };
}
