import { FrameReader, parseDataSegment, toRecord, type FrameReaderOutput, type Hj212Mode } from '@qingyuan/hj212';

/**
 * `hj212 decode [--strict|--lenient]`: raw bytes of a device's traffic on stdin, one JSON object per line (NDJSON) for
 * every frame or error found, with the field names of the reference vectors' `expect` — for operators debugging a
 * vendor's device. A half frame left at the end is reported as such.
 */
export async function hj212Decode(input: AsyncIterable<Buffer | string>, mode: Hj212Mode, out: (line: string) => void): Promise<{ frames: number; errors: number }> {
  const reader = new FrameReader({ mode });
  const counts = { frames: 0, errors: 0 };
  const emit = ({ frames, errors }: FrameReaderOutput) => {
    for (const error of errors) {
      counts.errors += 1;
      out(JSON.stringify(toRecord(error)));
    }
    for (const frame of frames) {
      const record = toRecord(parseDataSegment(frame, mode));
      counts[record.valid ? 'frames' : 'errors'] += 1;
      out(JSON.stringify(record));
    }
  };
  for await (const chunk of input) emit(reader.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk));
  emit(reader.end());
  return counts;
}
