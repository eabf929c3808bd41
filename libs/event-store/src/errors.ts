/** Event store failures a caller can act on. Messages are bilingual because they reach HTTP clients. */
export type EventStoreErrorCode = 'CONCURRENCY_CONFLICT' | 'STREAM_ALREADY_EXISTS' | 'INVALID_SCHEMA_NAME';

export class EventStoreError extends Error {
  constructor(
    readonly code: EventStoreErrorCode,
    readonly zh: string,
    readonly en: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(en);
    this.name = 'EventStoreError';
  }
}

export class ConcurrencyConflict extends EventStoreError {
  constructor(
    readonly streamId: string,
    readonly expected: number | 'no-stream',
    readonly actual: number,
  ) {
    super(
      'CONCURRENCY_CONFLICT',
      `记录已被他人修改（期望版本 ${expected}，当前版本 ${actual}），请刷新后重试`,
      `The record was changed by someone else (expected version ${expected}, current ${actual}); reload and retry`,
      { expected, actual },
    );
    this.name = 'ConcurrencyConflict';
  }
}

export class StreamAlreadyExists extends EventStoreError {
  constructor(readonly streamId: string) {
    super('STREAM_ALREADY_EXISTS', '该记录已存在', 'The record already exists', {});
    this.name = 'StreamAlreadyExists';
  }
}
