import { fromKafkaMessage, toEnvelope, toKafkaMessage } from './envelope';

describe('CloudEvents envelope', () => {
  const envelope = toEnvelope(
    {
      eventId: '01930000-0000-7000-8000-000000000001',
      streamId: 'problem-1',
      streamVersion: 3,
      schemaVersion: 1,
      globalPosition: 42n,
      type: 'ProblemAssigned',
      data: { problemId: '1', townCode: '330782001' },
      recordedAt: '2026-11-29T02:00:00.000Z',
      hash: Buffer.alloc(32, 1),
      metadata: {
        actor: { kind: 'user', id: 'u1', name: '张三' },
        correlationId: 'corr',
        traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
        occurredAt: '2026-11-29T01:59:00.000Z',
      },
    },
    '/qingyuan/cases',
  );

  it('carries the CloudEvents 1.0 required attributes', () => {
    expect(envelope).toMatchObject({ specversion: '1.0', id: expect.any(String), source: '/qingyuan/cases', type: 'ProblemAssigned' });
    expect(envelope.subject).toBe('problem-1');
  });

  it('maps to Kafka binary mode: key = stream id, ce_ headers, traceparent, and back', () => {
    const message = toKafkaMessage(envelope);
    expect(message.key).toBe('problem-1');
    expect(message.headers).toMatchObject({ ce_specversion: '1.0', ce_type: 'ProblemAssigned', ce_streamversion: '3', traceparent: envelope.traceparent });
    expect(fromKafkaMessage(message.headers, message.value)).toEqual({ ...envelope, causationid: undefined });
  });
});
