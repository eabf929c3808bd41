import { randomBytes } from 'node:crypto';
import { InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { InProcessEventBus, KafkaEventBus, type EventBus } from '@qingyuan/messaging';
import { startTelemetry, setLogSink, type Telemetry } from '@qingyuan/telemetry';
import { createTestDatabase, eventually, kafkaBrokers, type TestDatabase } from '@qingyuan/testing';
import { startPlatform, type RunningPlatform } from './platform';
import { Client } from './testing/http-client';

const brokers = kafkaBrokers();

describe(`one trace from the HTTP request through the event append, the ${brokers ? 'Kafka' : 'in-process bus'} hop and the consumer`, () => {
  const exporter = new InMemorySpanExporter();
  let telemetry: Telemetry;
  let database: TestDatabase;
  let bus: EventBus;
  let platform: RunningPlatform;
  let restoreSink: ReturnType<typeof setLogSink>;

  beforeAll(async () => {
    restoreSink = setLogSink(() => undefined);
    telemetry = startTelemetry({ serviceName: 'qingyuan-test', spanProcessors: [new SimpleSpanProcessor(exporter)] });
    database = await createTestDatabase('tracing');
    bus = brokers
      ? new KafkaEventBus({ brokers, clientId: 'trace-test', namespace: `trace-${randomBytes(4).toString('hex')}.` })
      : new InProcessEventBus();
    platform = await startPlatform({
      hj212Port: 0,
      databaseUrl: database.url,
      bus,
      secrets: { authSecret: randomBytes(32).toString('base64url'), masterKey: randomBytes(32).toString('base64') },
      port: 0,
      host: '127.0.0.1',
      rateLimits: { reportsPerMinute: 10_000, readsPerMinute: 10_000 },
    });
  }, 60000);

  afterAll(async () => {
    await platform?.stop();
    await telemetry?.shutdown();
    await database?.drop();
    setLogSink(restoreSink);
  });

  it('links the accept request, its event, the publish and the consumer that opens the problem', async () => {
    const admin = await new Client(platform.gateway.url).signIn('admin', platform.gateway.adminPassword!);
    const report = await new Client(platform.gateway.url).post('/api/intake/reports', {
      category: 'soil', description: '农田边有不明废渣倾倒', anonymous: true, location: { address: '义亭镇' },
    });
    expect(report.status).toBe(201);
    const [clue] = (await admin.get('/api/intake/clues?status=received')).body;

    const traceId = randomBytes(16).toString('hex');
    const accepted = await admin.post(`/api/intake/clues/${clue.clueId}/accept`, {}, { traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01` });
    expect(accepted.status).toBe(200);

    const spansOf = () => exporter.getFinishedSpans().filter((s) => s.spanContext().traceId === traceId);
    // Several services consume ClueAccepted (cases opens the problem, rewards notes the clue): follow cases' consumer.
    const inCases = (s: ReadableSpan) => !s.name.startsWith('process ClueAccepted') || String(s.attributes['messaging.consumer.group.name']).endsWith('cases.clue-accepted');
    const named = (spans: ReadableSpan[], name: string) => spans.find((s) => s.name === name && inCases(s));
    const spans = await eventually(async () => {
      const all = spansOf();
      return named(all, 'append ProblemOpened') && named(all, 'process ProblemOpened') ? all : undefined;
    }, { timeoutMs: 30000, what: 'the spans of the whole chain' });

    const names = spans.map((s) => s.name);
    expect(names.filter((n) => n.startsWith('HTTP POST'))).toHaveLength(2); // the gateway and intake
    for (const name of ['append ClueAccepted', 'publish ClueAccepted', 'process ClueAccepted', 'append ProblemOpened', 'publish ProblemOpened', 'process ProblemOpened']) {
      expect(names).toContain(name);
    }
    const parentOf = (s: ReadableSpan) => s.parentSpanContext?.spanId;
    const id = (name: string) => named(spans, name)!.spanContext().spanId;
    expect(parentOf(named(spans, 'publish ClueAccepted')!)).toBe(id('append ClueAccepted'));
    expect(parentOf(named(spans, 'process ClueAccepted')!)).toBe(id('publish ClueAccepted'));
    expect(parentOf(named(spans, 'append ProblemOpened')!)).toBe(id('process ClueAccepted'));
  }, 60000);
});
