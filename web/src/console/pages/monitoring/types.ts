/** What services/monitoring answers under /api/monitoring (the console's view of it). */

/** 预警等级, lowest first (libs/contracts ALARM_TIERS); names are the messages monitoring.tier.<tier>. */
export const TIERS = ['blue', 'yellow', 'orange', 'red'] as const;
export type AlarmTier = (typeof TIERS)[number];

/** The tag colour of each tier, as the bureau's 蓝黄橙红 warning colours. */
export const TIER_COLOURS: Record<AlarmTier, string> = { blue: 'blue', yellow: 'gold', orange: 'orange', red: 'red' };

/** 预警类别 (libs/contracts ALARM_KINDS) */
export const KINDS = [
  'exceedance-hour',
  'exceedance-day',
  'near-limit',
  'constant',
  'zero',
  'negative',
  'out-of-range',
  'offline',
  'device-flag',
  'process-condition',
] as const;

/** 处置阶段: 预警 → 远程预警 → 现场核查 → 核查结果 → 重点督办 → 办结 */
export const STAGES = ['alarm', 'warned', 'verifying', 'verified', 'supervised', 'closed'] as const;
export type AlarmStage = (typeof STAGES)[number];

export const VERIFICATION_RESULTS = ['confirmed', 'equipment-fault', 'process-explained', 'false-alarm'] as const;
export type VerificationResult = (typeof VERIFICATION_RESULTS)[number];

export const MEDIA = ['water', 'gas'] as const;
export const STANDARDS = ['2017', '2025', '2005'] as const;

export interface DeviceFactor {
  code: string;
  name: string;
  unit: string;
  hourLimit?: number;
  dayLimit?: number;
  converted?: boolean;
  rangeMin?: number;
  rangeMax?: number;
}

export interface Device {
  deviceId: string;
  mn: string;
  enterpriseId?: string;
  enterpriseName: string;
  uscc?: string;
  townCode?: string;
  industry?: string;
  keyPolluter: boolean;
  outletCode: string;
  outletName?: string;
  medium: 'water' | 'gas';
  standard: '2005' | '2017' | '2025';
  factors: DeviceFactor[];
  realtimeIntervalSeconds: number;
  active: boolean;
  registeredAt: string;
  lastSeenAt: string | null;
  lastDataTime: string | null;
  frames: number;
  duplicates: number;
  rejected: number;
  openAlarms: number;
  online: boolean;
}

export interface AlarmSummary {
  alarmId: string;
  deviceId: string;
  mn: string;
  enterpriseId?: string;
  enterpriseName: string;
  townCode?: string;
  factor?: string;
  kind: string;
  tier: AlarmTier;
  status: 'open' | 'cleared';
  stage: AlarmStage;
  summary: string;
  since: string;
  openedAt: string;
  acknowledgedAt: string | null;
  clearedAt: string | null;
  clueRaised: boolean;
}

export interface AlarmEvidence {
  factor?: string;
  factorName?: string;
  unit?: string;
  limit?: number;
  multiple?: number;
  values: Array<{ dataTime: string; value?: number; flag?: string }>;
  frameReceivedAt?: string;
  note?: string;
}

export interface VerificationTask {
  taskId: string;
  townCode?: string;
  assigneeId?: string;
  assigneeName?: string;
  dueAt: string;
  status: 'assigned' | 'recorded';
  result?: VerificationResult;
  findings?: string;
  evidenceRefs?: string[];
  assignedAt: string;
  recordedAt?: string;
}

export interface TimelineEvent {
  type: string;
  at: string;
  actor?: { kind: string; id?: string; name?: string; roles?: string[] };
  data: Record<string, unknown>;
}

export interface AlarmDetail extends AlarmSummary {
  evidence: AlarmEvidence;
  warning?: { message: string; replyDueAt: string; issuedAt: string; explanation?: string; explainedAt?: string } | null;
  supervision?: { department: string; requirement: string; dueAt: string; orderedAt: string; outcome?: string; closedAt?: string } | null;
  rulesVersion: number;
  version: number;
  tasks: VerificationTask[];
  timeline: TimelineEvent[];
}

/** GET /api/monitoring/verification-tasks/mine */
export interface MyTask {
  taskId: string;
  alarmId: string;
  dueAt: string;
  status: 'assigned';
  townCode?: string;
  enterpriseName: string;
  mn: string;
  summary: string;
  tier: AlarmTier;
  kind: string;
}

export type TrendPeriod = 'day' | 'month' | 'year';

export interface TrendPoint {
  dataTime: string;
  value?: number;
  min?: number;
  max?: number;
  flag?: string;
}

export interface Trend {
  mn: string;
  factor: DeviceFactor;
  period: TrendPeriod;
  from: string;
  limit?: number;
  source: string;
  points: TrendPoint[];
}

export interface RejectedFrame {
  receivedAt: string;
  mn: string;
  reason: string;
  frame: string;
}

export interface RuleVersion<T = unknown> {
  version: number;
  rules: T;
  createdBy: string;
  createdAt: string;
  note?: string;
}

/** 通知对象 (GET/POST /api/monitoring/recipients; the secret is never sent back) */
export const AUDIENCES = ['bureau', 'department', 'enterprise'] as const;
export const CHANNELS = ['dingtalk', 'wecom', 'sms', 'email'] as const;

export interface Recipient {
  recipientId: string;
  audience: (typeof AUDIENCES)[number];
  name: string;
  channel: (typeof CHANNELS)[number];
  address: string;
  hasSecret?: boolean;
  industry: string | null;
  enterpriseId: string | null;
  minTier: AlarmTier;
  active: boolean;
  updatedBy?: string;
  updatedAt?: string;
}

export interface Delivery {
  deliveryId: string;
  eventType: string;
  recipientId: string;
  recipientName: string | null;
  audience: Recipient['audience'] | null;
  channel: Recipient['channel'];
  address: string;
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  lastError: string | null;
  sentAt: string | null;
  createdAt: string;
}
