import type { JsonLogger } from '@qingyuan/telemetry';
import type { BackgroundWorker } from './event-sourced-service';

/**
 * Run `tick` now and then every `intervalMs` after the previous tick ended (never two at once in this process). A
 * failed tick is logged and retried on the next; stop() waits for a running tick to finish.
 */
export function periodically(what: string, intervalMs: number, tick: () => Promise<unknown>, logger: JsonLogger): BackgroundWorker {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  const loop = () => {
    running = tick()
      .then(() => undefined)
      .catch((error) => logger.emit('warn', `${what} failed; will retry`, { error: error instanceof Error ? error.message : String(error) }))
      .finally(() => {
        if (timer !== undefined) timer = setTimeout(loop, intervalMs);
      });
  };
  return {
    start() {
      timer = setTimeout(loop, 0);
    },
    async stop() {
      clearTimeout(timer);
      timer = undefined;
      await running;
    },
  };
}
