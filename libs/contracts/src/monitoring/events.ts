import type { MonitoringAlarmRaised } from '../machine-channels';

/** 预警等级, lowest first. The order decides escalation; names and thresholds are configuration (regulations §5.8 [U]). */
export const ALARM_TIERS = {
  blue: { zh: '蓝色（提示）', en: 'Blue (notice)' },
  yellow: { zh: '黄色', en: 'Yellow' },
  orange: { zh: '橙色', en: 'Orange' },
  red: { zh: '红色', en: 'Red' },
} as const;
export type AlarmTier = keyof typeof ALARM_TIERS;
export const TIER_ORDER = Object.keys(ALARM_TIERS) as AlarmTier[];

/** 预警类别 (regulations §5.7) */
export const ALARM_KINDS = {
  'exceedance-hour': { zh: '小时均值超标', en: 'Hourly average above the limit' },
  'exceedance-day': { zh: '日均值超标', en: 'Daily average above the limit' },
  'near-limit': { zh: '贴限排放（疑似干扰）', en: 'Hugging the limit (suspected interference)' },
  constant: { zh: '恒值', en: 'Constant value' },
  zero: { zh: '零值', en: 'Zero values' },
  negative: { zh: '负值', en: 'Negative value' },
  'out-of-range': { zh: '超量程', en: 'Outside the measuring range' },
  offline: { zh: '数据缺失/脱机', en: 'Missing data / offline' },
  'device-flag': { zh: '设备标记异常（停运/故障/通讯异常/超量程）', en: 'Device reports stopped, fault, link failure or over range' },
  'process-condition': { zh: '工况异常（治理设施停运而生产运行）', en: 'Treatment off while production runs' },
} as const;
export type AlarmKind = keyof typeof ALARM_KINDS;

/** 监测类型: 废水 (ST 32) or 废气 (ST 31) */
export type DeviceMedium = 'water' | 'gas';

/** One monitored factor of a device, with the limits of the discharge permit or standard. */
export interface DeviceFactor {
  /** HJ 212 code, e.g. w01018 (COD), a21026 (SO2) */
  code: string;
  name: string;
  unit: string;
  /** hourly-average limit; flue gas is judged on the converted (折算) value when `converted` */
  hourLimit?: number;
  dayLimit?: number;
  /** judge on ZsAvg / ZsRtd (折算浓度) instead of Avg / Rtd */
  converted?: boolean;
  /** the analyser's measuring range, for out-of-range and the 2 %-of-range constant rule */
  rangeMin?: number;
  rangeMax?: number;
}

/** A run signal read from the device's 工况 or run-state data (e.g. SB1-RS, e30101-Rtd): running when ≥ threshold. */
export interface ProcessSignal {
  code: string;
  field: string;
  threshold: number;
}

export interface DeviceRegistered {
  deviceId: string;
  /** 数采仪 MN */
  mn: string;
  enterpriseId?: string;
  enterpriseName: string;
  uscc?: string;
  townCode?: string;
  industry?: string;
  keyPolluter: boolean;
  outletCode: string;
  outletName?: string;
  medium: DeviceMedium;
  standard: '2005' | '2017' | '2025';
  factors: DeviceFactor[];
  /** expected reporting interval of real-time data, seconds */
  realtimeIntervalSeconds: number;
  /** 工况: treatment must run while production runs */
  process?: { production: ProcessSignal; treatment: ProcessSignal };
  location?: { lat: number; lng: number };
  active: boolean;
}

/** What an alarm rests on: the values, the limit and their times, so the clue and any case can cite it. */
export interface AlarmEvidence {
  factor?: string;
  factorName?: string;
  unit?: string;
  limit?: number;
  /** value ÷ limit for exceedances */
  multiple?: number;
  values: Array<{ dataTime: string; value?: number; flag?: string }>;
  /** when the gateway received the frame that decided it (detection latency is measured from here) */
  frameReceivedAt?: string;
  note?: string;
}

export interface AlarmOpened {
  alarmId: string;
  deviceId: string;
  mn: string;
  enterpriseId?: string;
  enterpriseName: string;
  townCode?: string;
  factor?: string;
  kind: AlarmKind;
  tier: AlarmTier;
  summary: string;
  evidence: AlarmEvidence;
  /** version of the alarm rules that decided it */
  rulesVersion: number;
  /** the data time the condition started */
  since: string;
}

export interface AlarmEscalated {
  alarmId: string;
  from: AlarmTier;
  to: AlarmTier;
  reason: 'worse' | 'persisting' | 'unacknowledged';
  summary: string;
  evidence?: AlarmEvidence;
}

export interface AlarmAcknowledged {
  alarmId: string;
  note?: string;
}

export interface AlarmCleared {
  alarmId: string;
  reason: 'recovered' | 'closed-by-staff';
  note?: string;
  evidence?: AlarmEvidence;
}

/** 远程预警: the enterprise is told to look at it and explain */
export interface RemoteWarningIssued {
  alarmId: string;
  message: string;
  replyDueAt: string;
}

export interface EnterpriseExplained {
  alarmId: string;
  explanation: string;
}

export const VERIFICATION_RESULTS = {
  confirmed: { zh: '属实（存在违法排放）', en: 'Confirmed (unlawful discharge)' },
  'equipment-fault': { zh: '监测设备故障', en: 'Monitoring equipment fault' },
  'process-explained': { zh: '工况原因（已报备）', en: 'Explained by operating conditions (reported)' },
  'false-alarm': { zh: '误报', en: 'False alarm' },
} as const;
export type VerificationResult = keyof typeof VERIFICATION_RESULTS;

/** 现场核查 task */
export interface SiteVerificationAssigned {
  alarmId: string;
  taskId: string;
  townCode?: string;
  assigneeId?: string;
  assigneeName?: string;
  dueAt: string;
}

export interface SiteVerificationRecorded {
  alarmId: string;
  taskId: string;
  result: VerificationResult;
  findings: string;
  evidenceRefs: string[];
}

/** 重点督办 */
export interface SupervisionOrdered {
  alarmId: string;
  department: string;
  requirement: string;
  dueAt: string;
}

export interface SupervisionClosed {
  alarmId: string;
  outcome: string;
}

export interface MonitoringEventMap {
  DeviceRegistered: DeviceRegistered;
  AlarmOpened: AlarmOpened;
  AlarmEscalated: AlarmEscalated;
  AlarmAcknowledged: AlarmAcknowledged;
  AlarmCleared: AlarmCleared;
  RemoteWarningIssued: RemoteWarningIssued;
  EnterpriseExplained: EnterpriseExplained;
  SiteVerificationAssigned: SiteVerificationAssigned;
  SiteVerificationRecorded: SiteVerificationRecorded;
  SupervisionOrdered: SupervisionOrdered;
  SupervisionClosed: SupervisionClosed;
  /** the hand-over to intake when an alarm reaches the clue tier (machine channel) */
  MonitoringAlarmRaised: MonitoringAlarmRaised;
}

export type MonitoringEvent = { [K in keyof MonitoringEventMap]: { type: K; data: MonitoringEventMap[K] } }[keyof MonitoringEventMap];
