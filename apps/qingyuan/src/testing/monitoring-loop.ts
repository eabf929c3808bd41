import { connect } from 'node:net';
import { organisationCheckCharacter, usccCheckCharacter } from '@qingyuan/enforcement-service';
import { encodeFrame, formatCp, formatDataSegment, formatHj212Time, formatQn, FrameReader, parseDataSegment } from '@qingyuan/hj212';
import { eventually } from '@qingyuan/testing';
import { staff } from './closed-loop';
import { Client } from './http-client';

export interface MonitoringLoopResult {
  alarmId: string;
  clueId: string;
  mn: string;
}

function uscc(n: number): string {
  const org = `MA4${String(n % 100_000).padStart(5, '0')}`;
  const first17 = `91330782${org}${organisationCheckCharacter(org)}`;
  return first17 + usccCheckCharacter(first17);
}

/** One hourly upload over a real TCP connection to the HJ 212 port; resolves with the platform's 9014. */
async function sendHourly(host: string, port: number, mn: string, avg: string): Promise<void> {
  const socket = connect({ host, port });
  const reader = new FrameReader();
  const qn = formatQn(new Date());
  const dataTime = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000 - 3_600_000);
  const segment = formatDataSegment({ qn, st: '32', cn: '2061', pw: '246810', mn, flag: 5 }, formatCp({ DataTime: formatHj212Time(dataTime) }, { w01018: { Avg: avg, Flag: 'N' } }));
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no 9014 from the HJ 212 gateway')), 15_000);
      socket.on('error', reject);
      socket.on('data', (chunk) => {
        for (const f of reader.push(chunk).frames) {
          const r = parseDataSegment(f);
          if (r.valid && r.message.cn === '9014' && r.message.qn === qn) {
            clearTimeout(timer);
            resolve();
          }
        }
      });
      socket.on('connect', () => socket.write(encodeFrame(segment)));
    });
  } finally {
    socket.destroy();
  }
}

/**
 * Online monitoring through the gateway: enforcement registers a key discharger, monitoring learns it by event, a
 * device is registered under it, the data logger sends an hourly COD average three times the limit over TCP — a red
 * alarm opens and becomes a clue in intake (channel 在线监控报警) — then remote warning → site verification (confirmed)
 * → supervision (重点督办) → closed.
 */
export async function runMonitoringLoop(base: string, adminPassword: string, hj212: { host: string; port: number }, tag: string): Promise<MonitoringLoopResult> {
  const admin = await new Client(base).signIn('admin', adminPassword);
  const officer = await staff(admin, `monitoring-enf-${tag}`, ['enforcement-officer']);
  const analyst = await staff(admin, `monitoring-analyst-${tag}`, ['analyst']);
  const town = await staff(admin, `monitoring-town-${tag}`, ['town-officer'], ['330782001']);
  const ok = async <T>(answer: Promise<{ status: number; body: T }>, status = [200, 201]) => {
    const a = await answer;
    if (!status.includes(a.status)) throw new Error(`unexpected ${a.status}: ${JSON.stringify(a.body)}`);
    return a.body;
  };
  const code = uscc(Date.now() + 7);
  await ok(officer.post('/api/enforcement/enterprises', {
    name: `义乌市${tag}电镀有限公司`, uscc: code, townCode: '330782001', address: '义乌市稠城街道工业园 9 号',
    location: { lat: 29.31, lng: 120.08 }, industry: '电镀', permitClass: 'key', keyPolluter: true,
    outlets: [{ code: 'DW001', kind: 'water', name: '废水总排口' }],
  }));
  const mn = `3307820${String(Date.now()).slice(-10)}${tag.length}`.slice(0, 24);
  const device = { mn, pw: '246810', uscc: code, outletCode: 'DW001', medium: 'water', standard: '2017', realtimeIntervalSeconds: 30,
    factors: [{ code: 'w01018', name: '化学需氧量', unit: 'mg/L', hourLimit: 50, dayLimit: 50 }] };
  // Monitoring learns the enterprise from enforcement's event; until then the registration is refused with 404.
  await eventually(async () => (await analyst.post('/api/monitoring/devices', device)).status === 201, { what: 'the device registered under the enterprise', timeoutMs: 30_000 });

  await sendHourly(hj212.host, hj212.port, mn, '150');
  const alarm = await eventually(async () => {
    const list = (await analyst.get(`/api/monitoring/alarms?status=open`)).body as Array<{ alarmId: string; mn: string; tier: string; kind: string }>;
    return list.find((a) => a.mn === mn);
  }, { what: 'the red alarm', timeoutMs: 30_000 });
  expect(alarm).toMatchObject({ tier: 'red', kind: 'exceedance-hour' });
  const clue = await eventually(async () => {
    const clues = (await analyst.get('/api/intake/clues?channel=monitoring-alarm&limit=500')).body as Array<{ clueId: string; description: string }>;
    return clues.find((c) => c.description.includes(mn));
  }, { what: 'the clue in intake', timeoutMs: 30_000 });
  expect(clue.description).toContain('3 倍');

  await ok(analyst.post(`/api/monitoring/alarms/${alarm.alarmId}/acknowledge`, {}));
  await ok(analyst.post(`/api/monitoring/alarms/${alarm.alarmId}/remote-warning`, { message: 'COD 小时均值超标 3 倍，请立即排查并于 24 小时内说明' }));
  await ok(analyst.post(`/api/monitoring/alarms/${alarm.alarmId}/verification`, { townCode: '330782001' }));
  await ok(town.post(`/api/monitoring/alarms/${alarm.alarmId}/verification/result`, { result: 'confirmed', findings: '现场废水处理设施加药泵停运', evidenceRefs: ['执法记录仪 DSJ-0009'] }));
  await ok(analyst.post(`/api/monitoring/alarms/${alarm.alarmId}/supervision`, { department: '义乌市经济和信息化局', requirement: '限期整改并提交整改报告', dueDays: 15 }));
  await ok(analyst.post(`/api/monitoring/alarms/${alarm.alarmId}/supervision/close`, { outcome: '已整改，复测达标' }));
  const detail = (await analyst.get(`/api/monitoring/alarms/${alarm.alarmId}`)).body;
  expect(detail.stage).toBe('closed');
  expect(detail.timeline.map((e: { type: string }) => e.type)).toEqual([
    'AlarmOpened', 'MonitoringAlarmRaised', 'AlarmAcknowledged', 'RemoteWarningIssued', 'SiteVerificationAssigned', 'SiteVerificationRecorded', 'SupervisionOrdered', 'SupervisionClosed',
  ]);
  return { alarmId: alarm.alarmId, clueId: clue.clueId, mn };
}
