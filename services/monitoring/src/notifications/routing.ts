import { TIER_ORDER, type AlarmTier } from '@qingyuan/contracts';

export const AUDIENCES = {
  bureau: { zh: '分局', en: 'Bureau' },
  department: { zh: '行业主管部门', en: 'Department for the industry' },
  enterprise: { zh: '企业联系人', en: 'Enterprise contact' },
} as const;
export type Audience = keyof typeof AUDIENCES;

export const CHANNELS = {
  dingtalk: { zh: '钉钉机器人', en: 'DingTalk robot' },
  wecom: { zh: '企业微信群机器人', en: 'WeCom group robot' },
  sms: { zh: '短信', en: 'SMS' },
  email: { zh: '电子邮件', en: 'E-mail' },
} as const;
export type ChannelKind = keyof typeof CHANNELS;

/** A recipient as routing sees it. */
export interface Recipient {
  recipientId: string;
  audience: Audience;
  /** department recipients: the industry they cover; null = every industry */
  industry: string | null;
  enterpriseId: string | null;
  channel: ChannelKind;
  address: string;
  minTier: AlarmTier;
  active: boolean;
}

/** What routing needs to know about the alarm at the time of the event. */
export interface RouteTarget {
  tier: AlarmTier;
  industry?: string | null;
  enterpriseId?: string | null;
}

export interface Route {
  audiences: Audience[];
  /** audiences told whatever the tier (a remote warning is addressed to the enterprise itself) */
  regardlessOfTier?: Audience[];
}

/** Which events notify whom. Acknowledgements, explanations, results and closures are the bureau's own work: no message. */
export const ROUTES: Partial<Record<string, Route>> = {
  AlarmOpened: { audiences: ['bureau', 'department', 'enterprise'] },
  AlarmEscalated: { audiences: ['bureau', 'department', 'enterprise'] },
  RemoteWarningIssued: { audiences: ['enterprise'], regardlessOfTier: ['enterprise'] },
  SiteVerificationAssigned: { audiences: ['bureau', 'department'] },
  SupervisionOrdered: { audiences: ['bureau', 'department'] },
};

const rank = (tier: AlarmTier) => TIER_ORDER.indexOf(tier);
const normalise = (industry: string) => industry.trim().toLowerCase();

export function sameIndustry(covered: string | null, industry: string | null | undefined): boolean {
  if (covered === null) return true;
  return !!industry && normalise(covered) === normalise(industry);
}

/** The active recipients an event about this alarm goes to. */
export function routeRecipients(recipients: Recipient[], route: Route, target: RouteTarget): Recipient[] {
  return recipients.filter((r) => {
    if (!r.active || !route.audiences.includes(r.audience)) return false;
    if (!route.regardlessOfTier?.includes(r.audience) && rank(r.minTier) > rank(target.tier)) return false;
    switch (r.audience) {
      case 'bureau':
        return true;
      case 'department':
        return sameIndustry(r.industry, target.industry);
      case 'enterprise':
        return !!target.enterpriseId && r.enterpriseId === target.enterpriseId;
    }
  });
}
