import { startCasesService } from '@qingyuan/cases-service';
import { startEnforcementService } from '@qingyuan/enforcement-service';
import { startJudicialService } from '@qingyuan/judicial-bridge-service';
import { startMonitoringService, type RunningMonitoring } from '@qingyuan/monitoring-service';
import { DEFAULT_RATE_LIMITS, startGateway, type RateLimits, type RunningGateway } from '@qingyuan/gateway-service';
import { startIntakeService } from '@qingyuan/intake-service';
import { startRewardsService } from '@qingyuan/rewards-service';
import type { EventBus } from '@qingyuan/messaging';
import type { RunningService } from '@qingyuan/service-kit';
import type { PlatformSecrets } from './secrets';

export interface PlatformOptions {
  databaseUrl: string;
  bus: EventBus;
  secrets: PlatformSecrets;
  /** the gateway's port; the services take free ports on 127.0.0.1 */
  port: number;
  host?: string;
  rateLimits?: RateLimits;
  trustProxy?: number;
  open311ApiKeys?: string[];
  mapTiles?: { url: string; subdomains?: string[]; zoom?: number };
  /** the issuing authority named in enforcement's exports (default 金华市生态环境局义乌分局) */
  authority?: string;
  /** the HJ 212 port data loggers connect to (default 9212; 0 takes a free one) */
  hj212Port?: number;
  hj212Mode?: 'strict' | 'lenient';
}

export interface RunningPlatform {
  gateway: RunningGateway;
  services: RunningService[];
  monitoring: RunningMonitoring;
  /** stops HTTP, relays and the bus's consumers, then releases the databases */
  stop(): Promise<void>;
}

/** Every service in this process, each on its own port, behind the gateway. */
export async function startPlatform(options: PlatformOptions): Promise<RunningPlatform> {
  const common = { databaseUrl: options.databaseUrl, bus: options.bus, authSecret: options.secrets.authSecret, port: 0 };
  const intake = await startIntakeService({ ...common, masterKey: options.secrets.masterKey, open311ApiKeys: options.open311ApiKeys });
  const cases = await startCasesService(common);
  const rewards = await startRewardsService(common);
  const enforcement = await startEnforcementService({ ...common, authority: options.authority });
  const judicial = await startJudicialService(common);
  const monitoring = await startMonitoringService({ ...common, hj212: { port: options.hj212Port ?? 9212, host: options.host, mode: options.hj212Mode, thread: true } });
  const gateway = await startGateway({
    databaseUrl: options.databaseUrl,
    authSecret: options.secrets.authSecret,
    services: { intake: intake.url, cases: cases.url, rewards: rewards.url, enforcement: enforcement.url, judicial: judicial.url, monitoring: monitoring.url },
    port: options.port,
    host: options.host,
    rateLimits: options.rateLimits ?? DEFAULT_RATE_LIMITS,
    trustProxy: options.trustProxy,
    mapTiles: options.mapTiles,
  });
  const services = [intake, cases, rewards, enforcement, judicial, monitoring];
  return {
    gateway,
    services,
    monitoring,
    async stop() {
      await gateway.stop();
      for (const service of services) await service.stop();
      await options.bus.close();
      for (const service of [gateway, ...services]) await service.close();
    },
  };
}
