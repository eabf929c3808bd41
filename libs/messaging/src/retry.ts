import type { DeadLetter, EventHandler, RetryPolicy } from './bus';
import type { EventEnvelope } from './envelope';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Try a handler with exponential backoff; after the last attempt hand the event to the dead-letter route
 * so one poison message cannot stall its partition.
 */
export async function handleWithRetry(
  handle: EventHandler,
  event: EventEnvelope,
  policy: RetryPolicy,
  deadLetter: (letter: Omit<DeadLetter, 'group' | 'topic'>) => Promise<void>,
): Promise<'handled' | 'dead-lettered'> {
  let delay = policy.initialDelayMs;
  for (let attempt = 1; ; attempt++) {
    try {
      await handle(event);
      return 'handled';
    } catch (error) {
      if (attempt >= policy.attempts) {
        await deadLetter({ event, error: describe(error), attempts: attempt });
        return 'dead-lettered';
      }
      await sleep(delay);
      delay = Math.min(delay * 2, policy.maxDelayMs);
    }
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
