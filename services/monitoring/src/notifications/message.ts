import { ALARM_KINDS, ALARM_TIERS, type AlarmKind, type AlarmTier } from '@qingyuan/contracts';
import type { ChannelKind } from './routing';

/** What a channel sends: a title (DingTalk's preview, the e-mail subject) and the body in the channel's format. */
export interface OutgoingMessage {
  title: string;
  text: string;
}

/** The alarm as a message describes it: no personal data, only the enterprise, its device and the condition. */
export interface AlarmFacts {
  alarmId: string;
  enterpriseName: string;
  mn: string;
  outletCode?: string | null;
  outletName?: string | null;
  tier: AlarmTier;
  kind: AlarmKind;
  summary: string;
  /** the data time the condition started */
  since: string;
}

/** Why the message is sent. */
export type Notice =
  | { type: 'AlarmOpened' }
  | { type: 'AlarmEscalated'; from: AlarmTier; reason: 'worse' | 'persisting' | 'unacknowledged' }
  | { type: 'RemoteWarningIssued'; message: string; replyDueAt: string }
  | { type: 'SiteVerificationAssigned'; dueAt: string }
  | { type: 'SupervisionOrdered'; department: string; requirement: string; dueAt: string };

const HEADLINES: Record<Notice['type'], { zh: string; en: string }> = {
  AlarmOpened: { zh: '在线监控预警', en: 'Monitoring alarm' },
  AlarmEscalated: { zh: '预警升级', en: 'Alarm escalated' },
  RemoteWarningIssued: { zh: '远程预警：请核查并说明', en: 'Remote warning: check and explain' },
  SiteVerificationAssigned: { zh: '现场核查任务', en: 'Site verification assigned' },
  SupervisionOrdered: { zh: '重点督办', en: 'Supervision ordered' },
};

const REASONS = {
  worse: { zh: '情况加重', en: 'it got worse' },
  persisting: { zh: '持续未消除', en: 'it persists' },
  unacknowledged: { zh: '超时未确认', en: 'not acknowledged in time' },
} as const;

const tierZh = (tier: AlarmTier) => ALARM_TIERS[tier]?.zh ?? tier;
const tierEn = (tier: AlarmTier) => ALARM_TIERS[tier]?.en ?? tier;

/** China has one offset all year (UTC+8, no daylight saving). */
export function beijingTime(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return `${new Date(ms + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ')}（北京时间 / Beijing time）`;
}

export function consoleLink(publicUrl: string | undefined, alarmId: string): string {
  return `${publicUrl ?? ''}/console/monitoring/alarms/${alarmId}`;
}

export interface ComposeOptions {
  channel: ChannelKind;
  /** when the event happened */
  at: string;
  publicUrl?: string;
  /** staff get the console link; an enterprise has no console account */
  withLink: boolean;
}

/** Label–value lines, Chinese first then English, specific to why the message is sent, then the alarm. */
function lines(notice: Notice, facts: AlarmFacts, at: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  switch (notice.type) {
    case 'AlarmEscalated':
      out.push(['升级 / Escalated', `${tierZh(notice.from)} → ${tierZh(facts.tier)}（${REASONS[notice.reason].zh}）/ ${tierEn(notice.from)} → ${tierEn(facts.tier)} (${REASONS[notice.reason].en})`]);
      break;
    case 'RemoteWarningIssued':
      out.push(['预警内容 / Warning', notice.message], ['说明期限 / Reply by', beijingTime(notice.replyDueAt)]);
      break;
    case 'SiteVerificationAssigned':
      out.push(['核查期限 / Verify by', beijingTime(notice.dueAt)]);
      break;
    case 'SupervisionOrdered':
      out.push(['督办部门 / Department', notice.department], ['督办要求 / Requirement', notice.requirement], ['办结期限 / Due', beijingTime(notice.dueAt)]);
      break;
    case 'AlarmOpened':
      break;
  }
  const outlet = [facts.outletCode, facts.outletName].filter(Boolean).join(' ');
  const kind = ALARM_KINDS[facts.kind];
  out.push(
    ['企业 / Enterprise', facts.enterpriseName],
    ['数采仪 MN / Data logger MN', facts.mn],
    ...(outlet ? [['排口 / Outlet', outlet] as [string, string]] : []),
    ['等级 / Tier', `${tierZh(facts.tier)} / ${tierEn(facts.tier)}`],
    ['类别 / Kind', kind ? `${kind.zh} / ${kind.en}` : facts.kind],
    ['概要 / Summary', facts.summary],
    ['起始 / Since', beijingTime(facts.since)],
    ['时间 / Time', beijingTime(at)],
  );
  return out;
}

/** The message for one channel: markdown for the robots, plain text for SMS and e-mail. */
export function composeMessage(notice: Notice, facts: AlarmFacts, options: ComposeOptions): OutgoingMessage {
  const headline = HEADLINES[notice.type];
  const title = `【${tierZh(facts.tier)}】${headline.zh} / ${headline.en}：${facts.enterpriseName}`;
  const body = lines(notice, facts, options.at);
  const link = options.withLink ? consoleLink(options.publicUrl, facts.alarmId) : undefined;
  if (options.channel === 'dingtalk' || options.channel === 'wecom') {
    const text = [
      `### ${title}`,
      ...body.map(([label, value]) => `- **${label}**：${value}`),
      ...(link ? [`\n[在控制台查看 / Open in the console](${link})`] : []),
    ].join('\n');
    return { title, text };
  }
  const text = [title, ...body.map(([label, value]) => `${label}：${value}`), ...(link ? [`控制台 / Console：${link}`] : [])].join('\n');
  return { title, text };
}
