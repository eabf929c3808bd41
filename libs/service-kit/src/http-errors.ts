import { BadRequestException, HttpException, NotFoundException } from '@nestjs/common';

/** A 400 about one field, in the same shape as the validation pipe's answers. */
export function fieldError(field: string, zh: string, en: string): BadRequestException {
  return new BadRequestException({
    statusCode: 400,
    code: 'VALIDATION_FAILED',
    message: '请求参数有误 / The request is invalid',
    zh: '请求参数有误',
    en: 'The request is invalid',
    errors: [{ field, zh: `${field}：${zh}`, en: `${field} ${en}` }],
  });
}

export function notFound(zh: string, en: string, code = 'NOT_FOUND'): NotFoundException {
  return new NotFoundException({ statusCode: 404, code, message: `${zh} / ${en}`, zh, en });
}

/** Parse an If-Match header (an ETag of the stream version, quoted or not). */
export function parseIfMatch(header: string | undefined): number | undefined {
  if (!header) return undefined;
  const match = header.match(/^(?:W\/)?"?(\d+)"?$/);
  if (!match) throw fieldError('If-Match', '必须是记录版本号', 'must be the version number of the record');
  return Number(match[1]);
}

/** Any bilingual HTTP error, in the platform's error shape. */
export function httpError(status: number, code: string, zh: string, en: string, extra: Record<string, unknown> = {}): HttpException {
  return new HttpException({ statusCode: status, code, message: `${zh} / ${en}`, zh, en, ...extra }, status);
}
