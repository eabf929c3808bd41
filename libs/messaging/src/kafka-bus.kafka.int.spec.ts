import { randomBytes } from 'node:crypto';
import { describeWithKafka, eventually, kafkaBrokers } from '@qingyuan/testing';
import { Kafka, logLevel, type IHeaders } from 'kafkajs';
import type { EventEnvelope } from './envelope';
import { KafkaEventBus } from './kafka-bus';

function envelope(i: number, subject: string): EventEnvelope {
  return {
    specversion: '1.0',
    id: `0193a000-0000-7000-8000-${String(i).padStart(12, '0')}`,
    source: '/qingyuan/test',
    type: 'Tested',
    time: new Date().toISOString(),
    subject,
    datacontenttype: 'application/json',
    data: { i },
    streamversion: i,
    schemaversion: 1,
    globalposition: String(i),
    correlationid: 'corr',
    traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
    actor: { kind: 'system', id: 'test' },
    occurredat: new Date().toISOString(),
    hash: 'ab'.repeat(32),
  };
}

const text = (headers: IHeaders | undefined) =>
  Object.fromEntries(Object.entries(headers ?? {}).map(([k, v]) => [k, v?.toString()]));

describeWithKafka('Kafka bus against a real broker', () => {
  const namespace = `test-${randomBytes(4).toString('hex')}.`;
  const kafka = new Kafka({ brokers: kafkaBrokers()!, clientId: 'bus-test', logLevel: logLevel.NOTHING });
  let bus: KafkaEventBus;

  beforeAll(() => {
    bus = new KafkaEventBus({ brokers: kafkaBrokers()!, clientId: 'bus-test', namespace, retry: { attempts: 3, initialDelayMs: 20, maxDelayMs: 50 } });
  });

  afterAll(async () => {
    await bus.close();
  });

  async function readAll(topic: string, count: number) {
    const consumer = kafka.consumer({ groupId: `${namespace}reader-${randomBytes(3).toString('hex')}` });
    const messages: Array<{ key?: string; value?: string; headers: Record<string, string | undefined>; partition: number }> = [];
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message, partition }) => {
        messages.push({ key: message.key?.toString(), value: message.value?.toString(), headers: text(message.headers), partition });
      },
    });
    await eventually(async () => messages.length >= count, { what: `${count} messages on ${topic}` });
    await consumer.disconnect();
    return messages;
  }

  it('publishes CloudEvents in binary mode, keyed by stream id, with the trace context', async () => {
    await bus.publish('events', [envelope(1, 'problem-a'), envelope(2, 'problem-a'), envelope(3, 'problem-b')]);
    const messages = await readAll(`${namespace}events`, 3);
    const first = messages.find((m) => m.value === '{"i":1}')!;
    expect(first.key).toBe('problem-a');
    expect(first.headers).toMatchObject({
      ce_specversion: '1.0',
      ce_id: envelope(1, 'problem-a').id,
      ce_source: '/qingyuan/test',
      ce_type: 'Tested',
      ce_subject: 'problem-a',
      'content-type': 'application/json',
    });
    expect(first.headers.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]$/);
    // One stream, one partition: its events keep their order.
    const ofA = messages.filter((m) => m.key === 'problem-a');
    expect(new Set(ofA.map((m) => m.partition)).size).toBe(1);
    expect(ofA.map((m) => m.value)).toEqual(['{"i":1}', '{"i":2}']);
  });

  it('commits an offset only after the handler finished, retries, then dead-letters a poison message', async () => {
    const topic = 'work';
    await bus.publish(topic, [envelope(10, 'k'), envelope(11, 'k'), envelope(12, 'k')]);
    const handled: number[] = [];
    let flaky = 0;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    await bus.subscribe({
      group: 'workers',
      topics: [topic],
      handle: async (event) => {
        const i = (event.data as { i: number }).i;
        if (i === 10) await gate;
        if (i === 11 && ++flaky < 2) throw new Error('transient');
        if (i === 12) throw new Error('poison');
        handled.push(i);
      },
    });
    const admin = kafka.admin();
    await admin.connect();
    const committed = async () => {
      const [offsets] = await admin.fetchOffsets({ groupId: `${namespace}workers`, topics: [`${namespace}${topic}`] });
      return offsets.partitions.reduce((sum, p) => sum + Math.max(0, Number(p.offset)), 0);
    };
    try {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(handled).toEqual([]);
      expect(await committed()).toBe(0);
      release();
      await eventually(async () => (await committed()) === 3, { what: 'offsets committed' });
      expect(handled).toEqual([10, 11]);
      const dead = await readAll(`${namespace}${topic}.dlq`, 1);
      expect(dead[0].headers).toMatchObject({ ce_id: envelope(12, 'k').id, 'x-dead-letter-group': 'workers', 'x-dead-letter-attempts': '3' });
      expect(dead[0].headers['x-dead-letter-error']).toContain('poison');
    } finally {
      await admin.disconnect();
    }
  });
});
