import { signedDingTalkUrl, truncateUtf8 } from './channels';
import { notificationConfigFromEnv, retryDelayMs } from './config';
import { beijingTime } from './message';
import { maskAddress } from './notifications';
import { ROUTES, routeRecipients, type Recipient } from './routing';

const recipient = (over: Partial<Recipient>): Recipient => ({
  recipientId: over.recipientId ?? 'r', audience: 'bureau', industry: null, enterpriseId: null, channel: 'sms', address: '13800000000', minTier: 'blue', active: true, ...over,
});

describe('notification routing, formatting and configuration (plain functions)', () => {
  it('routes by audience, minimum tier, industry and the alarm’s own enterprise', () => {
    const all = [
      recipient({ recipientId: 'bureau-orange', minTier: 'orange' }),
      recipient({ recipientId: 'bureau-off', active: false }),
      recipient({ recipientId: 'dept-textile', audience: 'department', industry: '纺织印染 ' }),
      recipient({ recipientId: 'dept-any', audience: 'department' }),
      recipient({ recipientId: 'ent-a', audience: 'enterprise', enterpriseId: 'A', minTier: 'red' }),
      recipient({ recipientId: 'ent-b', audience: 'enterprise', enterpriseId: 'B' }),
    ];
    const ids = (route: keyof typeof ROUTES, target: Parameters<typeof routeRecipients>[2]) => routeRecipients(all, ROUTES[route]!, target).map((r) => r.recipientId);
    expect(ids('AlarmOpened', { tier: 'yellow', industry: '纺织印染', enterpriseId: 'A' })).toEqual(['dept-textile', 'dept-any']);
    expect(ids('AlarmEscalated', { tier: 'red', industry: '电镀', enterpriseId: 'A' })).toEqual(['bureau-orange', 'dept-any', 'ent-a']);
    expect(ids('AlarmOpened', { tier: 'red', industry: null, enterpriseId: null })).toEqual(['bureau-orange', 'dept-any']);
    expect(ids('RemoteWarningIssued', { tier: 'blue', enterpriseId: 'A' })).toEqual(['ent-a']);
    expect(ids('SupervisionOrdered', { tier: 'red', industry: '纺织印染', enterpriseId: 'B' })).toEqual(['bureau-orange', 'dept-textile', 'dept-any']);
    expect(ROUTES.AlarmCleared).toBeUndefined();
  });

  it('backs off 30 s × 2^(n-1), capped', () => {
    const retry = { baseDelayMs: 30_000, maxDelayMs: 600_000 };
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => retryDelayMs(retry, n) / 1000)).toEqual([30, 60, 120, 240, 480, 600, 600]);
  });

  it('reads the channels from the environment, with clear errors for malformed values', () => {
    expect(notificationConfigFromEnv({})).toMatchObject({ publicUrl: undefined, smtp: undefined, sms: undefined, timeoutMs: 10_000, retry: { maxAttempts: 8, baseDelayMs: 30_000 } });
    const full = notificationConfigFromEnv({
      PUBLIC_URL: 'https://qy.example.gov.cn/', SMTP_URL: 'smtps://alarm%40example.gov.cn:p%40ss@smtp.example.gov.cn', SMS_GATEWAY_URL: 'https://sms.example.com/send', SMS_GATEWAY_KEY: 'k',
      NOTIFY_MAX_ATTEMPTS: '5', NOTIFY_RETRY_BASE_SECONDS: '10',
    });
    expect(full).toMatchObject({
      publicUrl: 'https://qy.example.gov.cn',
      smtp: { host: 'smtp.example.gov.cn', port: 465, secure: true, user: 'alarm@example.gov.cn', pass: 'p@ss', from: 'alarm@example.gov.cn' },
      sms: { url: 'https://sms.example.com/send', apiKey: 'k', keyHeader: 'X-Api-Key' },
      retry: { maxAttempts: 5, baseDelayMs: 10_000 },
    });
    expect(notificationConfigFromEnv({ SMTP_HOST: 'mail', SMTP_FROM: 'a@b.cn' }).smtp).toEqual({ host: 'mail', port: 587, secure: false, user: undefined, pass: undefined, from: 'a@b.cn' });
    expect(() => notificationConfigFromEnv({ SMTP_HOST: 'mail' })).toThrow('SMTP_FROM');
    expect(() => notificationConfigFromEnv({ NOTIFY_MAX_ATTEMPTS: 'many' })).toThrow('NOTIFY_MAX_ATTEMPTS');
    expect(() => notificationConfigFromEnv({ SMTP_SECURE: 'perhaps', SMTP_HOST: 'mail', SMTP_FROM: 'a@b.cn' })).toThrow('SMTP_SECURE');
  });

  it('signs DingTalk URLs after an existing query, cuts WeCom text at whole characters, writes Beijing time, masks addresses', () => {
    expect(signedDingTalkUrl('https://oapi.dingtalk.com/robot/send?access_token=t', 'SEC1', 1700000000000)).toMatch(/^https:\/\/oapi\.dingtalk\.com\/robot\/send\?access_token=t&timestamp=1700000000000&sign=[A-Za-z0-9%]+$/);
    const cut = truncateUtf8('预'.repeat(2000), 4096);
    expect(Buffer.byteLength(cut)).toBeLessThanOrEqual(4096);
    expect(cut.endsWith('预…')).toBe(true);
    expect(truncateUtf8('short', 4096)).toBe('short');
    expect(beijingTime('2026-12-31T16:30:00Z')).toBe('2027-01-01 00:30（北京时间 / Beijing time）');
    expect(maskAddress('sms', '+8613800138000')).toBe('+86138****8000');
    expect(maskAddress('wecom', 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=secret')).toBe('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?…');
  });
});
