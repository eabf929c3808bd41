/**
 * Stateful framing of one TCP connection's byte stream: sticky packets (粘包), half packets (半包), garbage and
 * non-212 traffic (AT chatter, Modbus polls) skipped with resynchronisation on the next `##`. The reader never holds
 * more than one maximum frame (plus one chunk while it is being scanned): an oversize declared length is refused
 * at once, not buffered.
 */
import { type Hj212Mode, type Hj212Problem, problem } from './errors';
import { ownBytes } from './slab';
import {
  DEFAULT_LENIENT_MAX_DATA_LENGTH,
  STANDARD_MAX_DATA_LENGTH,
  type RawFrame,
  type ScanOptions,
  maxFrameBytes,
  scanFrameAt,
} from './frame-scanner';

export interface FrameReaderOptions {
  mode?: Hj212Mode;
  /** Largest data segment accepted (strict: at most 1024; lenient default 4096). */
  maxDataLength?: number;
}

export interface FrameReaderError extends Hj212Problem {
  /** Bytes given up on (garbage skipped, or the 2 bytes of a `##` that did not start a good frame). */
  skippedBytes: number;
}

export interface FrameReaderOutput {
  frames: RawFrame[];
  errors: FrameReaderError[];
}

export interface FrameReaderStats {
  frames: number;
  errors: number;
  /** Bytes dropped outside any frame (garbage before a `##`, bad frames' headers). */
  discardedBytes: number;
}

const HASH = 0x23;
const EMPTY = Buffer.alloc(0);

/** `pending` followed by `chunk`, copied (the caller may reuse its chunk) where nobody writes again: frames are views. */
function ownCopy(pending: Buffer, chunk: Uint8Array): Buffer {
  const buf = ownBytes(pending.length + chunk.length);
  buf.set(pending, 0);
  buf.set(chunk, pending.length);
  return buf;
}

export function scanOptions(options: FrameReaderOptions = {}): ScanOptions {
  const mode = options.mode ?? 'strict';
  const fallback = mode === 'strict' ? STANDARD_MAX_DATA_LENGTH : DEFAULT_LENIENT_MAX_DATA_LENGTH;
  const maxDataLength = Math.max(0, Math.min(9999, options.maxDataLength ?? fallback));
  return { mode, maxDataLength };
}

export class FrameReader {
  private readonly options: ScanOptions;
  private pending: Buffer = EMPTY;
  readonly stats: FrameReaderStats = { frames: 0, errors: 0, discardedBytes: 0 };
  /** Upper bound of `pendingBytes` between pushes. */
  readonly maxPendingBytes: number;

  constructor(options: FrameReaderOptions = {}) {
    this.options = scanOptions(options);
    this.maxPendingBytes = maxFrameBytes(this.options);
  }

  /** Bytes kept for the next push (a half frame). */
  get pendingBytes(): number {
    return this.pending.length;
  }

  /** A copy of the bytes kept for the next push. */
  remainder(): Buffer {
    return Buffer.from(this.pending);
  }

  push(chunk: Uint8Array): FrameReaderOutput {
    return this.drain(ownCopy(this.pending, chunk), false);
  }

  /** No more bytes will come (connection closed or idle timeout): report what is left and clear it. */
  end(): FrameReaderOutput {
    const buf = this.pending;
    this.pending = EMPTY;
    return this.drain(buf, true);
  }

  private drain(buf: Buffer, final: boolean): FrameReaderOutput {
    const out: FrameReaderOutput = { frames: [], errors: [] };
    const end = buf.length;
    let p = 0;
    while (p < end) {
      // back-to-back frames: the next one starts right here, no search needed
      const header = buf[p] === HASH ? p : buf.indexOf(HASH, p);
      if (header < 0 || (header === end - 1 && !final)) {
        // no `##` yet; keep a trailing lone `#`, it may be the first half of one
        const keep = header < 0 ? end : header;
        if (keep > p) this.skip(out, keep - p);
        p = keep;
        break;
      }
      if (header === end - 1 || buf[header + 1] !== HASH) {
        if (header + 1 > p) this.skip(out, header + 1 - p);
        p = header + 1;
        continue;
      }
      if (header > p) this.skip(out, header - p);
      p = header;
      const result = scanFrameAt(buf, p, end, final, this.options);
      if (result.kind === 'need') break;
      if (result.kind === 'frame') {
        out.frames.push(result.frame);
        this.stats.frames++;
        p = result.next;
      } else {
        // `###…`: the stray first `#` was the bad header; the real frame starts one byte on, keep its `##`
        const skipped = p + 2 < end && buf[p + 2] === HASH ? 1 : 2;
        out.errors.push({ ...result.problem, skippedBytes: skipped });
        this.stats.errors++;
        this.stats.discardedBytes += skipped;
        p += skipped;
      }
    }
    this.pending = p >= end ? EMPTY : Buffer.from(buf.subarray(p));
    if (this.pending.length > this.maxPendingBytes) {
      // cannot happen with a consistent scanner; a guard so memory stays bounded whatever the input
      const excess = this.pending.length - this.maxPendingBytes;
      out.errors.push({ ...problem('OVERSIZE', 'reader buffer limit reached'), skippedBytes: excess });
      this.stats.errors++;
      this.stats.discardedBytes += excess;
      this.pending = Buffer.from(this.pending.subarray(excess));
    }
    return out;
  }

  private skip(out: FrameReaderOutput, bytes: number): void {
    out.errors.push({ ...problem('NO_HEADER', 'bytes outside a frame skipped'), skippedBytes: bytes });
    this.stats.errors++;
    this.stats.discardedBytes += bytes;
  }
}

/** Single-frame framing: the bytes must be exactly one frame (trailing bytes are ignored). */
export function readOneFrame(bytes: Uint8Array, options: FrameReaderOptions = {}): RawFrame | Hj212Problem {
  if (bytes.length < 2 || bytes[0] !== HASH || bytes[1] !== HASH) return problem('NO_HEADER', 'input does not start with ##');
  // a copy: the frame's data is a view of it
  const buf = Buffer.from(bytes);
  const result = scanFrameAt(buf, 0, buf.length, true, scanOptions(options));
  if (result.kind === 'frame') return result.frame;
  if (result.kind === 'error') return result.problem;
  return problem('INCOMPLETE', 'frame is truncated');
}
