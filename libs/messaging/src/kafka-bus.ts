import { Kafka, logLevel, type Admin, type Consumer, type IHeaders, type Producer } from 'kafkajs';
import { DEFAULT_RETRY, type EventBus, type RetryPolicy, type Subscription } from './bus';
import { fromKafkaMessage, toKafkaMessage, type EventEnvelope } from './envelope';
import { deadLetterTopic } from '@qingyuan/contracts';
import { handleWithRetry } from './retry';
import { traceConsume, tracePublish } from './tracing';

export interface KafkaBusOptions {
  brokers: string[];
  clientId: string;
  /** partitions for topics this bus creates; consumers of one group share them */
  partitions?: number;
  retry?: RetryPolicy;
  /** prefix for topic and consumer-group names, to share one cluster between installations (or test runs) */
  namespace?: string;
  /** per-message log hook for operators (never the message content) */
  onError?: (message: string, error: unknown) => void;
}

/**
 * Kafka adapter (kafkajs): idempotent producer with acks=all, key = stream id so one case keeps its order;
 * consumers commit an offset only after the handler (and so its database transaction) finished.
 */
export class KafkaEventBus implements EventBus {
  readonly kind = 'kafka' as const;
  private readonly kafka: Kafka;
  private producer?: Producer;
  private readonly consumers: Consumer[] = [];
  private readonly knownTopics = new Set<string>();
  private producerReady = false;
  private crashed = false;

  constructor(private readonly options: KafkaBusOptions) {
    this.kafka = new Kafka({
      clientId: options.clientId,
      brokers: options.brokers,
      logLevel: logLevel.NOTHING,
      retry: { retries: 8, initialRetryTime: 200 },
    });
  }

  /** Create topics (and their dead-letter topics) if missing. */
  /** The topic or group name on the cluster. */
  named(name: string): string {
    return `${this.options.namespace ?? ''}${name}`;
  }

  /**
   * Create topics (and their dead-letter topics) if missing, and wait until every partition has a leader:
   * several processes may start together on a fresh cluster, and a consumer that joins too early is refused.
   */
  async ensureTopics(topics: string[]): Promise<void> {
    const wanted = topics
      .map((t) => this.named(t))
      .flatMap((t) => [t, deadLetterTopic(t)])
      .filter((t) => !this.knownTopics.has(t));
    if (wanted.length === 0) return;
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const existing = new Set(await admin.listTopics());
      const missing = wanted.filter((t) => !existing.has(t));
      if (missing.length) {
        // Leaders are awaited below: kafkajs's own wait gives up if the new topic is not in the metadata yet.
        await admin.createTopics({
          waitForLeaders: false,
          topics: missing.map((topic) => ({ topic, numPartitions: this.options.partitions ?? 6, replicationFactor: -1 })),
        });
      }
      await this.untilLeadersElected(admin, wanted);
      wanted.forEach((t) => this.knownTopics.add(t));
    } finally {
      await admin.disconnect();
    }
  }

  private async untilLeadersElected(admin: Admin, topics: string[], timeoutMs = 30000): Promise<void> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      try {
        const { topics: metadata } = await admin.fetchTopicMetadata({ topics });
        if (metadata.length === topics.length && metadata.every((t) => t.partitions.length > 0 && t.partitions.every((p) => p.leader >= 0))) return;
      } catch (error) {
        if (Date.now() > until) throw error;
      }
      if (Date.now() > until) throw new Error(`Kafka topics have no leaders yet: ${topics.join(', ')}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  async publish(topic: string, events: EventEnvelope[]): Promise<void> {
    if (events.length === 0) return;
    await this.ensureTopics([topic]);
    const producer = await this.getProducer();
    await producer.send({
      topic: this.named(topic),
      acks: -1,
      messages: events.map((e) => toKafkaMessage(tracePublish(topic, e))),
    });
  }

  async subscribe(subscription: Subscription): Promise<void> {
    await this.ensureTopics(subscription.topics);
    // A fresh cluster may still refuse a group join or a new topic's metadata for a moment: try again a few times.
    for (let attempt = 1; ; attempt++) {
      try {
        this.consumers.push(await this.startConsumer(subscription));
        return;
      } catch (error) {
        if (attempt >= 8) throw error;
        this.options.onError?.(`consumer ${subscription.group} could not start, retrying`, error);
        await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
      }
    }
  }

  private async startConsumer(subscription: Subscription): Promise<Consumer> {
    const consumer = this.kafka.consumer({ groupId: this.named(subscription.group), allowAutoTopicCreation: false });
    consumer.on(consumer.events.CRASH, (e) => {
      // kafkajs restarts a consumer after a retriable crash; only a crash without restart leaves it down.
      if (!e.payload.restart) this.crashed = true;
      this.options.onError?.(`consumer ${subscription.group} crashed`, e.payload.error);
    });
    try {
      await consumer.connect();
      for (const topic of subscription.topics) await consumer.subscribe({ topic: this.named(topic), fromBeginning: true });
      const retry = this.options.retry ?? DEFAULT_RETRY;
      await consumer.run({
        autoCommit: false,
        eachMessage: async ({ topic, partition, message }) => {
          const event = fromKafkaMessage(stringHeaders(message.headers), message.value?.toString('utf8') ?? 'null');
          await handleWithRetry(
            (e) => traceConsume(subscription.group, e, () => subscription.handle(e)),
            event,
            retry,
            async (letter) => {
              await this.sendToDeadLetterTopic(topic, subscription.group, event, letter.error, letter.attempts);
              await subscription.deadLetter?.({ ...letter, group: subscription.group, topic });
            },
          );
          await consumer.commitOffsets([{ topic, partition, offset: (BigInt(message.offset) + 1n).toString() }]);
        },
      });
      return consumer;
    } catch (error) {
      await consumer.disconnect().catch(() => undefined);
      throw error;
    }
  }

  isHealthy(): boolean {
    return !this.crashed;
  }

  async close(): Promise<void> {
    await Promise.allSettled(this.consumers.map((c) => c.disconnect()));
    this.consumers.length = 0;
    if (this.producer) await this.producer.disconnect().catch(() => undefined);
    this.producer = undefined;
    this.producerReady = false;
  }

  private async getProducer(): Promise<Producer> {
    if (!this.producer) {
      this.producer = this.kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
    }
    if (!this.producerReady) {
      await this.producer.connect();
      this.producerReady = true;
    }
    return this.producer;
  }

  private async sendToDeadLetterTopic(
    topic: string,
    group: string,
    event: EventEnvelope,
    error: string,
    attempts: number,
  ): Promise<void> {
    const message = toKafkaMessage(event);
    const producer = await this.getProducer();
    await producer.send({
      topic: deadLetterTopic(topic),
      acks: -1,
      messages: [
        {
          ...message,
          headers: { ...message.headers, 'x-dead-letter-group': group, 'x-dead-letter-error': error.slice(0, 1000),
            'x-dead-letter-attempts': String(attempts) },
        },
      ],
    });
  }
}

function stringHeaders(headers: IHeaders | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value === undefined) continue;
    out[name] = Array.isArray(value) ? String(value[0]) : value.toString();
  }
  return out;
}
