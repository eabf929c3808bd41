import { exifApp1, gpsExif, jpeg, png, pngChunk } from './attachments/media/fixtures/build';
import { http, reportForm, startIntakeForTest, type IntakeUnderTest } from './testing/harness';

type Roles = Parameters<IntakeUnderTest['token']>[0];

interface BadCase {
  name: string;
  method?: string;
  path: string;
  roles?: Roles;
  json?: unknown;
  raw?: { body: string | Buffer; type: string };
  form?: () => FormData;
  headers?: Record<string, string>;
  status: number;
  field?: string;
}

const good = { category: 'water', description: '河道排口冒黑水，气味刺鼻', anonymous: true, location: { lat: 29.3, lng: 120.07 } };
const photo = jpeg([exifApp1(gpsExif('II', 29.3, 120.07))]);
const file = (name: string, bytes: Buffer, type = 'application/octet-stream') => ({ name, bytes, type });
const pdf = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
const hotline = (fields: Record<string, string>, upload?: { name: string; bytes: Buffer }) => () => {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  if (upload) form.append('file', new Blob([upload.bytes]), upload.name);
  return form;
};
const csv = Buffer.from('工单编号,受理时间,诉求内容\nA1,2026-11-29 08:00,河水发黑发臭很多天\n', 'utf8');
const CLUE = '0193b000-0000-7000-8000-0000000000aa';

const CASES: BadCase[] = [
  { name: 'report without category', path: '/api/intake/reports', json: { ...good, category: undefined }, status: 400, field: 'category' },
  { name: 'unknown category', path: '/api/intake/reports', json: { ...good, category: 'smell' }, status: 400, field: 'category' },
  { name: 'description too short', path: '/api/intake/reports', json: { ...good, description: '黑' }, status: 400, field: 'description' },
  { name: 'description too long', path: '/api/intake/reports', json: { ...good, description: '水'.repeat(2001) }, status: 400, field: 'description' },
  { name: 'anonymous as text', path: '/api/intake/reports', json: { ...good, anonymous: 'yes' }, status: 400, field: 'anonymous' },
  { name: 'latitude out of range', path: '/api/intake/reports', json: { ...good, location: { lat: 91, lng: 120 } }, status: 400, field: 'location.lat' },
  { name: 'longitude out of range', path: '/api/intake/reports', json: { ...good, location: { lat: 29, lng: 181 } }, status: 400, field: 'location.lng' },
  { name: 'no location', path: '/api/intake/reports', json: { ...good, location: undefined }, status: 400, field: 'location' },
  { name: 'neither point nor address', path: '/api/intake/reports', json: { ...good, location: { lat: 29.3 } }, status: 400, field: 'location' },
  { name: 'observedAt not a date', path: '/api/intake/reports', json: { ...good, observedAt: '昨天晚上' }, status: 400, field: 'observedAt' },
  { name: 'bad phone', path: '/api/intake/reports', json: { ...good, anonymous: false, reporter: { name: '张三', phone: '12345' } }, status: 400, field: 'reporter.phone' },
  { name: 'real name without identity', path: '/api/intake/reports', json: { ...good, anonymous: false }, status: 400, field: 'reporter' },
  { name: 'anonymous with identity', path: '/api/intake/reports', json: { ...good, reporter: { name: '张三', phone: '13800000000' } }, status: 400, field: 'reporter' },
  { name: 'unknown field', path: '/api/intake/reports', json: { ...good, admin: true }, status: 400, field: 'admin' },
  { name: 'SQL in a town code', path: '/api/intake/reports', json: { ...good, location: { address: 'x', townCode: "330782001'; DROP TABLE intake.events; --" } }, status: 400, field: 'location.townCode' },
  { name: 'broken JSON', path: '/api/intake/reports', raw: { body: '{"category": "water",', type: 'application/json' }, status: 400 },
  { name: 'an array body', path: '/api/intake/reports', json: [good], status: 400 },
  { name: 'invalid UTF-8 in JSON', path: '/api/intake/reports', raw: { body: Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]), type: 'application/json' }, status: 400 },
  { name: 'multipart report not JSON', path: '/api/intake/reports', form: () => { const f = new FormData(); f.append('report', 'category=water'); return f; }, status: 400, field: 'report' },
  { name: 'PDF disguised as a photo', path: '/api/intake/reports', form: () => reportForm(good, [file('photo.jpg', pdf, 'image/jpeg')]), status: 415 },
  { name: 'SVG with a script', path: '/api/intake/reports', form: () => reportForm(good, [file('map.svg', svg, 'image/svg+xml')]), status: 415 },
  { name: 'empty file', path: '/api/intake/reports', form: () => reportForm(good, [file('empty.jpg', Buffer.alloc(0), 'image/jpeg')]), status: 400 },
  { name: 'photo over 10 MB', path: '/api/intake/reports', form: () => reportForm(good, [file('big.png', png([pngChunk('tEXt', Buffer.alloc(10 * 1024 * 1024 + 10))]), 'image/png')]), status: 413 },
  { name: 'ten files', path: '/api/intake/reports', form: () => reportForm(good, Array.from({ length: 10 }, (_, i) => file(`p${i}.jpg`, photo, 'image/jpeg'))), status: 400 },
  { name: 'staff: unknown channel', path: '/api/intake/registrations', roles: ['hotline-staff'], json: { ...good, channel: 'wechat' }, status: 400, field: 'channel' },
  { name: 'staff: media without link', path: '/api/intake/registrations', roles: ['hotline-staff'], json: { ...good, channel: 'media' }, status: 400, field: 'link' },
  { name: 'staff: script as link', path: '/api/intake/registrations', roles: ['hotline-staff'], json: { ...good, channel: 'media', link: 'javascript:alert(1)' }, status: 400, field: 'link' },
  { name: 'staff: markup in a reference', path: '/api/intake/registrations', roles: ['hotline-staff'], json: { ...good, channel: 'letter', referenceNumber: '<img src=x onerror=alert(1)>' }, status: 400, field: 'referenceNumber' },
  { name: 'patrol finding without GPS', path: '/api/intake/patrol/findings', roles: ['grid-worker'], json: { ...good, gridCode: 'G-1' }, status: 400, field: 'position' },
  { name: 'patrol grid code with SQL', path: '/api/intake/patrol/check-ins', roles: ['grid-worker'], json: { gridCode: "1' OR '1'='1" }, status: 400, field: 'gridCode' },
  { name: 'import without a file', path: '/api/intake/imports', roles: ['hotline-staff'], form: hotline({ channel: 'hotline-12345' }), status: 400, field: 'file' },
  { name: 'import without a channel', path: '/api/intake/imports', roles: ['hotline-staff'], form: hotline({}, { name: 'a.csv', bytes: csv }), status: 400, field: 'channel' },
  { name: 'import of a PNG named .csv', path: '/api/intake/imports', roles: ['hotline-staff'], form: hotline({ channel: 'hotline-12345' }, { name: 'export.csv', bytes: png([]) }), status: 415 },
  { name: 'import in no known encoding', path: '/api/intake/imports', roles: ['hotline-staff'], form: hotline({ channel: 'hotline-12345' }, { name: 'export.csv', bytes: Buffer.from([0x81, 0x30, 0xff, 0xff, 0x0a, 0xfe, 0xfe, 0x81]) }), status: 400 },
  { name: 'import with a broken mapping', path: '/api/intake/imports', roles: ['hotline-staff'], form: hotline({ channel: 'hotline-12345', mapping: '{"ticketNumber":' }, { name: 'a.csv', bytes: csv }), status: 400, field: 'mapping' },
  { name: 'triage: clue id not an id', path: "/api/intake/clues/1'%20OR%201=1/accept", roles: ['analyst'], json: {}, status: 400, field: 'clueId' },
  { name: 'triage: unknown rejection reason', path: `/api/intake/clues/${CLUE}/reject`, roles: ['analyst'], json: { reasonCode: 'because', reason: '不受理' }, status: 400, field: 'reasonCode' },
  { name: 'triage: merge into a non-id', path: `/api/intake/clues/${CLUE}/merge`, roles: ['analyst'], json: { intoClueId: 'other' }, status: 400, field: 'intoClueId' },
  { name: 'triage: If-Match not a version', path: `/api/intake/clues/${CLUE}/accept`, roles: ['analyst'], json: {}, headers: { 'if-match': 'latest' }, status: 400, field: 'If-Match' },
  { name: 'vault: purpose too short', path: `/api/intake/clues/${CLUE}/reporter/view`, roles: ['identity-officer'], json: { purpose: '看' }, status: 400, field: 'purpose' },
  { name: 'receipt code with markup', method: 'GET', path: '/api/intake/receipts/%3Cscript%3E', status: 404 },
];

describe('bad input across the channels: a clear 4xx in Chinese and English, and nothing written', () => {
  let intake: IntakeUnderTest;

  beforeAll(async () => {
    intake = await startIntakeForTest('bad_input');
  });

  afterAll(async () => {
    await intake?.stop();
  });

  const written = async () =>
    (await intake.sql<{ n: string }>(
      `SELECT (SELECT count(*) FROM intake.events) + (SELECT count(*) FROM intake.attachments) + (SELECT count(*) FROM intake_vault.reporters) AS n`,
    ))[0].n;

  it(`refuses ${CASES.length} malformed requests`, async () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
    const before = await written();
    for (const c of CASES) {
      const token = c.roles ? intake.token(c.roles) : undefined;
      const answer = await http(intake.url, c.method ?? 'POST', c.path, { token, json: c.json, raw: c.raw, form: c.form?.(), headers: c.headers });
      const label = `${c.name}: ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`;
      expect(label).toContain(` ${c.status} `);
      expect(answer.body.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(answer.body.en).toMatch(/[A-Za-z]/);
      if (c.field) expect([label, answer.body.errors?.map((e: { field: string }) => e.field)]).toEqual([label, expect.arrayContaining([c.field])]);
    }
    expect(await written()).toBe(before);
  });
});
