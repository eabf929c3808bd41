import type { AlarmEvidence, AlarmKind, AlarmTier, DeviceFactor, DeviceRegistered } from '@qingyuan/contracts';
import { exceedanceTier, type AlarmRules } from './alarm-rules';
import { RecentReadings } from './recent-readings';
import type { DataKind, Upload } from './upload';

/** A rule's verdict on one upload: the condition holds (an alarm should be open at `tier`) or it no longer holds. */
export interface Condition {
  kind: AlarmKind;
  factor?: string;
  present: boolean;
  tier?: AlarmTier;
  summary?: string;
  evidence: AlarmEvidence;
  dataTime: Date;
}

/** What the rules remember of a device between uploads (real-time runs); rebuilt from new data after a restart. */
export interface DeviceWindow {
  /** per factor code: real-time and minute values keep separate runs (mixed, a 60 s logger's readings would count twice) */
  realtime: Map<string, FactorWindow>;
  minute: Map<string, FactorWindow>;
  averages: Map<string, FactorWindow>;
  processRun: number;
}

interface FactorWindow {
  /** the last readings for the constant rule */
  recent: RecentReadings;
  zeroRun: number;
  flagRun: number;
  flags: string[];
  nearLimitRun: number;
}

export const newDeviceWindow = (): DeviceWindow => ({ realtime: new Map(), minute: new Map(), averages: new Map(), processRun: 0 });

type Device = Pick<DeviceRegistered, 'factors' | 'keyPolluter' | 'process'>;

/** Whether an alarm of this kind (and factor) may be open for the device; without it every verdict is reported. */
export type MayBeOpen = (kind: AlarmKind, factor?: string) => boolean;

/**
 * Judge one stored upload of a device against the rules. Pure apart from the window it keeps. With `mayBeOpen`, the
 * real-time "no longer holds" verdicts are reported only for alarms that may be open (the ingest knows which are).
 */
export function judgeUpload(device: Device, rules: AlarmRules, upload: Upload, window: DeviceWindow, mayBeOpen?: MayBeOpen): Condition[] {
  const out: Condition[] = [];
  if (upload.kind === 'realtime' || upload.kind === 'minute') {
    const windows = upload.kind === 'realtime' ? window.realtime : window.minute;
    for (const factor of device.factors) {
      const fields = upload.values[factor.code];
      if (fields) judgeReading({ factor, rules, upload, fields, out, mayBeOpen }, factorWindow(windows, factor.code));
    }
  }
  if (upload.kind === 'hour' || upload.kind === 'day') {
    for (const factor of device.factors) {
      const fields = upload.values[factor.code];
      if (fields) judgeAverage(factor, device.keyPolluter, rules, upload, fields, factorWindow(window.averages, factor.code), out);
    }
  }
  if (device.process) judgeProcess(device.process, rules, upload, window, out);
  return out;
}

const MAIN_FIELD: Record<DataKind, string> = { realtime: 'Rtd', minute: 'Avg', hour: 'Avg', day: 'Avg', 'run-state': 'RS' };

/** The value the rules judge: the converted (折算) one for flue gas when configured. */
export function judgedValue(factor: DeviceFactor, kind: DataKind, fields: Record<string, string>): number | undefined {
  const main = MAIN_FIELD[kind];
  const raw = factor.converted ? (fields[`Zs${main}`] ?? fields[main]) : fields[main];
  if (raw === undefined || raw.trim() === '') return undefined;
  const n = Number(raw);
  return Number.isFinite(n) ? n : undefined;
}

function factorWindow(windows: Map<string, FactorWindow>, code: string): FactorWindow {
  let w = windows.get(code);
  if (!w) windows.set(code, (w = { recent: new RecentReadings(), zeroRun: 0, flagRun: 0, flags: [], nearLimitRun: 0 }));
  return w;
}

/** One factor's reading being judged (one object per reading: tens of thousands a second, no closures). */
interface Reading {
  factor: DeviceFactor;
  rules: AlarmRules;
  upload: Upload;
  fields: Record<string, string>;
  out: Condition[];
  mayBeOpen?: MayBeOpen;
  flag?: string;
  value?: number;
}

const evidenceOf = (r: Reading, values: AlarmEvidence['values'], note?: string): AlarmEvidence => ({
  factor: r.factor.code,
  factorName: r.factor.name,
  unit: r.factor.unit,
  values,
  frameReceivedAt: new Date(r.upload.receivedAt).toISOString(),
  ...(note ? { note } : {}),
});

const pointOf = (r: Reading): AlarmEvidence['values'] => [{ dataTime: r.upload.dataTime.toISOString(), value: r.value, flag: r.flag! }];

function holds(r: Reading, kind: AlarmKind, tier: AlarmTier, summary: string, evidence: AlarmEvidence): void {
  r.out.push({ factor: r.factor.code, dataTime: r.upload.dataTime, kind, present: true, tier, summary, evidence });
}

/** Most readings are normal: "no longer holds" is only worth building when that alarm may be open. */
function ended(r: Reading, kind: AlarmKind): void {
  if (r.mayBeOpen && !r.mayBeOpen(kind, r.factor.code)) return;
  r.out.push({ factor: r.factor.code, dataTime: r.upload.dataTime, kind, present: false, evidence: evidenceOf(r, pointOf(r)) });
}

function judgeReading(r: Reading, w: FactorWindow): void {
  const { factor, rules } = r;
  const flag = (r.flag = r.fields.Flag ?? 'N');
  const value = (r.value = judgedValue(factor, r.upload.kind, r.fields));

  if (rules.deviceFlag.flags.includes(flag)) {
    w.flagRun += 1;
    w.flags = [...w.flags, flag].slice(-rules.deviceFlag.values);
    if (w.flagRun >= rules.deviceFlag.values) {
      holds(r, 'device-flag', rules.deviceFlag.tier, `${factor.name} 连续 ${w.flagRun} 个数据标记为 ${[...new Set(w.flags)].join('/')}（停运/故障/通讯异常/超量程），未见报备`,
        evidenceOf(r, pointOf(r), `flags ${w.flags.join('')}`));
    }
  } else {
    w.flagRun = 0;
    if (w.flags.length) w.flags = [];
    ended(r, 'device-flag');
  }
  // Marked data are not used to judge (regulations §5.3).
  if (!rules.validFlags.includes(flag) || value === undefined) return;

  if (value < 0) holds(r, 'negative', rules.negative.tier, `${factor.name} 出现负值 ${value} ${factor.unit}`, evidenceOf(r, pointOf(r)));
  else ended(r, 'negative');

  if (factor.rangeMin !== undefined || factor.rangeMax !== undefined) {
    const outside = (factor.rangeMin !== undefined && value < factor.rangeMin) || (factor.rangeMax !== undefined && value > factor.rangeMax);
    if (outside && value >= 0) {
      holds(r, 'out-of-range', rules.outOfRange.tier, `${factor.name} ${value} ${factor.unit} 超出量程 ${factor.rangeMin ?? '-∞'}～${factor.rangeMax ?? '∞'}`, evidenceOf(r, pointOf(r)));
    } else ended(r, 'out-of-range');
  }

  w.zeroRun = value === 0 ? w.zeroRun + 1 : 0;
  // A short run of zeros neither opens nor clears.
  if (w.zeroRun >= rules.zero.values) holds(r, 'zero', rules.zero.tier, `${factor.name} 连续 ${w.zeroRun} 个零值`, evidenceOf(r, pointOf(r)));
  else if (w.zeroRun === 0) ended(r, 'zero');

  w.recent.push(rules.constant.values, r.upload.dataTime.getTime(), value, flag);
  if (w.recent.length === rules.constant.values && value !== 0) {
    const spread = w.recent.spread();
    const range = factor.rangeMax !== undefined ? factor.rangeMax - (factor.rangeMin ?? 0) : 0;
    if (spread <= rules.constant.maxSpreadShare * range) {
      holds(r, 'constant', rules.constant.tier, `${factor.name} 连续 ${w.recent.length} 个数据恒定在 ${value} ${factor.unit}（波动 ${round(spread)}）`,
        evidenceOf(r, w.recent.latest(5).map((x) => ({ dataTime: new Date(x.t).toISOString(), value: x.value, flag: x.flag })), `spread ${round(spread)} over ${w.recent.length} values`));
    } else ended(r, 'constant');
  }
}

function judgeAverage(factor: DeviceFactor, keyPolluter: boolean, rules: AlarmRules, upload: Upload, fields: Record<string, string>, w: FactorWindow, out: Condition[]): void {
  const limit = upload.kind === 'hour' ? factor.hourLimit : factor.dayLimit;
  const flag = fields.Flag ?? 'N';
  // A converted (折算) limit is never compared with the raw Avg: without ZsAvg there is nothing to judge.
  if (factor.converted && fields.ZsAvg === undefined) return;
  const value = judgedValue(factor, upload.kind, fields);
  if (limit === undefined || limit <= 0 || value === undefined || !rules.validFlags.includes(flag)) return;
  const dataTime = upload.dataTime.toISOString();
  const kind: AlarmKind = upload.kind === 'hour' ? 'exceedance-hour' : 'exceedance-day';
  const multiple = round(value / limit);
  const period = upload.kind === 'hour' ? '小时均值' : '日均值';
  const evidence: AlarmEvidence = {
    factor: factor.code,
    factorName: factor.name,
    unit: factor.unit,
    limit,
    multiple,
    values: [{ dataTime, value, flag }],
    frameReceivedAt: new Date(upload.receivedAt).toISOString(),
    note: factor.converted ? '折算浓度 / converted concentration' : undefined,
  };
  const tier = exceedanceTier(rules, value / limit, keyPolluter);
  out.push(tier
    ? { kind, factor: factor.code, present: true, tier, dataTime: upload.dataTime, evidence,
      summary: `${factor.name}（${factor.code}）${period}${factor.converted ? '（折算）' : ''} ${value} ${factor.unit}，为限值 ${limit} ${factor.unit} 的 ${multiple} 倍` }
    : { kind, factor: factor.code, present: false, dataTime: upload.dataTime, evidence });
  if (upload.kind !== 'hour') return;
  w.nearLimitRun = value <= limit && value >= rules.nearLimit.minShare * limit ? w.nearLimitRun + 1 : 0;
  if (w.nearLimitRun >= rules.nearLimit.hours) {
    out.push({ kind: 'near-limit', factor: factor.code, present: true, tier: rules.nearLimit.tier, dataTime: upload.dataTime, evidence,
      summary: `${factor.name} 连续 ${w.nearLimitRun} 小时均值贴近限值（${value} / ${limit} ${factor.unit}），疑似干扰监测` });
  } else if (w.nearLimitRun === 0) {
    out.push({ kind: 'near-limit', factor: factor.code, present: false, dataTime: upload.dataTime, evidence });
  }
}

function judgeProcess(process: NonNullable<Device['process']>, rules: AlarmRules, upload: Upload, window: DeviceWindow, out: Condition[]): void {
  const read = (s: { code: string; field: string }) => {
    const raw = upload.values[s.code]?.[s.field];
    const n = raw === undefined ? NaN : Number(raw);
    return Number.isFinite(n) ? n : undefined;
  };
  const production = read(process.production);
  const treatment = read(process.treatment);
  if (production === undefined || treatment === undefined) return;
  const inconsistent = production >= process.production.threshold && treatment < process.treatment.threshold;
  window.processRun = inconsistent ? window.processRun + 1 : 0;
  const dataTime = upload.dataTime.toISOString();
  const evidence: AlarmEvidence = {
    values: [{ dataTime, value: production, flag: `${process.production.code}-${process.production.field}` }, { dataTime, value: treatment, flag: `${process.treatment.code}-${process.treatment.field}` }],
    frameReceivedAt: new Date(upload.receivedAt).toISOString(),
    note: `production ≥ ${process.production.threshold} while treatment < ${process.treatment.threshold}`,
  };
  if (window.processRun >= rules.processCondition.readings) {
    out.push({ kind: 'process-condition', present: true, tier: rules.processCondition.tier, dataTime: upload.dataTime, evidence,
      summary: `生产设施运行（${process.production.code} = ${production}）而治理设施停运（${process.treatment.code} = ${treatment}），连续 ${window.processRun} 次` });
  } else if (!inconsistent) {
    out.push({ kind: 'process-condition', present: false, dataTime: upload.dataTime, evidence });
  }
}

const round = (n: number) => Math.round(n * 100) / 100;
