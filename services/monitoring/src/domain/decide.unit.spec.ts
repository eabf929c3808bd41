import fc from 'fast-check';
import type { AlarmKind, AlarmTier, DeviceFactor } from '@qingyuan/contracts';
import { DEFAULT_ALARM_RULES, exceedanceTier, tierRank, type AlarmRules } from './alarm-rules';
import { alarmKey, decide, dueEscalations, isOffline, type AlarmDecision, type OpenAlarm } from './decide';
import { judgeUpload, newDeviceWindow, type Condition } from './judge';
import type { Upload } from './upload';

const T0 = Date.UTC(2026, 4, 1, 0, 0, 0);
const MIN = 60_000;
const HOUR = 3_600_000;
const at = (ms: number) => new Date(T0 + ms);
const rules = (escalation: Partial<AlarmRules['escalation']> = {}): AlarmRules => ({
  ...structuredClone(DEFAULT_ALARM_RULES), escalation: { ...DEFAULT_ALARM_RULES.escalation, ...escalation },
});

const cond = (kind: AlarmKind, present: boolean, tier: AlarmTier | undefined, ms: number, factor: string | undefined = 'w01018'): Condition => ({
  kind, factor, present, tier, dataTime: at(ms),
  summary: present ? `${factor ?? ''} ${kind} ${tier}` : undefined,
  evidence: { factor, values: [{ dataTime: at(ms).toISOString(), value: present ? 150 : 50, flag: 'N' }], frameReceivedAt: at(ms + 5_000).toISOString() },
});
const alarm = (over: Partial<OpenAlarm> = {}): OpenAlarm => ({
  alarmId: 'a1', deviceId: 'd1', factor: 'w01018', kind: 'exceedance-hour', tier: 'orange', since: at(0), openedAt: at(60_000), ...over,
});
const openMap = (...alarms: OpenAlarm[]) => new Map(alarms.map((a) => [alarmKey(a.deviceId, a.factor, a.kind), a]));

describe('alarmKey', () => {
  it('is one key per device, factor and kind', () => {
    expect(alarmKey('d1', 'w01018', 'zero')).toBe('d1|w01018|zero');
    expect(alarmKey('d1', undefined, 'process-condition')).toBe('d1||process-condition');
    expect(new Set([alarmKey('d1', 'a', 'zero'), alarmKey('d2', 'a', 'zero'), alarmKey('d1', 'b', 'zero'), alarmKey('d1', 'a', 'constant')]).size).toBe(4);
  });
});

describe('decide', () => {
  it('opens an alarm for a present condition when none is open', () => {
    const c = cond('exceedance-hour', true, 'orange', 0);
    expect(decide('d1', [c], new Map())).toEqual([{ action: 'open', key: 'd1|w01018|exceedance-hour', condition: c }]);
  });

  it('opens once: the condition present again while the alarm is open opens nothing', () => {
    expect(decide('d1', [cond('exceedance-hour', true, 'orange', HOUR)], openMap(alarm()))).toEqual([]);
  });

  it('escalates when the tier rises, with the summary and evidence of the worse data', () => {
    const worse = cond('exceedance-hour', true, 'red', HOUR);
    const open = alarm();
    expect(decide('d1', [worse], openMap(open))).toEqual([
      { action: 'escalate', alarm: open, to: 'red', reason: 'worse', summary: worse.summary, evidence: worse.evidence },
    ]);
  });

  it.each<AlarmTier>(['orange', 'yellow', 'blue'])('does not escalate an orange alarm to %s', (tier) => {
    expect(decide('d1', [cond('exceedance-hour', true, tier, HOUR)], openMap(alarm()))).toEqual([]);
  });

  it('clears on recovery, with the recovering evidence', () => {
    const ok = cond('exceedance-hour', false, undefined, HOUR);
    const open = alarm();
    expect(decide('d1', [ok], openMap(open))).toEqual([{ action: 'clear', alarm: open, evidence: ok.evidence }]);
  });

  it('older 补传 data, or data of the very hour it started, never clears', () => {
    const open = openMap(alarm({ since: at(5 * HOUR) }));
    expect(decide('d1', [cond('exceedance-hour', false, undefined, 2 * HOUR)], open)).toEqual([]);
    expect(decide('d1', [cond('exceedance-hour', false, undefined, 5 * HOUR)], open)).toEqual([]);
    expect(decide('d1', [cond('exceedance-hour', false, undefined, 6 * HOUR)], open)).toHaveLength(1);
  });

  it('an absent condition with nothing open decides nothing; a present one without tier or summary opens nothing', () => {
    expect(decide('d1', [cond('zero', false, undefined, 0)], new Map())).toEqual([]);
    expect(decide('d1', [{ ...cond('zero', true, 'yellow', 0), summary: undefined }], new Map())).toEqual([]);
    expect(decide('d1', [{ ...cond('zero', true, 'yellow', 0), tier: undefined }], new Map())).toEqual([]);
  });

  it('the newest data in a batch wins per key, whatever the order of the batch', () => {
    const present = cond('exceedance-hour', true, 'orange', 2 * HOUR);
    const absent = cond('exceedance-hour', false, undefined, HOUR);
    expect(decide('d1', [present, absent], new Map())).toEqual([{ action: 'open', key: 'd1|w01018|exceedance-hour', condition: present }]);
    expect(decide('d1', [absent, present], new Map())).toHaveLength(1);
    const recovered = [cond('exceedance-hour', true, 'red', HOUR), cond('exceedance-hour', false, undefined, 3 * HOUR), cond('exceedance-hour', true, 'orange', 2 * HOUR)];
    expect(decide('d1', recovered, new Map())).toEqual([]);
    expect(decide('d1', recovered, openMap(alarm()))).toEqual([expect.objectContaining({ action: 'clear' })]);
    const worse = [cond('exceedance-hour', false, undefined, HOUR), cond('exceedance-hour', true, 'red', 2 * HOUR)];
    expect(decide('d1', worse, openMap(alarm()))).toEqual([expect.objectContaining({ action: 'escalate', to: 'red' })]);
  });

  it('decides each (factor, kind) on its own', () => {
    const batch = [
      cond('exceedance-hour', true, 'orange', 0, 'w01018'), cond('exceedance-hour', true, 'red', 0, 'w21003'),
      cond('zero', true, 'yellow', 0, 'w01018'), { ...cond('process-condition', true, 'orange', 0), factor: undefined },
      cond('exceedance-hour', false, undefined, HOUR, 'w21011'),
    ];
    const decisions = decide('d1', batch, openMap(alarm({ factor: 'w21003', tier: 'red' })));
    expect(decisions.map((d) => d.action === 'open' && d.key)).toEqual(['d1|w01018|exceedance-hour', 'd1|w01018|zero', 'd1||process-condition']);
  });

  it('does not touch another device’s alarm with the same factor and kind', () => {
    expect(decide('d2', [cond('exceedance-hour', false, undefined, HOUR)], openMap(alarm()))).toEqual([]);
    expect(decide('d2', [cond('exceedance-hour', true, 'orange', HOUR)], openMap(alarm()))).toHaveLength(1);
  });
});

describe('dueEscalations', () => {
  const due = (a: OpenAlarm, nowMs: number, r = rules()) => dueEscalations([a], r, at(nowMs));
  const opened = { openedAt: at(0), since: at(0) };

  it('an unacknowledged alarm goes one tier up after `unacknowledgedMinutes`, not before', () => {
    const a = alarm({ ...opened, tier: 'yellow' });
    expect(due(a, 240 * MIN - 1)).toEqual([]);
    const [d] = due(a, 240 * MIN);
    expect(d).toMatchObject({ action: 'escalate', alarm: a, to: 'orange', reason: 'unacknowledged' });
    expect(d.action === 'escalate' && d.summary).toContain('240 分钟内未签收');
  });

  it('an alarm people are verifying, supervising or have closed does not escalate on the clock; a warned one still does', () => {
    for (const stage of ['verifying', 'verified', 'supervised', 'closed']) expect(due(alarm({ ...opened, tier: 'yellow', stage }), 48 * HOUR)).toEqual([]);
    expect(due(alarm({ ...opened, tier: 'yellow', stage: 'warned' }), 240 * MIN)).toHaveLength(1);
    expect(due(alarm({ ...opened, tier: 'yellow', stage: 'alarm' }), 240 * MIN)).toHaveLength(1);
  });

  it('an acknowledged alarm still open goes one tier up after `persistingHours`', () => {
    const a = alarm({ ...opened, tier: 'yellow', acknowledgedAt: at(10 * MIN) });
    expect(due(a, 240 * MIN)).toEqual([]);
    expect(due(a, 12 * HOUR - 1)).toEqual([]);
    const [d] = due(a, 12 * HOUR);
    expect(d).toMatchObject({ action: 'escalate', to: 'orange', reason: 'persisting' });
    expect(d.action === 'escalate' && d.summary).toContain('持续 12 小时');
  });

  it('counts each period from the last escalation: at most once per period', () => {
    const a = alarm({ ...opened, tier: 'yellow' });
    const [first] = due(a, 240 * MIN);
    expect(first.action).toBe('escalate');
    const after = alarm({ ...opened, tier: first.action === 'escalate' ? first.to : 'yellow', lastEscalatedAt: at(240 * MIN) });
    expect(due(after, 240 * MIN)).toEqual([]);
    expect(due(after, 479 * MIN)).toEqual([]);
    expect(due(after, 480 * MIN)).toEqual([expect.objectContaining({ to: 'red', reason: 'unacknowledged' })]);
    const acked = alarm({ ...opened, tier: 'orange', acknowledgedAt: at(MIN), lastEscalatedAt: at(12 * HOUR) });
    expect(due(acked, 23 * HOUR)).toEqual([]);
    expect(due(acked, 24 * HOUR)).toEqual([expect.objectContaining({ to: 'red', reason: 'persisting' })]);
  });

  it('never goes above maxTier, and only one tier at a time', () => {
    expect(due(alarm({ ...opened, tier: 'red' }), 100 * HOUR)).toEqual([]);
    const capped = rules({ maxTier: 'orange' });
    expect(due(alarm({ ...opened, tier: 'orange' }), 100 * HOUR, capped)).toEqual([]);
    expect(due(alarm({ ...opened, tier: 'yellow' }), 100 * HOUR, capped)).toEqual([expect.objectContaining({ to: 'orange' })]);
    expect(due(alarm({ ...opened, tier: 'blue' }), 100 * HOUR, capped)).toEqual([expect.objectContaining({ to: 'yellow' })]);
    expect(due(alarm({ ...opened, tier: 'red' }), 100 * HOUR, capped)).toEqual([]);
  });

  it('follows the configured periods', () => {
    const quick = rules({ unacknowledgedMinutes: 30, persistingHours: 0.5 });
    expect(due(alarm({ ...opened, tier: 'blue' }), 30 * MIN, quick)).toEqual([expect.objectContaining({ reason: 'unacknowledged' })]);
    expect(due(alarm({ ...opened, tier: 'blue', acknowledgedAt: at(MIN) }), 30 * MIN, quick)).toEqual([expect.objectContaining({ reason: 'persisting' })]);
  });

  it('looks at every alarm given', () => {
    const alarms = [alarm({ ...opened, alarmId: 'x', tier: 'yellow' }), alarm({ ...opened, alarmId: 'y', tier: 'red' }), alarm({ ...opened, alarmId: 'z', tier: 'blue', openedAt: at(10 * HOUR) })];
    const out = dueEscalations(alarms, rules(), at(5 * HOUR));
    expect(out.map((d) => d.action === 'escalate' && [d.alarm.alarmId, d.to])).toEqual([['x', 'orange']]);
  });
});

describe('isOffline', () => {
  const r = rules();
  const now = at(10 * HOUR);
  const seen = (over: { lastSeenAt?: Date; registeredAt?: Date }) => ({ deviceId: 'd1', realtimeIntervalSeconds: 60, registeredAt: at(0), ...over });

  it('is offline after more than `intervals` × the real-time interval of silence', () => {
    expect(isOffline(seen({ lastSeenAt: at(10 * HOUR - 180_000) }), r, now)).toBe(false);
    expect(isOffline(seen({ lastSeenAt: at(10 * HOUR - 180_001) }), r, now)).toBe(true);
    expect(isOffline(seen({ lastSeenAt: at(10 * HOUR - 180_001) }), { ...r, offline: { intervals: 4, tier: 'yellow' } }, now)).toBe(false);
  });

  it('counts a device never heard from since its registration, and a recent frame wins over an old registration', () => {
    expect(isOffline(seen({ registeredAt: at(10 * HOUR - 100_000) }), r, now)).toBe(false);
    expect(isOffline(seen({ registeredAt: at(9 * HOUR) }), r, now)).toBe(true);
    expect(isOffline(seen({ registeredAt: at(0), lastSeenAt: at(10 * HOUR - 60_000) }), r, now)).toBe(false);
  });
});

describe('property: an exceedance alarm is open exactly when the newest valid hourly value is above the limit, and late data never clear it', () => {
  const LIMIT = 100;
  const factor: DeviceFactor = { code: 'w01018', name: '化学需氧量', unit: 'mg/L', hourLimit: LIMIT };
  const key = alarmKey('d1', 'w01018', 'exceedance-hour');
  const hour = fc.record({
    value: fc.oneof(fc.integer({ min: 0, max: 300 }), fc.constantFrom(99, 100, 101, 150, 199, 200, 201)),
    flag: fc.constantFrom('N', 'N', 'N', 'S', 'F', 'M', 'D', 'C', 'T', 'B'),
    batch: fc.boolean(),
  });

  /** Fisher–Yates with a small seeded generator: the order of conditions within a batch must not matter. */
  function shuffle<T>(items: T[], seed: number): T[] {
    const out = [...items];
    let state = seed >>> 0;
    for (let i = out.length - 1; i > 0; i--) {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      const j = state % (i + 1);
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  }

  function apply(open: Map<string, OpenAlarm>, decisions: AlarmDecision[], now: Date) {
    for (const d of decisions) {
      if (d.action === 'open') open.set(d.key, { alarmId: d.key, deviceId: 'd1', factor: d.condition.factor, kind: d.condition.kind, tier: d.condition.tier, since: d.condition.dataTime, openedAt: now });
      else if (d.action === 'escalate') open.set(alarmKey(d.alarm.deviceId, d.alarm.factor, d.alarm.kind), { ...d.alarm, tier: d.to, lastEscalatedAt: now });
      else open.delete(alarmKey(d.alarm.deviceId, d.alarm.factor, d.alarm.kind));
    }
  }

  it('holds for random values, flags and batches (uploads of a batch shuffled)', () => {
    fc.assert(
      fc.property(fc.array(hour, { minLength: 1, maxLength: 60 }), fc.boolean(), fc.integer(), (hours, keyPolluter, seed) => {
        const r = rules();
        const device = { factors: [factor], keyPolluter };
        const window = newDeviceWindow();
        const open = new Map<string, OpenAlarm>();
        let newestValid: number | undefined;
        let tierSinceOpened: AlarmTier | undefined;
        let pending: Condition[] = [];
        const history: Upload[] = [];
        const pendingValues: number[] = [];
        hours.forEach((h, i) => {
          const upload: Upload = { mn: 'MN', cn: '2061', kind: 'hour', dataTime: at(i * HOUR), part: 0, receivedAt: T0 + i * HOUR + 1_000, values: { w01018: { Avg: String(h.value), Flag: h.flag } } };
          pending.push(...judgeUpload(device, r, upload, window));
          history.push(upload);
          if (h.flag === 'N') pendingValues.push(h.value);
          if (h.batch && i < hours.length - 1) return; // 补传: several hours arrive together
          apply(open, decide('d1', shuffle(pending, seed + i), open), at(i * HOUR + 1_000));
          pending = [];
          // per key, only the newest value of a batch decides (older hours of the batch are history)
          const newestOfBatch = pendingValues.pop();
          pendingValues.length = 0;
          if (newestOfBatch !== undefined) {
            newestValid = newestOfBatch;
            const t = exceedanceTier(r, newestOfBatch / LIMIT, keyPolluter);
            tierSinceOpened = t === undefined ? undefined : tierSinceOpened && tierRank(tierSinceOpened) > tierRank(t) ? tierSinceOpened : t;
          }
          const expectedOpen = newestValid !== undefined && newestValid > LIMIT;
          expect(open.has(key)).toBe(expectedOpen);
          // an open alarm is at the worst tier reached since it opened (it escalates, never goes down)
          if (expectedOpen) expect(open.get(key)?.tier).toBe(tierSinceOpened);
          // late 补传 of an hour before the alarm started never clears it
          const since = open.get(key)?.since;
          const older = history.filter((u) => since && u.dataTime < since);
          if (older.length > 0) {
            const late = older[Math.abs(seed + i) % older.length];
            expect(decide('d1', judgeUpload(device, r, late, newDeviceWindow()), open).filter((d) => d.action === 'clear')).toEqual([]);
          }
        });
      }),
      { numRuns: 300 },
    );
  });
});
