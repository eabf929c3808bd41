import { connect } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { organisationCheckCharacter, usccCheckCharacter } from '@qingyuan/enforcement-service';
import { encodeFrame, formatCp, formatDataSegment, formatHj212Time, formatQn, FrameReader, parseDataSegment } from '@qingyuan/hj212';
import { eventually } from '@qingyuan/testing';
import { chooseOption, consoleSignIn, context, launch, PHONE, shot } from './testing/browser';
import { Client } from './testing/http-client';
import { startTestPlatform, type PlatformUnderTest } from './testing/test-platform';

const TOWN = '330782001'; // 稠城街道
const ENTERPRISE = '义乌市浏览器监控电镀有限公司';
const PW = '246810';
/** The page's width, to check nothing makes a phone page scroll sideways. */
const WIDTH = 'document.documentElement.scrollWidth';

/** A credit code with valid check characters (GB 32100). */
function uscc(n: number): string {
  const org = `MB4${String(n % 100_000).padStart(5, '0')}`;
  const first17 = `91330782${org}${organisationCheckCharacter(org)}`;
  return first17 + usccCheckCharacter(first17);
}

/** One hourly upload (CN 2061) over a real TCP connection to the HJ 212 port; resolves with the platform's 9014. */
async function sendHourly(port: number, mn: string, avg: string): Promise<void> {
  const socket = connect({ host: '127.0.0.1', port });
  const reader = new FrameReader();
  const qn = formatQn(new Date());
  const dataTime = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000 - 3_600_000);
  const segment = formatDataSegment({ qn, st: '32', cn: '2061', pw: PW, mn, flag: 5 }, formatCp({ DataTime: formatHj212Time(dataTime) }, { w01018: { Avg: avg, Min: '120', Max: avg, Flag: 'N' } }));
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
 * 在线监控 as its users see it, in Debian's Chromium: the analyst registers a data logger through the form (factors as
 * rows) → the logger sends an hourly COD average of 150 against a limit of 50 over TCP → the dashboard shows a red
 * alarm → its page shows the evidence (3 倍) → remote warning → site verification sent to the town → a town officer on
 * a 360×640 phone records "属实" with an evidence reference → supervision ordered and closed → 办结 → the device's
 * trend shows the hour with the limit → once in English.
 */
describe('online monitoring in the browser', () => {
  let t: PlatformUnderTest;
  let browser: Browser;

  beforeAll(async () => {
    t = await startTestPlatform('browser_monitoring');
    browser = await launch();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  async function account(username: string, roles: string[], towns: string[] = []): Promise<{ userId: string; password: string }> {
    const created = await (await t.admin()).post('/api/admin/users', { username, displayName: `浏览器${username}`, roles, towns });
    expect(created.status).toBe(201);
    return { userId: created.body.user.userId, password: created.body.password };
  }

  const stage = (page: Page, value: string) => page.locator(`[data-testid="alarm-page"][data-stage="${value}"]`).waitFor({ timeout: 15_000 });

  /** Open an action's tab, fill its form (by test id), submit it and wait for the stage it leads to. */
  async function act(page: Page, key: string, fields: Record<string, string>, submit: string, next: string): Promise<void> {
    await page.getByTestId(`action-tab-${key}`).click();
    for (const [testId, value] of Object.entries(fields)) await page.getByTestId(testId).fill(value);
    await page.getByTestId(submit).click();
    await stage(page, next);
  }

  it('runs from a device registered in the form to a closed supervision', async () => {
    const hj212Port = t.platform.monitoring.hj212Port!;
    expect(hj212Port).toBeGreaterThan(0);
    const analystAccount = await account('m.analyst', ['analyst']);
    const townAccount = await account('m.town', ['town-officer'], [TOWN]);
    const admin = await t.admin();
    const analystApi = await new Client(t.base).signIn('m.analyst', analystAccount.password);

    // Set-up through the API: a key discharger in enforcement's registry; monitoring learns it by event, so a first
    // device (its flue gas outlet, reporting hourly) is registered as soon as monitoring accepts it.
    const code = uscc(Date.now());
    const created = await admin.post('/api/enforcement/enterprises', {
      name: ENTERPRISE, uscc: code, townCode: TOWN, address: '义乌市稠城街道工业园 12 号', location: { lat: 29.31, lng: 120.08 },
      industry: '电镀', permitClass: 'key', keyPolluter: true,
      outlets: [{ code: 'DW001', kind: 'water', name: '废水总排口' }, { code: 'FQ001', kind: 'air', name: '锅炉废气排口' }],
    });
    expect(created.status).toBe(201);
    const gas = { mn: `33078299${String(Date.now()).slice(-9)}G`, pw: PW, uscc: code, outletCode: 'FQ001', medium: 'gas', standard: '2017', realtimeIntervalSeconds: 3600,
      factors: [{ code: 'a21026', name: '二氧化硫', unit: 'mg/m³', hourLimit: 35, converted: true }] };
    await eventually(async () => (await analystApi.post('/api/monitoring/devices', gas)).status === 201, { what: 'monitoring knows the enterprise', timeoutMs: 30_000 });

    const analyst = await consoleSignIn(browser, t.base, 'm.analyst', analystAccount.password);
    await analyst.getByTestId('nav-monitoring').waitFor();

    // 0. Where the notifications answer: the bureau's duty phone is told of alarms from the orange tier up.
    const notifications = (await analystApi.get('/api/monitoring/recipients')).status === 200;
    if (notifications) {
      await analyst.goto('/console/monitoring/recipients');
      await analyst.getByTestId('recipient-add').click();
      await analyst.getByTestId('recipient-audience-bureau').click();
      await analyst.getByTestId('recipient-name').fill('分局值班手机');
      await analyst.getByTestId('recipient-channel-sms').click();
      await analyst.getByTestId('recipient-address').fill('13800000000');
      await analyst.getByTestId('recipient-tier-orange').click();
      await shot(analyst, 'm00a-desktop-recipient-form');
      await analyst.getByTestId('recipient-save').click();
      await analyst.getByTestId('recipient-row').filter({ hasText: '分局值班手机' }).waitFor();
      await shot(analyst, 'm00b-desktop-recipients');
    }

    // 1. The analyst registers the waste-water data logger through the form, the factor as a row.
    const mn = `33078200${String(Date.now()).slice(-9)}W`;
    await analyst.goto('/console/monitoring/devices');
    await analyst.locator(`[data-testid="device-row"][data-mn="${gas.mn}"]`).waitFor();
    await analyst.getByTestId('device-register').click();
    await analyst.getByTestId('device-mn').fill(mn);
    await analyst.getByTestId('device-pw').fill(PW);
    await chooseOption(analyst, 'device-enterprise', ENTERPRISE);
    await analyst.getByTestId('device-outlet').fill('DW001');
    await analyst.getByTestId('device-outlet-name').fill('废水总排口');
    await analyst.getByTestId('device-medium-water').click();
    await analyst.getByTestId('device-standard-2017').click();
    await analyst.getByTestId('device-interval').fill('300');
    await analyst.getByTestId('factor-code-0').fill('w01018');
    await analyst.getByTestId('factor-name-0').fill('化学需氧量');
    await analyst.getByTestId('factor-unit-0').fill('mg/L');
    await analyst.getByTestId('factor-hourLimit-0').fill('50');
    await analyst.getByTestId('factor-dayLimit-0').fill('50');
    await analyst.getByTestId('factor-add').click();
    await analyst.getByTestId('factor-code-1').fill('w21003');
    await analyst.getByTestId('factor-name-1').fill('氨氮');
    await analyst.getByTestId('factor-unit-1').fill('mg/L');
    await analyst.getByTestId('factor-hourLimit-1').fill('5');
    await shot(analyst, 'm01-desktop-device-register-form');
    await analyst.getByTestId('device-submit').click();
    const row = analyst.locator(`[data-testid="device-row"][data-mn="${mn}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain(ENTERPRISE);
    expect(await row.textContent()).toContain('从未上报');
    const registered = (await analystApi.get(`/api/monitoring/devices/${mn}`)).body;
    expect(registered.factors).toEqual([
      { code: 'w01018', name: '化学需氧量', unit: 'mg/L', hourLimit: 50, dayLimit: 50 },
      { code: 'w21003', name: '氨氮', unit: 'mg/L', hourLimit: 5 },
    ]);
    expect(registered.keyPolluter).toBe(true);
    await shot(analyst, 'm02-desktop-devices');

    // 2. The data logger sends an hourly COD average three times the limit over TCP: a red alarm on the dashboard.
    await sendHourly(hj212Port, mn, '150');
    await analyst.goto('/console/monitoring/overview');
    const alarmRow = analyst.locator(`[data-testid="alarm-row"][data-mn="${mn}"][data-tier="red"]`);
    await eventually(
      async () => {
        await analyst.reload();
        await analyst.getByTestId('dashboard-alarms').waitFor();
        return (await alarmRow.count()) > 0;
      },
      { what: 'the red alarm on the dashboard', timeoutMs: 30_000 },
    );
    expect(Number(await analyst.locator('[data-testid="tier-count"][data-tier="red"] [data-testid="tier-count-value"]').textContent())).toBeGreaterThanOrEqual(1);
    expect(await analyst.locator('[data-testid="stat-online"]').textContent()).toContain('1');
    await shot(analyst, 'm03-desktop-dashboard-red-alarm');

    // 3. The alarm list, filtered to the red tier; the alarm: evidence with the values, the limit and 3 倍; the stage at 预警.
    await analyst.goto('/console/monitoring/alarms');
    await analyst.getByTestId('alarm-list').waitFor();
    await chooseOption(analyst, 'filter-tier', '红色');
    await chooseOption(analyst, 'filter-status', '未解除');
    await analyst.waitForURL(/tier=red/);
    await alarmRow.waitFor();
    expect(await analyst.locator('[data-testid="alarm-row"]:not([data-tier="red"])').count()).toBe(0);
    await shot(analyst, 'm03b-desktop-alarms-filtered');
    await alarmRow.first().click();
    await stage(analyst, 'alarm');
    expect(await analyst.getByTestId('evidence-multiple').textContent()).toBe('3 倍');
    expect(await analyst.getByTestId('evidence-limit').textContent()).toBe('50 mg/L');
    expect(await analyst.getByTestId('evidence-value').first().textContent()).toBe('150 mg/L');
    expect(await analyst.getByTestId('alarm-tier').first().textContent()).toBe('红色');
    expect(await analyst.getByTestId('step-alarm').textContent()).toBe('预警');
    // The alarm's notifications, where the service answers for them (no SMS gateway here: the SMS waits to be retried).
    const alarmId = (await analyst.getByTestId('alarm-page').getAttribute('data-alarm-id'))!;
    const deliveries = await analystApi.get(`/api/monitoring/alarms/${alarmId}/deliveries`);
    if (deliveries.status === 200) {
      await analyst.getByTestId('alarm-deliveries').waitFor();
      const sent = deliveries.body as Array<{ recipientName: string | null }>;
      if (notifications && sent.length) expect(await analyst.getByTestId('alarm-deliveries').textContent()).toContain(sent[0].recipientName ?? '');
    } else {
      expect(await analyst.getByTestId('alarm-deliveries').count()).toBe(0);
    }
    await shot(analyst, 'm04-desktop-alarm-evidence');

    // 4. Remote warning, then a site verification for the town (the device's town is the default).
    await act(analyst, 'warn', { 'warn-message': 'COD 小时均值超标 3 倍，请立即排查并于 24 小时内书面说明' }, 'warn-submit', 'warned');
    await analyst.getByTestId('alarm-warning').waitFor();
    await analyst.getByTestId('action-tab-assign').click();
    expect(await analyst.getByTestId('assign-town').textContent()).toContain('稠城街道');
    await analyst.getByTestId('assign-name').fill('浏览器m.town');
    await analyst.getByTestId('assign-submit').click();
    await stage(analyst, 'verifying');
    await shot(analyst, 'm05-desktop-alarm-verification-assigned');

    // 5. The town officer, on a 360×640 phone, records "confirmed" with an evidence reference.
    const phone = await (await context(browser, PHONE, t.base)).newPage();
    await phone.goto('/console/login');
    await phone.getByTestId('username').fill('m.town');
    await phone.getByTestId('password').fill(townAccount.password);
    await phone.getByTestId('sign-in').click();
    await phone.waitForURL((url) => !url.pathname.endsWith('/login'));
    await phone.goto('/console/monitoring/tasks');
    const task = phone.getByTestId('verification-task').filter({ hasText: ENTERPRISE });
    await task.waitFor();
    expect(await task.getByTestId('alarm-tier').textContent()).toBe('红色');
    expect(await phone.evaluate<number>(WIDTH)).toBeLessThanOrEqual(360);
    await shot(phone, 'm06-phone-my-verification-tasks');
    await task.getByTestId('task-record').click();
    await phone.getByTestId('verify-result-confirmed').click();
    await phone.getByTestId('verify-findings').fill('现场废水处理设施加药泵停运，总排口出水浑浊');
    await phone.getByTestId('evidence-input').fill('执法记录仪 DSJ-0009');
    await phone.getByTestId('evidence-add').click();
    expect(await phone.getByTestId('evidence-item').count()).toBe(1);
    expect(await phone.evaluate<number>(WIDTH)).toBeLessThanOrEqual(360);
    await shot(phone, 'm07-phone-verification-form');
    await phone.getByTestId('verify-submit').click();
    await phone.getByTestId('task-recorded').waitFor();
    await phone.getByTestId('tasks-empty').waitFor();
    expect(await phone.evaluate<number>(WIDTH)).toBeLessThanOrEqual(360);
    await shot(phone, 'm08-phone-verification-recorded');

    // 6. The analyst orders supervision and closes it: 办结.
    await analyst.reload();
    await stage(analyst, 'verified');
    expect(await analyst.locator('[data-testid="task-result"][data-result="confirmed"]').count()).toBe(1);
    expect(await analyst.getByTestId('task-evidence').textContent()).toBe('执法记录仪 DSJ-0009');
    await act(analyst, 'supervise', { 'supervise-department': '义乌市经济和信息化局', 'supervise-requirement': '限期整改并提交整改报告' }, 'supervise-submit', 'supervised');
    await act(analyst, 'closeSupervision', { 'close-supervision-outcome': '已整改，复测达标' }, 'close-supervision-submit', 'closed');
    expect(await analyst.locator('[data-testid="alarm-steps"][data-stage="closed"]').count()).toBe(1);
    expect(await analyst.getByTestId('alarm-stage').first().textContent()).toBe('办结');
    expect(await analyst.getByTestId('alarm-actions').count()).toBe(0);
    const events = await analyst.getByTestId('timeline-event').evaluateAll((els) => els.map((e) => e.getAttribute('data-type')));
    expect(events).toEqual([
      'AlarmOpened', 'MonitoringAlarmRaised', 'RemoteWarningIssued', 'SiteVerificationAssigned', 'SiteVerificationRecorded', 'SupervisionOrdered', 'SupervisionClosed',
    ]);
    await shot(analyst, 'm09-desktop-alarm-closed');

    await analyst.goto('/console/monitoring/rules');
    await analyst.getByTestId('rules-history').waitFor();
    await shot(analyst, 'm09b-desktop-rules');
    await analyst.goBack();
    await stage(analyst, 'closed');

    // 7. The device's trend: the hour's average against the limit line, in the month view.
    await analyst.getByTestId('alarm-device-link').click();
    await analyst.locator(`[data-testid="device-page"][data-mn="${mn}"]`).waitFor();
    await analyst.getByTestId('trend-period-month').click();
    await analyst.locator('[data-testid="trend-source"][data-source="hourly_data"]').waitFor();
    expect(Number(await analyst.getByTestId('trend-source').getAttribute('data-points'))).toBe(1);
    await analyst.locator('[data-testid="trend-chart"] canvas').waitFor();
    await analyst.waitForTimeout(600); // the chart animates in
    expect(await analyst.getByTestId('device-alarms').getByTestId('alarm-row').count()).toBe(1);
    await shot(analyst, 'm10-desktop-device-trend');

    // 8. Once in English.
    await analyst.getByRole('button', { name: 'English' }).click();
    await analyst.getByText('Trend', { exact: true }).waitFor();
    expect(await analyst.getByTestId('trend-period-month').textContent()).toBe('Month');
    expect(await analyst.getByTestId('nav-monitoring').textContent()).toBe('Monitoring');
    await analyst.goto('/console/monitoring/alarms?stage=closed');
    await analyst.locator(`[data-testid="alarm-row"][data-mn="${mn}"]`).waitFor();
    expect(await analyst.getByTestId('alarm-tier').first().textContent()).toBe('Red');
    expect(await analyst.getByTestId('alarm-stage').first().textContent()).toBe('Closed');
    await analyst.locator(`[data-testid="alarm-row"][data-mn="${mn}"]`).click();
    await stage(analyst, 'closed');
    expect(await analyst.getByTestId('evidence-multiple').textContent()).toBe('3×');
    expect(await analyst.getByTestId('step-verified').textContent()).toBe('Verified');
    await shot(analyst, 'm11-desktop-alarm-english');
    await analyst.goto('/console/monitoring/rules');
    await analyst.getByTestId('rules-history').waitFor();
    await shot(analyst, 'm12-desktop-rules-english');
  }, 240_000);
});
