import type { Sql } from '@qingyuan/event-store';
import { RuleVersionStore, type Versioned } from '@qingyuan/service-kit';
import type { AlarmRules } from '../domain/alarm-rules';

export type MonitoringRuleKinds = { 'alarm-rules': AlarmRules };

export const monitoringRules = (db: Sql) => new RuleVersionStore<MonitoringRuleKinds>(db, 'monitoring');

/** The current alarm rules, looked up at most every few seconds: every batch of frames needs them. */
export class AlarmRuleSource {
  private cached?: { at: number; value: Versioned<AlarmRules> };

  constructor(
    private readonly rules: RuleVersionStore<MonitoringRuleKinds>,
    private readonly ttlMs = 5000,
  ) {}

  async current(): Promise<Versioned<AlarmRules>> {
    if (this.cached && Date.now() - this.cached.at < this.ttlMs) return this.cached.value;
    const value = await this.rules.current('alarm-rules');
    this.cached = { at: Date.now(), value };
    return value;
  }

  /** After a new version is saved here, use it at once. */
  forget(): void {
    this.cached = undefined;
  }
}
