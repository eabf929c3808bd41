import { createHmac } from 'node:crypto';
import { createTransport, type Transporter } from 'nodemailer';
import type { NotificationConfig } from './config';
import type { OutgoingMessage } from './message';
import type { ChannelKind } from './routing';

/** Where one delivery goes. */
export interface RecipientAddress {
  address: string;
  /** DingTalk 加签 secret */
  secret?: string | null;
}

/** A way to send. Resolves once the other side accepted the message; throws (with a short reason) otherwise. */
export interface Channel {
  send(message: OutgoingMessage, recipient: RecipientAddress): Promise<void>;
}

export type Channels = Record<ChannelKind, Channel>;

/** A failure whose message is safe to keep: it never carries the webhook's token, the secret or the message. */
export class DeliveryError extends Error {
  override name = 'DeliveryError';
}

/** DingTalk 加签: HMAC-SHA256 over "timestamp\nsecret" keyed with the secret, base64, then URL-encoded. */
export function dingTalkSign(secret: string, timestamp: number): string {
  return encodeURIComponent(createHmac('sha256', secret).update(`${timestamp}\n${secret}`, 'utf8').digest('base64'));
}

export function signedDingTalkUrl(webhook: string, secret: string, timestamp = Date.now()): string {
  return `${webhook}${webhook.includes('?') ? '&' : '?'}timestamp=${timestamp}&sign=${dingTalkSign(secret, timestamp)}`;
}

/** Cut a string to at most `bytes` of UTF-8 without splitting a character. */
export function truncateUtf8(text: string, bytes: number): string {
  if (Buffer.byteLength(text, 'utf8') <= bytes) return text;
  let out = '';
  let used = 0;
  for (const ch of text) {
    const size = Buffer.byteLength(ch, 'utf8');
    if (used + size > bytes - 3) break;
    out += ch;
    used += size;
  }
  return `${out}…`;
}

async function postJson(url: string, body: unknown, timeoutMs: number, headers: Record<string, string> = {}): Promise<{ status: number; text: string }> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'error',
    });
  } catch (error) {
    // fetch's own message is "fetch failed"; the cause says what happened (refused, timed out, DNS)
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : error instanceof Error ? error.message : String(error);
    throw new DeliveryError(`request failed: ${cause}`);
  }
  const text = await response.text().catch(() => '');
  if (response.status < 200 || response.status >= 300) throw new DeliveryError(`HTTP ${response.status}: ${text.slice(0, 200)}`);
  return { status: response.status, text };
}

/** Both robots answer 200 with {errcode, errmsg}; anything but errcode 0 is a failure. */
function checkRobotReply(robot: string, text: string): void {
  let reply: { errcode?: unknown; errmsg?: unknown };
  try {
    reply = JSON.parse(text);
  } catch {
    throw new DeliveryError(`${robot} answered something other than JSON: ${text.slice(0, 200)}`);
  }
  if (reply.errcode !== 0) throw new DeliveryError(`${robot} errcode ${String(reply.errcode)}: ${String(reply.errmsg ?? '').slice(0, 200)}`);
}

export function dingTalkChannel(timeoutMs: number, clock: () => number = Date.now): Channel {
  return {
    async send(message, recipient) {
      const url = recipient.secret ? signedDingTalkUrl(recipient.address, recipient.secret, clock()) : recipient.address;
      const { text } = await postJson(url, { msgtype: 'markdown', markdown: { title: message.title, text: message.text } }, timeoutMs);
      checkRobotReply('DingTalk', text);
    },
  };
}

/** WeCom refuses markdown content over 4096 bytes (errcode 40058): cut rather than lose the message. */
export function weComChannel(timeoutMs: number): Channel {
  return {
    async send(message, recipient) {
      const { text } = await postJson(recipient.address, { msgtype: 'markdown', markdown: { content: truncateUtf8(message.text, 4096) } }, timeoutMs);
      checkRobotReply('WeCom', text);
    },
  };
}

/** The generic SMS gateway contract (README): POST {phone, text} with the key in a header; 2xx = accepted. */
export function smsChannel(config: NotificationConfig['sms'], timeoutMs: number): Channel {
  return {
    async send(message, recipient) {
      if (!config) throw new DeliveryError('SMS is not configured (SMS_GATEWAY_URL)');
      const headers: Record<string, string> = config.apiKey ? { [config.keyHeader]: config.apiKey } : {};
      await postJson(config.url, { phone: recipient.address, text: message.text }, timeoutMs, headers);
    },
  };
}

export function emailChannel(config: NotificationConfig['smtp'], timeoutMs: number): Channel & { close(): void } {
  let transport: Transporter | undefined;
  return {
    async send(message, recipient) {
      if (!config) throw new DeliveryError('e-mail is not configured (SMTP_URL or SMTP_HOST)');
      transport ??= createTransport({
        host: config.host,
        port: config.port,
        secure: config.secure,
        auth: config.user ? { user: config.user, pass: config.pass ?? '' } : undefined,
        connectionTimeout: timeoutMs,
        greetingTimeout: timeoutMs,
        socketTimeout: timeoutMs,
      });
      try {
        await transport.sendMail({ from: config.from, to: recipient.address, subject: message.title, text: message.text });
      } catch (error) {
        throw new DeliveryError(`SMTP: ${error instanceof Error ? error.message.slice(0, 200) : String(error)}`);
      }
    },
    close() {
      transport?.close();
      transport = undefined;
    },
  };
}

/** The four channels from one configuration. */
export function channelsFrom(config: NotificationConfig): Channels & { close(): void } {
  const email = emailChannel(config.smtp, config.timeoutMs);
  return {
    dingtalk: dingTalkChannel(config.timeoutMs),
    wecom: weComChannel(config.timeoutMs),
    sms: smsChannel(config.sms, config.timeoutMs),
    email,
    close: () => email.close(),
  };
}
