/** Kafka brokers for tests, from KAFKA_BROKERS (set by .ci/run); undefined means the Kafka suites are skipped. */
export function kafkaBrokers(): string[] | undefined {
  const value = process.env.KAFKA_BROKERS?.trim();
  return value ? value.split(',').map((b) => b.trim()) : undefined;
}

/** `describe` when a real Kafka is available, `describe.skip` otherwise (the test runner lists what it skipped). */
export const describeWithKafka: jest.Describe = kafkaBrokers() ? describe : describe.skip;

/** Poll until a condition holds (asynchronous projections, consumers). */
export async function eventually<T>(
  probe: () => Promise<T | undefined | null | false>,
  { timeoutMs = 15000, intervalMs = 50, what = 'condition' } = {},
): Promise<T> {
  const until = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== null && value !== false) return value as T;
    } catch (error) {
      last = error;
    }
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
