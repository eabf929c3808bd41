import { Kafka, logLevel, type Consumer, type Producer } from 'kafkajs';
import type { AcceptedFrame, FrameSink } from '../ingest/frames';

/** Raw frames are telemetry, not domain events: their own topic, keyed by MN so one device's frames stay in order. */
export const FRAMES_TOPIC = 'qingyuan.monitoring.frames';

export interface KafkaFramesOptions {
  brokers: string[];
  clientId: string;
  /** KAFKA_TOPIC_PREFIX: topic and group names are prefixed with it */
  namespace?: string;
  partitions?: number;
}

export function kafkaFor(options: KafkaFramesOptions): Kafka {
  return new Kafka({ clientId: options.clientId, brokers: options.brokers, logLevel: logLevel.NOTHING, retry: { retries: 8, initialRetryTime: 200 } });
}

export async function ensureFramesTopic(kafka: Kafka, options: KafkaFramesOptions): Promise<string> {
  const topic = `${options.namespace ?? ''}${FRAMES_TOPIC}`;
  const admin = kafka.admin();
  await admin.connect();
  try {
    if (!(await admin.listTopics()).includes(topic)) {
      await admin.createTopics({ waitForLeaders: false, topics: [{ topic, numPartitions: options.partitions ?? 12, replicationFactor: -1 }] }).catch((error: unknown) => {
        if (!String(error).includes('already exists')) throw error;
      });
    }
    // A fresh topic's partitions get their leaders a moment later; a consumer that joins before is refused.
    for (const until = Date.now() + 30_000; ; ) {
      const ready = await admin
        .fetchTopicMetadata({ topics: [topic] })
        .then(({ topics }) => topics[0]?.partitions.length > 0 && topics[0].partitions.every((p) => p.leader >= 0))
        .catch(() => false);
      if (ready) break;
      if (Date.now() > until) throw new Error(`Kafka topic ${topic} has no leaders yet`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  } finally {
    await admin.disconnect();
  }
  return topic;
}

/** The gateway's sink in the distributed run: a batch is durable once Kafka has it on all in-sync replicas. */
export class KafkaFrameSink implements FrameSink {
  private producer?: Producer;
  private topic?: string;

  constructor(private readonly kafka: Kafka, private readonly options: KafkaFramesOptions) {}

  async accept(frames: AcceptedFrame[]): Promise<void> {
    if (!this.producer) {
      this.topic = await ensureFramesTopic(this.kafka, this.options);
      const producer = this.kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
      await producer.connect();
      this.producer = producer;
    }
    await this.producer.send({
      topic: this.topic!,
      acks: -1,
      messages: frames.map((f) => ({ key: f.mn, value: f.data, headers: { 'received-at': String(f.receivedAt), gateway: f.gateway } })),
    });
  }

  async close(): Promise<void> {
    await this.producer?.disconnect().catch(() => undefined);
    this.producer = undefined;
  }
}

/**
 * The ingest workers' side: a consumer group over the frames topic; a partition's batch is handed to the sink and its
 * offset committed only after it is stored, so a crash re-reads (and de-duplicates) instead of losing frames.
 */
export async function consumeFrames(kafka: Kafka, options: KafkaFramesOptions, sink: FrameSink, chunk = 2000): Promise<Consumer> {
  // Several processes may start together on a fresh cluster: a refused join is tried again.
  for (let attempt = 1; ; attempt++) {
    try {
      return await startConsumer(kafka, options, sink, chunk);
    } catch (error) {
      if (attempt >= 8) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
    }
  }
}

async function startConsumer(kafka: Kafka, options: KafkaFramesOptions, sink: FrameSink, chunk: number): Promise<Consumer> {
  const topic = await ensureFramesTopic(kafka, options);
  const consumer = kafka.consumer({ groupId: `${options.namespace ?? ''}monitoring.ingest`, allowAutoTopicCreation: false, maxBytes: 4 * 1024 * 1024 });
  try {
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await run(consumer, sink, chunk);
    return consumer;
  } catch (error) {
    await consumer.disconnect().catch(() => undefined);
    throw error;
  }
}

async function run(consumer: Consumer, sink: FrameSink, chunk: number): Promise<void> {
  await consumer.run({
    autoCommit: false,
    eachBatchAutoResolve: false,
    // Partitions hold disjoint devices: two at a time let the database work on one batch while this process parses the next.
    partitionsConsumedConcurrently: 2,
    eachBatch: async ({ batch, resolveOffset, heartbeat, isRunning, isStale }) => {
      for (let i = 0; i < batch.messages.length && isRunning() && !isStale(); i += chunk) {
        const messages = batch.messages.slice(i, i + chunk);
        await sink.accept(
          messages.map((m) => ({
            mn: m.key?.toString('utf8') ?? '',
            data: m.value ?? Buffer.alloc(0),
            receivedAt: Number(m.headers?.['received-at']?.toString() ?? Date.now()),
            gateway: m.headers?.gateway?.toString() ?? '',
          })),
        );
        const last = messages[messages.length - 1].offset;
        resolveOffset(last);
        await consumer.commitOffsets([{ topic: batch.topic, partition: batch.partition, offset: (BigInt(last) + 1n).toString() }]);
        await heartbeat();
      }
    },
  });
}
