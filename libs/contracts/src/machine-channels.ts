import type { Category } from './reference/categories';
import type { Location } from './location';

/**
 * Events of other services that open a clue in intake (machine channels). Their producers come with the
 * monitoring and enforcement services; intake already consumes them.
 */
export const MACHINE_TOPICS = {
  monitoring: 'qingyuan.monitoring.events',
  enforcement: 'qingyuan.enforcement.events',
  judicial: 'qingyuan.judicial.events',
} as const;

/** 在线监控报警 that needs a person to look at it */
export interface MonitoringAlarmRaised {
  alarmId: string;
  /** device MN (数采仪编号) */
  deviceMn: string;
  enterpriseName?: string;
  category: Category;
  /** e.g. 'COD 小时均值超标 2.3 倍' */
  summary: string;
  level: 'notice' | 'warning' | 'serious';
  at: string;
  location: Location;
}

/** 执法检查发现问题 */
export interface InspectionFindingRecorded {
  findingId: string;
  inspectionId: string;
  enterpriseId?: string;
  enterpriseName?: string;
  /** a violation found by two officers: intake accepts the clue at once, so cases opens the problem */
  violation?: boolean;
  category: Category;
  summary: string;
  at: string;
  location: Location;
}
