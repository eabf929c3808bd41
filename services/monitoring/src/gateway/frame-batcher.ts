import type { AcceptedFrame, FrameSink } from '../ingest/frames';

interface Waiting {
  frame: AcceptedFrame;
  done: (ok: boolean) => void;
}

export interface BatcherOptions {
  maxFrames: number;
  maxDelayMs: number;
  /** batches written at the same time, each for its own share of the devices (by MN), so one device keeps its order */
  lanes?: number;
  onError: (error: unknown, frames: number) => void;
}

/**
 * Groups accepted frames of all connections into batches for the sink: one database transaction or one Kafka request
 * carries many frames. Devices are spread over a few lanes by MN; a lane writes one batch at a time, and while it is
 * written the next one grows, so under load batches get bigger rather than queueing up small. Two lanes let the
 * database work on one batch while this process parses the next. Each frame learns whether it became durable.
 */
export class FrameBatcher {
  private readonly lanes: Lane[];

  constructor(sink: FrameSink, options: BatcherOptions) {
    this.lanes = Array.from({ length: Math.max(1, options.lanes ?? 2) }, () => new Lane(sink, options));
  }

  add(frame: AcceptedFrame): Promise<boolean> {
    return this.lanes[laneOf(frame.mn, this.lanes.length)].add(frame);
  }

  async close(): Promise<void> {
    await Promise.all(this.lanes.map((l) => l.close()));
  }
}

function laneOf(mn: string, lanes: number): number {
  let h = 0;
  for (let i = 0; i < mn.length; i++) h = (h * 31 + mn.charCodeAt(i)) | 0;
  return Math.abs(h) % lanes;
}

class Lane {
  private queue: Waiting[] = [];
  private timer?: NodeJS.Timeout;
  private writing?: Promise<void>;

  constructor(
    private readonly sink: FrameSink,
    private readonly options: BatcherOptions,
  ) {}

  add(frame: AcceptedFrame): Promise<boolean> {
    return new Promise((done) => {
      this.queue.push({ frame, done });
      if (this.writing) return; // the running write loop takes it next
      if (this.queue.length >= this.options.maxFrames) this.start();
      else this.timer ??= setTimeout(() => this.start(), this.options.maxDelayMs);
    });
  }

  private start(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.writing ??= this.writeAll().finally(() => (this.writing = undefined));
  }

  private async writeAll(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.options.maxFrames);
      try {
        await this.sink.accept(batch.map((w) => w.frame));
        batch.forEach((w) => w.done(true));
      } catch (error) {
        this.options.onError(error, batch.length);
        batch.forEach((w) => w.done(false));
      }
    }
  }

  async close(): Promise<void> {
    if (this.queue.length) this.start();
    await this.writing;
  }
}
