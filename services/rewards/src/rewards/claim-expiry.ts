import type { BackgroundWorker } from '@qingyuan/service-kit';
import type { JsonLogger } from '@qingyuan/telemetry';
import type { RewardWorkflow } from './reward-workflow';

/**
 * Closes rewards whose claim period ended unclaimed (逾期未申领). Expiring is idempotent, so a restart, a second
 * rewards process or a repeated tick changes nothing twice.
 */
export class ClaimExpiry implements BackgroundWorker {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly workflow: RewardWorkflow,
    private readonly logger: JsonLogger,
    private readonly intervalMs = 60_000,
  ) {}

  start(): void {
    const loop = () => {
      this.running = this.workflow
        .expireDue()
        .then(() => undefined)
        .catch((error) => this.logger.emit('warn', 'claim expiry failed; will retry', { error: error instanceof Error ? error.message : String(error) }))
        .finally(() => {
          if (this.timer !== undefined) this.timer = setTimeout(loop, this.intervalMs);
        });
    };
    this.timer = setTimeout(loop, 0);
  }

  async stop(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }
}
