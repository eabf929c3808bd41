import type { LoggerService } from '@nestjs/common';
import { activeTraceId } from './tracing';

export type LogLevel = 'error' | 'warn' | 'info' | 'debug';
export type LogRecord = Record<string, unknown> & { time: string; level: LogLevel; msg: string };
export type LogSink = (record: LogRecord) => void;

let sink: LogSink = (record) => process.stdout.write(`${JSON.stringify(record)}\n`);

/** Where log records go (stdout by default; tests capture them to search for leaked personal data). */
export function setLogSink(next: LogSink): LogSink {
  const previous = sink;
  sink = next;
  return previous;
}

/**
 * JSON lines with the trace id as correlation id. Callers log ids and codes, never request bodies:
 * a reporter's identity must not reach a log line.
 */
export class JsonLogger implements LoggerService {
  constructor(private readonly service: string) {}

  log(message: unknown, ...rest: unknown[]): void {
    this.write('info', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.write('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    if (process.env.LOG_LEVEL === 'debug') this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.debug(message, ...rest);
  }

  info(msg: string, fields: Record<string, unknown> = {}): void {
    this.emit('info', msg, fields);
  }

  emit(level: LogLevel, msg: string, fields: Record<string, unknown> = {}): void {
    sink({ time: new Date().toISOString(), level, service: this.service, correlationId: activeTraceId(), msg, ...fields });
  }

  private write(level: LogLevel, message: unknown, rest: unknown[]): void {
    // Nest passes the context name last; an Error's stack may come before it.
    const context = typeof rest[rest.length - 1] === 'string' ? (rest.pop() as string) : undefined;
    const fields: Record<string, unknown> = { context };
    if (message instanceof Error) {
      fields.error = message.name;
      fields.stack = message.stack;
      this.emit(level, message.message, fields);
      return;
    }
    if (rest.length && typeof rest[0] === 'string') fields.stack = rest[0];
    this.emit(level, typeof message === 'string' ? message : JSON.stringify(message), fields);
  }
}
