/** Where and how notifications go; read from the environment in one place, passed as an object everywhere else. */
export interface NotificationConfig {
  /** the platform's public address, for console links; without it a message carries the path only */
  publicUrl?: string;
  /** e-mail over SMTP; without it e-mail deliveries fail (and are kept as failed) */
  smtp?: SmtpConfig;
  /** the generic SMS gateway; without it SMS deliveries fail */
  sms?: SmsGatewayConfig;
  /** per HTTP request (robots, SMS gateway) and per SMTP connection step */
  timeoutMs: number;
  retry: RetryConfig;
}

export interface SmtpConfig {
  host: string;
  port: number;
  /** TLS from the first byte (465); otherwise STARTTLS when the server offers it */
  secure: boolean;
  user?: string;
  pass?: string;
  from: string;
}

export interface SmsGatewayConfig {
  url: string;
  apiKey?: string;
  /** the header that carries the key */
  keyHeader: string;
}

export interface RetryConfig {
  /** after this many failed attempts a delivery is 'failed' */
  maxAttempts: number;
  /** wait after the first failure; doubles after each further one */
  baseDelayMs: number;
  maxDelayMs: number;
  /** how often the worker looks for due deliveries */
  pollMs: number;
  /** deliveries claimed per round */
  batchSize: number;
  /** a claimed delivery is due again after this long, should the process die while sending */
  leaseMs: number;
}

export const DEFAULT_RETRY: RetryConfig = {
  maxAttempts: 8,
  baseDelayMs: 30_000,
  maxDelayMs: 60 * 60_000,
  pollMs: 5_000,
  batchSize: 20,
  leaseMs: 5 * 60_000,
};

type Env = Record<string, string | undefined>;

const text = (env: Env, name: string): string | undefined => env[name]?.trim() || undefined;

function number(env: Env, name: string, fallback: number, min = 0): number {
  const raw = text(env, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min) throw new Error(`${name} must be a number ≥ ${min}, got "${raw}" / 环境变量 ${name} 无效`);
  return value;
}

function flag(env: Env, name: string): boolean | undefined {
  const raw = text(env, name)?.toLowerCase();
  if (raw === undefined) return undefined;
  if (['true', '1', 'yes'].includes(raw)) return true;
  if (['false', '0', 'no'].includes(raw)) return false;
  throw new Error(`${name} must be true or false, got "${raw}" / 环境变量 ${name} 无效`);
}

function smtpFrom(env: Env): SmtpConfig | undefined {
  const url = text(env, 'SMTP_URL');
  const from = text(env, 'SMTP_FROM');
  if (url) {
    const u = new URL(url);
    if (u.protocol !== 'smtp:' && u.protocol !== 'smtps:') throw new Error('SMTP_URL must be smtp://… or smtps://… / SMTP_URL 须为 smtp:// 或 smtps://');
    const secure = u.protocol === 'smtps:';
    return {
      host: u.hostname,
      port: u.port ? Number(u.port) : secure ? 465 : 587,
      secure,
      user: u.username ? decodeURIComponent(u.username) : undefined,
      pass: u.password ? decodeURIComponent(u.password) : undefined,
      from: from ?? (u.username ? decodeURIComponent(u.username) : `qingyuan@${u.hostname}`),
    };
  }
  const host = text(env, 'SMTP_HOST');
  if (!host) return undefined;
  const port = number(env, 'SMTP_PORT', 587, 1);
  if (!from) throw new Error('SMTP_FROM is not set: the sender address of alarm e-mails / 缺少环境变量 SMTP_FROM');
  return { host, port, secure: flag(env, 'SMTP_SECURE') ?? port === 465, user: text(env, 'SMTP_USER'), pass: text(env, 'SMTP_PASS'), from };
}

/** PUBLIC_URL without a trailing slash, e.g. https://qingyuan.example.gov.cn */
export function publicUrlFromEnv(env: Env = process.env): string | undefined {
  return text(env, 'PUBLIC_URL')?.replace(/\/+$/, '');
}

/**
 * PUBLIC_URL; SMTP_URL or SMTP_HOST/SMTP_PORT/SMTP_SECURE/SMTP_USER/SMTP_PASS, and SMTP_FROM; SMS_GATEWAY_URL,
 * SMS_GATEWAY_KEY, SMS_GATEWAY_KEY_HEADER; NOTIFY_MAX_ATTEMPTS, NOTIFY_RETRY_BASE_SECONDS, NOTIFY_RETRY_MAX_SECONDS,
 * NOTIFY_POLL_SECONDS, NOTIFY_TIMEOUT_SECONDS. A malformed value stops the start with a clear message.
 */
export function notificationConfigFromEnv(env: Env = process.env): NotificationConfig {
  const smsUrl = text(env, 'SMS_GATEWAY_URL');
  return {
    publicUrl: publicUrlFromEnv(env),
    smtp: smtpFrom(env),
    sms: smsUrl ? { url: smsUrl, apiKey: text(env, 'SMS_GATEWAY_KEY'), keyHeader: text(env, 'SMS_GATEWAY_KEY_HEADER') ?? 'X-Api-Key' } : undefined,
    timeoutMs: number(env, 'NOTIFY_TIMEOUT_SECONDS', 10, 1) * 1000,
    retry: {
      ...DEFAULT_RETRY,
      maxAttempts: number(env, 'NOTIFY_MAX_ATTEMPTS', DEFAULT_RETRY.maxAttempts, 1),
      baseDelayMs: number(env, 'NOTIFY_RETRY_BASE_SECONDS', DEFAULT_RETRY.baseDelayMs / 1000) * 1000,
      maxDelayMs: number(env, 'NOTIFY_RETRY_MAX_SECONDS', DEFAULT_RETRY.maxDelayMs / 1000) * 1000,
      pollMs: number(env, 'NOTIFY_POLL_SECONDS', DEFAULT_RETRY.pollMs / 1000, 0.1) * 1000,
    },
  };
}

/** Wait after the n-th failed attempt (n ≥ 1): base × 2^(n-1), capped. */
export function retryDelayMs(retry: Pick<RetryConfig, 'baseDelayMs' | 'maxDelayMs'>, attempts: number): number {
  return Math.min(retry.baseDelayMs * 2 ** Math.max(0, attempts - 1), retry.maxDelayMs);
}
