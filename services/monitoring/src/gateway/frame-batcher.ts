import type { AcceptedFrame, FrameSink } from '../ingest/frames';

interface Waiting {
  frame: AcceptedFrame;
  done: (ok: boolean) => void;
}

/**
 * Groups accepted frames of all connections into batches for the sink (a few ms or `maxFrames`, whichever first):
 * one database transaction or one Kafka request carries many frames. Each frame learns whether it became durable.
 */
export class FrameBatcher {
  private queue: Waiting[] = [];
  private timer?: NodeJS.Timeout;
  private inFlight = 0;
  private flushing = Promise.resolve();

  constructor(
    private readonly sink: FrameSink,
    private readonly options: { maxFrames: number; maxDelayMs: number; onError: (error: unknown, frames: number) => void },
  ) {}

  /** Frames waiting or being written: the gateway's back-pressure signal. */
  get pending(): number {
    return this.queue.length + this.inFlight;
  }

  add(frame: AcceptedFrame): Promise<boolean> {
    return new Promise((done) => {
      this.queue.push({ frame, done });
      if (this.queue.length >= this.options.maxFrames) this.flush();
      else this.timer ??= setTimeout(() => this.flush(), this.options.maxDelayMs);
    });
  }

  /** Batches go out one after another, in arrival order (a device's frames keep their order). */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0) return this.flushing;
    this.inFlight += batch.length;
    this.flushing = this.flushing.then(async () => {
      try {
        await this.sink.accept(batch.map((w) => w.frame));
        batch.forEach((w) => w.done(true));
      } catch (error) {
        this.options.onError(error, batch.length);
        batch.forEach((w) => w.done(false));
      } finally {
        this.inFlight -= batch.length;
      }
    });
    return this.flushing;
  }

  async close(): Promise<void> {
    await this.flush();
  }
}
