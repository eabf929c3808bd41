import type { Sql } from '@qingyuan/event-store';
import { periodically, type BackgroundWorker } from '@qingyuan/service-kit';
import type { JsonLogger } from '@qingyuan/telemetry';
import type { Channels } from './channels';
import { retryDelayMs, type RetryConfig } from './config';
import type { OutgoingMessage } from './message';
import type { ChannelKind } from './routing';

interface ClaimedDelivery {
  delivery_id: string;
  channel: ChannelKind;
  address: string;
  payload: OutgoingMessage;
  attempts: number;
  secret: string | null;
  recipient_active: boolean | null;
}

export interface TickResult {
  sent: number;
  retrying: number;
  failed: number;
}

const MAX_ERROR = 1000;

/**
 * Sends due deliveries. Claiming takes the rows with FOR UPDATE SKIP LOCKED and moves their next attempt a lease
 * ahead, in a short transaction: several processes share the work, no connection is held while a robot answers,
 * and a delivery claimed by a process that died is due again when the lease ends (at least once, never lost).
 */
export class DeliveryWorker {
  constructor(
    private readonly db: Sql,
    private readonly channels: Channels,
    private readonly retry: RetryConfig,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** Send everything due now, batch by batch. */
  async tick(): Promise<TickResult> {
    const total: TickResult = { sent: 0, retrying: 0, failed: 0 };
    for (;;) {
      const claimed = await this.claim();
      const results = await Promise.all(claimed.map((d) => this.attempt(d)));
      for (const r of results) total[r] += 1;
      if (claimed.length < this.retry.batchSize) return total;
    }
  }

  private async claim(): Promise<ClaimedDelivery[]> {
    const now = this.clock();
    const { rows } = await this.db.query<ClaimedDelivery>(
      `WITH due AS (
         SELECT delivery_id FROM monitoring.deliveries
          WHERE status = 'pending' AND next_attempt_at <= $1
          ORDER BY next_attempt_at LIMIT $2 FOR UPDATE SKIP LOCKED),
       claimed AS (
         UPDATE monitoring.deliveries d SET next_attempt_at = $3 FROM due WHERE d.delivery_id = due.delivery_id
         RETURNING d.delivery_id, d.recipient_id, d.channel, d.address, d.payload, d.attempts)
       SELECT c.delivery_id, c.channel, c.address, c.payload, c.attempts, r.secret, r.active AS recipient_active
         FROM claimed c LEFT JOIN monitoring.notification_recipients r ON r.recipient_id = c.recipient_id`,
      [now, this.retry.batchSize, new Date(now.getTime() + this.retry.leaseMs)],
    );
    return rows;
  }

  private async attempt(d: ClaimedDelivery): Promise<keyof TickResult> {
    if (!d.recipient_active) {
      // removed or deactivated since the event: the bureau no longer wants this address told
      await this.record(d, 'failed', 'recipient removed or deactivated before sending / 接收人已删除或停用', false);
      return 'failed';
    }
    try {
      await this.channels[d.channel].send(d.payload, { address: d.address, secret: d.secret });
    } catch (error) {
      const reason = (error instanceof Error ? error.message : String(error)).slice(0, MAX_ERROR);
      const attempts = d.attempts + 1;
      const giveUp = attempts >= this.retry.maxAttempts;
      await this.record(d, giveUp ? 'failed' : 'pending', reason, true);
      return giveUp ? 'failed' : 'retrying';
    }
    await this.record(d, 'sent', null, true);
    return 'sent';
  }

  private async record(d: ClaimedDelivery, status: 'sent' | 'pending' | 'failed', error: string | null, attempted: boolean): Promise<void> {
    const now = this.clock();
    const attempts = d.attempts + (attempted ? 1 : 0);
    const next = status === 'pending' ? new Date(now.getTime() + retryDelayMs(this.retry, attempts)) : null;
    await this.db.query(
      `UPDATE monitoring.deliveries SET status = $2::text, attempts = $3, next_attempt_at = $4, last_error = $5, sent_at = CASE WHEN $2::text = 'sent' THEN $6::timestamptz END
        WHERE delivery_id = $1 AND status = 'pending'`,
      [d.delivery_id, status, attempts, next, error, now],
    );
  }
}

/** The worker as the service runs it: a tick every `retry.pollMs`, never two at once in one process. */
export function deliveryWorker(db: Sql, channels: Channels, retry: RetryConfig, logger: JsonLogger, clock?: () => Date): BackgroundWorker & { worker: DeliveryWorker } {
  const worker = new DeliveryWorker(db, channels, retry, clock);
  return { worker, ...periodically('notification delivery', retry.pollMs, () => worker.tick(), logger) };
}
