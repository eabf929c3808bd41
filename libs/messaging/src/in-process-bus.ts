import { DEFAULT_RETRY, type EventBus, type RetryPolicy, type Subscription } from './bus';
import type { EventEnvelope } from './envelope';
import { handleWithRetry } from './retry';
import { traceConsume, tracePublish } from './tracing';

/**
 * The embedded adapter: publish hands each event to every subscribed group, in order, and resolves when all
 * have handled it (or dead-lettered it). The relay checkpoints only after that, so nothing is lost on a crash.
 */
export class InProcessEventBus implements EventBus {
  readonly kind = 'in-process' as const;
  private readonly subscriptions: Subscription[] = [];
  private closed = false;

  constructor(private readonly retry: RetryPolicy = DEFAULT_RETRY) {}

  async publish(topic: string, events: EventEnvelope[]): Promise<void> {
    if (this.closed) throw new Error('the in-process bus is closed');
    const groups = this.subscriptions.filter((s) => s.topics.includes(topic));
    for (const original of events) {
      const event = tracePublish(topic, original);
      for (const sub of groups) {
        await handleWithRetry(
          (e) => traceConsume(sub.group, e, () => sub.handle(e)),
          event,
          this.retry,
          async (letter) => {
            await sub.deadLetter?.({ ...letter, group: sub.group, topic });
          },
        );
      }
    }
  }

  /** One member per group in a process: a group subscribing again (a restarted service) takes over. */
  async subscribe(subscription: Subscription): Promise<void> {
    const existing = this.subscriptions.findIndex((s) => s.group === subscription.group);
    if (existing >= 0) this.subscriptions.splice(existing, 1, subscription);
    else this.subscriptions.push(subscription);
  }

  isHealthy(): boolean {
    return !this.closed;
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}
