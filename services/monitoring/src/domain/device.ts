import type { DeviceFactor, DeviceMedium, ProcessSignal } from '@qingyuan/contracts';

/** What staff (or an import) give to register a device; the password is hashed before anything is stored. */
export interface DeviceInput {
  mn: string;
  pw: string;
  /** the enterprise from enforcement's registry, by id or by 统一社会信用代码 */
  enterpriseId?: string;
  uscc?: string;
  /** only when the enterprise is not (yet) in the registry */
  enterpriseName?: string;
  outletCode: string;
  outletName?: string;
  medium: DeviceMedium;
  standard: '2005' | '2017' | '2025';
  factors: DeviceFactor[];
  realtimeIntervalSeconds: number;
  process?: { production: ProcessSignal; treatment: ProcessSignal };
  location?: { lat: number; lng: number };
  active?: boolean;
}

export interface FieldProblem {
  field: string;
  zh: string;
  en: string;
}

const MN = /^[0-9A-Za-z]{1,24}$/;
const PW = /^[0-9A-Za-z]{1,6}$/;
const CODE = /^[A-Za-z0-9]{1,16}$/;

/** Every problem of a device registration, with the field it concerns. */
export function deviceProblems(d: DeviceInput): FieldProblem[] {
  const out: FieldProblem[] = [];
  const p = (field: string, zh: string, en: string) => out.push({ field, zh, en });
  if (typeof d.mn !== 'string' || !MN.test(d.mn)) p('mn', '须为 1–24 位字母或数字（数采仪 MN）', 'must be 1–24 letters or digits (data logger MN)');
  if (typeof d.pw !== 'string' || !PW.test(d.pw)) p('pw', '须为 1–6 位字母或数字（访问密码 PW）', 'must be 1–6 letters or digits (access password PW)');
  if (!d.enterpriseId && !d.uscc && !d.enterpriseName?.trim()) p('enterpriseId', '须指明排污单位（名录 ID、信用代码或名称）', 'name the enterprise (registry id, credit code or name)');
  if (typeof d.outletCode !== 'string' || !d.outletCode.trim()) p('outletCode', '须填写排放口编号', 'the outlet code is required');
  if (d.medium !== 'water' && d.medium !== 'gas') p('medium', '须为 water（废水）或 gas（废气）', 'must be water or gas');
  if (!['2005', '2017', '2025'].includes(d.standard)) p('standard', '须为 2005、2017 或 2025', 'must be 2005, 2017 or 2025');
  if (!Number.isInteger(d.realtimeIntervalSeconds) || d.realtimeIntervalSeconds < 1 || d.realtimeIntervalSeconds > 86_400) {
    p('realtimeIntervalSeconds', '须为 1–86400 的整数秒', 'must be a whole number of seconds from 1 to 86400');
  }
  if (!Array.isArray(d.factors) || d.factors.length === 0) p('factors', '至少需要一个监测因子', 'needs at least one factor');
  const seen = new Set<string>();
  (Array.isArray(d.factors) ? d.factors : []).forEach((f, i) => {
    const at = `factors[${i}]`;
    if (!f || typeof f.code !== 'string' || !CODE.test(f.code)) return p(`${at}.code`, '须为 HJ 212 因子编码', 'must be an HJ 212 factor code');
    if (seen.has(f.code)) p(`${at}.code`, '因子重复', 'is listed twice');
    seen.add(f.code);
    if (typeof f.name !== 'string' || !f.name.trim()) p(`${at}.name`, '须填写名称', 'the name is required');
    if (typeof f.unit !== 'string') p(`${at}.unit`, '须填写单位', 'the unit is required');
    for (const key of ['hourLimit', 'dayLimit'] as const) {
      if (f[key] !== undefined && !(typeof f[key] === 'number' && f[key] > 0)) p(`${at}.${key}`, '须为正数', 'must be a positive number');
    }
    for (const key of ['rangeMin', 'rangeMax'] as const) {
      if (f[key] !== undefined && !(typeof f[key] === 'number' && Number.isFinite(f[key]))) p(`${at}.${key}`, '须为数字', 'must be a number');
    }
    if (f.rangeMin !== undefined && f.rangeMax !== undefined && !(f.rangeMax > f.rangeMin)) p(`${at}.rangeMax`, '须大于量程下限', 'must be above rangeMin');
  });
  if (d.process) {
    for (const side of ['production', 'treatment'] as const) {
      const s = d.process[side];
      if (!s || typeof s.code !== 'string' || !CODE.test(s.code) || typeof s.field !== 'string' || !s.field || typeof s.threshold !== 'number') {
        p(`process.${side}`, '须给出编码、字段和运行阈值（如 SB1 / RS / 1）', 'needs code, field and running threshold (e.g. SB1 / RS / 1)');
      }
    }
  }
  if (d.location && !(Math.abs(d.location.lat) <= 90 && Math.abs(d.location.lng) <= 180)) p('location', '经纬度无效', 'is not a valid latitude/longitude');
  return out;
}
