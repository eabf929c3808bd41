import { Catch, HttpException, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { DomainError } from '@qingyuan/domain';
import { ConcurrencyConflict, EventStoreError } from '@qingyuan/event-store';
import type { JsonLogger } from '@qingyuan/telemetry';
import type { Response } from 'express';

export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  zh: string;
  en: string;
  errors?: unknown[];
}

const STATUS_OF_DOMAIN_KIND = { invalid: 422, 'not-found': 404, conflict: 409, forbidden: 403, unauthenticated: 401 } as const;

function body(statusCode: number, code: string, zh: string, en: string): ErrorBody {
  return { statusCode, code, message: `${zh} / ${en}`, zh, en };
}

/** Convert an error into a bilingual HTTP answer. Unknown errors say nothing about their content. */
export function toErrorBody(error: unknown, ifMatchGiven: boolean): ErrorBody {
  if (error instanceof DomainError) return body(STATUS_OF_DOMAIN_KIND[error.kind], error.code, error.zh, error.en);
  if (error instanceof ConcurrencyConflict) {
    // With If-Match the client asked for a precondition (412); otherwise it is a plain conflict (409).
    return { ...body(ifMatchGiven ? 412 : 409, error.code, error.zh, error.en), ...error.details };
  }
  if (error instanceof EventStoreError) return body(409, error.code, error.zh, error.en);
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const response = error.getResponse();
    if (typeof response === 'object' && response && 'zh' in response) return response as ErrorBody;
    if (status === 404) return body(404, 'NOT_FOUND', '未找到', 'Not found');
    if (status === 413) return body(413, 'PAYLOAD_TOO_LARGE', '提交内容过大', 'The request is too large');
    if (status === 400) return body(400, 'BAD_REQUEST', '请求格式有误', 'The request is malformed');
    return body(status, 'HTTP_ERROR', '请求无法处理', error.message);
  }
  return body(500, 'INTERNAL_ERROR', '服务器内部错误，请稍后再试', 'Internal error; please try again later');
}

@Catch()
export class BilingualErrorFilter implements ExceptionFilter {
  constructor(private readonly logger: JsonLogger) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<{ method: string; route?: { path?: string }; headers: Record<string, unknown> }>();
    const response = http.getResponse<Response>();
    const answer = toErrorBody(error, Boolean(request.headers['if-match']));
    if (answer.statusCode >= 500) {
      // The error's name and stack only: its message could quote input.
      this.logger.emit('error', 'request failed', {
        method: request.method,
        route: request.route?.path,
        error: error instanceof Error ? error.name : typeof error,
        stack: error instanceof Error ? error.stack?.split('\n').slice(1, 6).join('\n') : undefined,
      });
    }
    response.status(answer.statusCode).json(answer);
  }
}
