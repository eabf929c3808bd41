import { BadRequestException, ValidationPipe, type Type, type ValidationError } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';

export interface FieldError {
  field: string;
  zh: string;
  en: string;
}

/** Chinese for class-validator's English messages, by constraint; numbers and lists are carried over. */
const ZH: Record<string, (detail: string) => string> = {
  isDefined: () => '必填',
  isNotEmpty: () => '不能为空',
  isString: () => '必须是文本',
  isBoolean: () => '必须是 true 或 false',
  isInt: () => '必须是整数',
  isNumber: () => '必须是数字',
  isLatitude: () => '必须是有效的纬度（-90 至 90）',
  isLongitude: () => '必须是有效的经度（-180 至 180）',
  isIn: (d) => `必须是以下值之一：${d}`,
  isEnum: (d) => `必须是以下值之一：${d}`,
  maxLength: (d) => `长度不能超过 ${d} 个字符`,
  minLength: (d) => `长度不能少于 ${d} 个字符`,
  max: (d) => `不能大于 ${d}`,
  min: (d) => `不能小于 ${d}`,
  isISO8601: () => '必须是 ISO 8601 日期时间，例如 2026-11-29T08:00:00+08:00',
  isDateString: () => '必须是日期，例如 2026-12-31',
  isUUID: () => '必须是有效的编号（UUID）',
  arrayMaxSize: (d) => `最多 ${d} 项`,
  arrayMinSize: (d) => `至少 ${d} 项`,
  isArray: () => '必须是数组',
  isObject: () => '必须是对象',
  matches: () => '格式不正确',
  whitelistValidation: () => '不允许提交此字段',
  nestedValidation: () => '格式不正确',
};

function detailOf(message: string): string {
  const list = message.match(/following values: (.*)$/);
  if (list) return list[1];
  const number = message.match(/(-?\d+(?:\.\d+)?)/);
  return number ? number[1] : '';
}

function flatten(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([constraint, message]) => {
      const zh = ZH[constraint]?.(detailOf(message)) ?? '格式不正确';
      // class-validator would show the regular expression to the user
      const en = constraint === 'matches' ? `${error.property} has an invalid format` : message;
      return { field, zh: `${field}：${zh}`, en };
    });
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

function invalid(errors: FieldError[]): BadRequestException {
  return new BadRequestException({
    statusCode: 400,
    code: 'VALIDATION_FAILED',
    message: '请求参数有误 / The request is invalid',
    zh: '请求参数有误',
    en: 'The request is invalid',
    errors,
  });
}

/** 400 with field-level messages in Chinese and English; unknown fields are refused, so nothing odd is written. */
export function bilingualValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => invalid(flatten(errors)),
  });
}

/**
 * Validate a body that did not come through the pipe (a JSON part of a multipart upload), with the same rules
 * and the same answer as the pipe.
 */
export async function validateBody<T extends object>(type: Type<T>, value: unknown, field = 'body'): Promise<T> {
  let plain = value;
  if (typeof value === 'string') {
    try {
      plain = JSON.parse(value);
    } catch {
      throw invalid([{ field, zh: `${field}：必须是 JSON`, en: `${field} must be JSON` }]);
    }
  }
  if (typeof plain !== 'object' || plain === null || Array.isArray(plain)) {
    throw invalid([{ field, zh: `${field}：必须是对象`, en: `${field} must be an object` }]);
  }
  const instance = plainToInstance(type, plain);
  const errors = await validate(instance, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length) throw invalid(flatten(errors));
  return instance;
}
