import { TOPICS, MACHINE_TOPICS, type MonitoringAlarmRaised } from '@qingyuan/contracts';
import { toEnvelope } from '@qingyuan/messaging';
import { exifApp1, gpsExif, jpeg } from './attachments/media/fixtures/build';
import { http, reportForm, startIntakeForTest, type IntakeUnderTest } from './testing/harness';

const CANARY = { name: '渠道金丝雀', phone: '13811112222', idNumber: '330782199202021234' };

describe('intake channels, over HTTP on a real PostgreSQL', () => {
  let intake: IntakeUnderTest;
  let analyst: string;

  beforeAll(async () => {
    intake = await startIntakeForTest('intake_channels');
    analyst = intake.token(['analyst']);
  });

  afterAll(async () => {
    await intake?.stop();
  });

  const clue = async (clueId: string) => (await http(intake.url, 'GET', `/api/intake/clues/${clueId}`, { token: analyst })).body;
  const clueIdOfReceipt = async (description: string) => {
    const list = (await http(intake.url, 'GET', '/api/intake/clues?limit=500', { token: analyst })).body as Array<{ clueId: string; description: string }>;
    return list.find((c) => c.description === description)!.clueId;
  };

  it('takes a public report with a photo: EXIF location kept for staff, stripped from what the reporter sees', async () => {
    const photo = jpeg([exifApp1(gpsExif('II', 29.30681, 120.07512))]);
    const description = '稠城街道排口冒黑水，附照片';
    const sent = await http(intake.url, 'POST', '/api/intake/reports', {
      form: reportForm(
        { category: 'water', description, anonymous: true, location: { lat: 29.3068, lng: 120.0751 } },
        [{ name: 'IMG_0001.JPG', bytes: photo, type: 'image/jpeg' }],
      ),
    });
    expect(sent.status).toBe(201);
    const clueId = await clueIdOfReceipt(description);
    const staffView = await clue(clueId);
    expect(staffView.town).toEqual({ code: '330782001', zh: '稠城街道', en: 'Choucheng Subdistrict', source: 'map', approximate: true });
    expect(staffView.attachments).toHaveLength(1);
    const [attachment] = staffView.attachments;
    expect(attachment).toMatchObject({ kind: 'photo', mediaType: 'image/jpeg', size: photo.length });
    expect(attachment.takenAt.lat).toBeCloseTo(29.30681, 4);

    const original = await http(intake.url, 'GET', `/api/intake/clues/${clueId}/attachments/${attachment.attachmentId}`, { token: analyst, binary: true });
    expect(original.bytes!.equals(photo)).toBe(true);
    const progress = await http(intake.url, 'GET', `/api/intake/receipts/${sent.body.receiptCode}`);
    expect(progress.body.attachments).toEqual([{ attachmentId: attachment.attachmentId, kind: 'photo' }]);
    expect(JSON.stringify(progress.body)).not.toContain('29.3068');
    const shown = await http(intake.url, 'GET', `/api/intake/receipts/${sent.body.receiptCode}/attachments/${attachment.attachmentId}`, { binary: true });
    expect(shown.status).toBe(200);
    expect(shown.headers.get('content-type')).toBe('image/jpeg');
    expect(shown.bytes!.includes(Buffer.from('Exif'))).toBe(false);
    expect(shown.bytes!.length).toBeLessThan(photo.length);
  });

  it('registers a petition by staff with its reference number, and requires a link for media', async () => {
    const token = intake.token(['hotline-staff']);
    const registered = await http(intake.url, 'POST', '/api/intake/registrations', {
      token,
      json: {
        channel: 'petition', referenceNumber: '义信〔2026〕118号', category: 'noise', description: '来访反映夜间工地施工噪声扰民',
        anonymous: false, reporter: CANARY, location: { address: '义乌市江东街道青口社区' },
      },
    });
    expect(registered.status).toBe(201);
    expect(registered.body.receiptCode).toMatch(/^[0-9A-Z-]{24}$/);
    const staffView = await clue(registered.body.clueId);
    expect(staffView).toMatchObject({ channel: { code: 'petition' }, source: { referenceNumber: '义信〔2026〕118号' }, reporter: { realName: true } });
    expect(staffView.town).toMatchObject({ code: '330782002', source: 'address' });
    expect(staffView.registeredBy).toEqual(expect.any(String));
    const media = await http(intake.url, 'POST', '/api/intake/registrations', {
      token,
      json: { channel: 'media', category: 'air', description: '网帖反映某厂夜间排放黄烟', anonymous: true, location: { address: '苏溪镇' } },
    });
    expect(media.status).toBe(400);
    expect(media.body.errors[0].field).toBe('link');
  });

  it('carries the organisation of an organisation account, and refuses other roles', async () => {
    const organisation = { code: '52330782MJA1234567', name: '义乌市绿水环保志愿者协会', kind: 'social-organisation' as const };
    const org = intake.token(['organisation'], { organisation });
    const sent = await http(intake.url, 'POST', '/api/intake/organisation-reports', {
      token: org,
      json: { category: 'solid-waste', description: '河滩上堆放大量建筑垃圾', location: { lat: 29.29, lng: 119.91 }, link: 'https://example.org/p/1' },
    });
    expect(sent.status).toBe(201);
    expect((await clue(sent.body.clueId)).source).toEqual({ organisation, link: 'https://example.org/p/1' });
    expect((await http(intake.url, 'POST', '/api/intake/organisation-reports', { token: analyst, json: {} })).status).toBe(403);
  });

  it('records patrol check-ins and GPS findings, and shows a grid worker their own findings', async () => {
    const worker = intake.token(['grid-worker']);
    const checkIn = await http(intake.url, 'POST', '/api/intake/patrol/check-ins', { token: worker, json: { gridCode: '330782005-03', position: { lat: 29.372, lng: 120.064 } } });
    expect(checkIn.status).toBe(201);
    expect(checkIn.body).toMatchObject({ gridCode: '330782005-03', townCode: '330782005', role: 'grid-worker' });
    const finding = await http(intake.url, 'POST', '/api/intake/patrol/findings', {
      form: reportForm({ category: 'air', description: '巡查发现露天焚烧垃圾', gridCode: '330782005-03', position: { lat: 29.3721, lng: 120.0641 }, location: {} }),
      token: worker,
    });
    expect(finding.status).toBe(201);
    const mine = await http(intake.url, 'GET', '/api/intake/patrol/findings', { token: worker });
    expect(mine.body.map((c: { clueId: string }) => c.clueId)).toEqual([finding.body.clueId]);
    expect(mine.body[0]).toMatchObject({ channel: { code: 'grid-patrol' }, source: { gridCode: '330782005-03' }, status: 'received' });
    expect((await http(intake.url, 'GET', '/api/intake/patrol/check-ins', { token: worker })).body).toHaveLength(1);
  });

  it('imports a hotline export, reports bad rows by line, and imports nothing twice', async () => {
    const csv = [
      '工单编号,受理时间,诉求内容,问题类别,事发地址,来电人,联系电话,所属镇街',
      'GD2026112901,2026-11-29 08:30,义亭镇某塑料厂废气刺鼻影响居民,废气,义亭镇工业区,张三,13900001111,义亭镇',
      'GD2026112902,2026/11/29 9:05:00,佛堂镇河道漂浮大量死鱼,水污染,佛堂镇江滨路,,,佛堂镇',
      'GD2026112903,昨天,上溪镇噪声扰民严重,噪声,上溪镇,,,上溪镇',
      'GD2026112904,2026-11-29 10:00,短,其他,大陈镇,,,大陈镇',
      'GD2026112905,2026-11-29 11:00,苏溪镇垃圾堆放发臭无人清理,固废,苏溪镇,李四,138****0000,苏溪镇',
      'GD2026112906,2026-11-29 12:00,后宅街道小作坊电镀废水直排,废水,后宅街道,,,后宅街道',
    ].join('\r\n');
    const upload = () => {
      const form = new FormData();
      form.append('channel', 'hotline-12345');
      form.append('file', new Blob([Buffer.from(csv, 'utf8')], { type: 'text/csv' }), '12345-export.csv');
      return http(intake.url, 'POST', '/api/intake/imports', { token: intake.token(['hotline-staff']), form });
    };
    const first = await upload();
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ rows: 6, imported: 3, alreadyImported: 0 });
    expect(first.body.errors.map((e: { line: number; field: string }) => [e.line, e.field])).toEqual([
      [4, 'receivedAt'],
      [5, 'description'],
      [6, 'reporterPhone'],
    ]);
    for (const e of first.body.errors) expect(e.zh).toMatch(/[\u4e00-\u9fff]/);
    const again = await upload();
    expect(again.body).toMatchObject({ imported: 0, alreadyImported: 3 });
    const imported = await intake.sql<{ n: number }>(`SELECT count(*)::int AS n FROM intake.clue_view WHERE channel = 'hotline-12345'`);
    expect(imported[0].n).toBe(3);
  });

  it('opens a clue from a monitoring alarm event once, however often it is delivered', async () => {
    const alarm: MonitoringAlarmRaised = {
      alarmId: 'a-1', deviceMn: '33010220170001000000A1B2', enterpriseName: '某印染有限公司', category: 'water',
      summary: 'COD 小时均值超标 2.3 倍', level: 'serious', at: '2026-11-29T02:00:00.000Z', location: { lat: 29.35, lng: 120.16 },
    };
    const event = toEnvelope(
      {
        eventId: '0193b000-0000-7000-8000-000000000001', streamId: 'alarm-a-1', streamVersion: 1, schemaVersion: 1, globalPosition: 1n,
        type: 'MonitoringAlarmRaised', data: alarm, recordedAt: alarm.at, hash: Buffer.alloc(32),
        metadata: { actor: { kind: 'device', id: alarm.deviceMn }, correlationId: 'c', occurredAt: alarm.at },
      },
      '/qingyuan/monitoring',
    );
    await intake.bus.publish(MACHINE_TOPICS.monitoring, [event]);
    await intake.bus.publish(MACHINE_TOPICS.monitoring, [event]);
    const rows = await intake.sql<{ clue_id: string; source: { originEventId: string }; town_code: string }>(
      `SELECT clue_id, source, town_code FROM intake.clue_view WHERE channel = 'monitoring-alarm'`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].source.originEventId).toBe(event.id);
    expect(rows[0].town_code).toBe('330782007');
    expect(TOPICS.intake).toBe('qingyuan.intake.events');
  });

  it('lets staff correct the town, as an event', async () => {
    const sent = await http(intake.url, 'POST', '/api/intake/reports', {
      json: { category: 'air', description: '地址写错镇街的测试举报', anonymous: true, location: { address: '城西街道', townCode: '330782006' } },
    });
    const clueId = await clueIdOfReceipt('地址写错镇街的测试举报');
    expect((await clue(clueId)).town).toMatchObject({ code: '330782006', source: 'address' });
    const corrected = await http(intake.url, 'POST', `/api/intake/clues/${clueId}/town`, { token: analyst, json: { townCode: '330782104', reason: '现场核实在上溪' } });
    expect(corrected.status).toBe(200);
    expect((await clue(clueId)).town).toMatchObject({ code: '330782104', source: 'staff', approximate: false });
    expect(sent.status).toBe(201);
  });
});
