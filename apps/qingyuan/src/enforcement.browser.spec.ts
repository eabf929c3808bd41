import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { chooseOption, consoleSignIn, context, DESKTOP, launch, PHONE, shot } from './testing/browser';
import { Client } from './testing/http-client';
import { startTestPlatform, type PlatformUnderTest } from './testing/test-platform';

/** Credit codes with valid check characters (GB 32100), and one whose organisation check character is wrong. */
const JIA = { name: '浏览器甲印染有限公司', uscc: '91330782EB0000010P' };
const BAD_USCC = '91330782EB000001XX';
const REGISTRY_CSV = [
  '单位名称,统一社会信用代码,镇街,地址,行业,排污许可管理类别,重点排污单位',
  `${JIA.name},${JIA.uscc},佛堂镇,佛堂镇工业区印染路1号,纺织印染,重点管理,是`,
  `浏览器乙电镀厂,${BAD_USCC},江东街道,江东街道某工业区2号,电镀,简化管理,否`,
  '浏览器丙化工有限公司,91330782EB0000029L,江东街道,江东街道某工业区3号,化工,简化管理,否',
  '浏览器丁塑料制品厂,91330782EB0000037F,稠城街道,稠城街道某路4号,塑料制品,登记管理,否',
  '浏览器戊五金厂,91330782EB0000045A,,苏溪镇某村5号,金属制品,登记管理,否',
].join('\n');
/** The page's width, to check nothing makes a phone page scroll sideways. */
const WIDTH = 'document.documentElement.scrollWidth';
const INSPECTORS = [
  { username: 'e.inspector1', name: '张执法' },
  { username: 'e.inspector2', name: '李执法' },
  { username: 'e.inspector3', name: '王执法' },
];

/**
 * 双随机、一公开 as its users see it, in Debian's Chromium: the enforcement officer imports the registry (one bad row
 * is reported by line), builds the inspector pool (one declared conflict), creates a plan, commits (the hashes are
 * shown) and performs the draw, which verifies → an inspector on a 360×640 phone records a violation with evidence →
 * the officer runs the minor-violation check and decides the penalty → the public page shows the commitment and the
 * finished result, and the seed once every drawn enterprise is inspected; nobody's name or account.
 */
describe('double-random inspection in the browser', () => {
  let t: PlatformUnderTest;
  let browser: Browser;

  beforeAll(async () => {
    t = await startTestPlatform('browser_enforcement');
    browser = await launch();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  async function account(username: string, displayName: string, roles: string[]): Promise<{ userId: string; password: string }> {
    const created = await (await t.admin()).post('/api/admin/users', { username, displayName, roles });
    expect(created.status).toBe(201);
    return { userId: created.body.user.userId, password: created.body.password };
  }

  const choose = chooseOption;
  const signedIn = (username: string, password: string) => consoleSignIn(browser, t.base, username, password);

  it('runs from the registry import to the published result', async () => {
    const officerAccount = await account('e.officer', '赵执法管理', ['enforcement-officer']);
    const inspectors = [];
    for (const i of INSPECTORS) inspectors.push({ ...i, ...(await account(i.username, i.name, ['inspector'])) });

    // 1. The officer imports the registry; the bad row comes back with its line and the credit code's problem.
    const officer = await signedIn('e.officer', officerAccount.password);
    await officer.getByTestId('nav-enforcement').waitFor();
    await officer.goto('/console/enforcement/enterprises');
    await officer.getByTestId('registry-import').click();
    await officer.locator('.ant-modal input[type=file]').setInputFiles({ name: 'registry.csv', mimeType: 'text/csv', buffer: Buffer.from(REGISTRY_CSV, 'utf8') });
    await officer.getByTestId('import-submit').click();
    await officer.getByTestId('import-result').waitFor();
    expect(await officer.getByTestId('import-created').textContent()).toBe('4');
    const badRow = officer.locator('[data-testid="import-error"][data-line="3"]');
    expect(await badRow.textContent()).toContain('校验位错误');
    expect(await badRow.textContent()).toContain('统一社会信用代码');
    await shot(officer, 'e01-desktop-registry-import-errors');
    await officer.keyboard.press('Escape');
    await officer.locator(`[data-testid="enterprise-row"][data-uscc="${JIA.uscc}"]`).waitFor();
    expect(await officer.getByTestId('enterprise-row').count()).toBe(4);
    expect(await officer.locator(`[data-testid="enterprise-row"][data-uscc="${JIA.uscc}"] [data-testid="object-class"]`).getAttribute('data-class')).toBe('key');
    expect(await officer.locator(`[data-testid="enterprise-row"][data-uscc="${JIA.uscc}"] [data-testid="credit-plate"]`).textContent()).toContain('蓝牌');
    await shot(officer, 'e02-desktop-registry');
    // a registration by hand gets the same checks, at its fields
    await officer.getByTestId('registry-register').click();
    await officer.getByTestId('register-name').fill('浏览器己纸业有限公司');
    await officer.getByTestId('register-uscc').fill(BAD_USCC);
    await choose(officer, 'register-permit', '登记管理');
    await officer.getByTestId('register-industry').fill('造纸');
    await officer.getByTestId('register-address').fill('义亭镇某村6号');
    await officer.getByTestId('register-submit').click();
    const usccItem = officer.locator('.ant-form-item-has-error').filter({ hasText: '统一社会信用代码' });
    await usccItem.locator('.ant-form-item-explain-error').filter({ hasText: '校验位错误' }).waitFor();
    await officer.waitForTimeout(400); // the message slides in
    await shot(officer, 'e02b-desktop-register-field-error');
    await officer.keyboard.press('Escape');
    expect(await officer.getByTestId('enterprise-row').count()).toBe(4);
    const officerApi = await new Client(t.base).signIn('e.officer', officerAccount.password);
    const jiaId: string = (await officerApi.get(`/api/enforcement/enterprises?q=${JIA.uscc}`)).body[0].enterpriseId;

    // 2. Three inspectors go into the pool; the first declares a conflict with 甲.
    await officer.goto('/console/enforcement/inspectors');
    for (const [n, inspector] of inspectors.entries()) {
      await officer.getByTestId('pool-add').click();
      await choose(officer, 'inspector-account', inspector.name);
      expect(await officer.getByTestId('inspector-name').inputValue()).toBe(inspector.name);
      if (n === 0) {
        await choose(officer, 'inspector-conflicts', JIA.name);
        await officer.keyboard.press('Escape');
      }
      if (n === 0) await shot(officer, 'e03-desktop-inspector-conflict');
      await officer.getByTestId('inspector-save').click();
      await officer.locator(`[data-testid="inspector-row"][data-inspector-id="${inspector.userId}"]`).waitFor();
    }
    expect(await officer.locator(`[data-testid="inspector-row"][data-inspector-id="${inspectors[0].userId}"]`).textContent()).toContain(JIA.name);
    await shot(officer, 'e04-desktop-inspector-pool');

    // 3. A plan: the default ratios come from the supervision rules; this one inspects every blue-rated enterprise.
    await officer.goto('/console/enforcement/plans');
    await officer.getByTestId('plan-create').click();
    await officer.getByTestId('plan-ratios-default').waitFor();
    expect(await officer.getByTestId('ratio-key-blue').inputValue()).toBe('25');
    expect(await officer.getByTestId('ratio-general-blue').inputValue()).toBe('5');
    await officer.getByTestId('plan-name').fill('2027 年第一季度污染源双随机抽查（浏览器测试）');
    await officer.getByTestId('plan-period').fill('2027-Q1');
    await officer.getByTestId('plan-items').fill('排污许可证执行情况\n污染防治设施运行情况');
    for (const cls of ['key', 'general', 'special']) await officer.getByTestId(`ratio-${cls}-blue`).fill('100');
    await shot(officer, 'e05-desktop-plan');
    await officer.getByTestId('plan-save').click();
    await officer.getByTestId('plan-commit').click();
    await officer.getByTestId('plan-commit-confirm').click();
    await officer.waitForURL(/\/console\/enforcement\/draws\//);
    const seedHash = (await officer.getByTestId('seed-hash').textContent())!.trim();
    expect(seedHash).toMatch(/^[0-9a-f]{64}$/);
    expect(await officer.getByTestId('draw-commitment').textContent()).toContain('4 家单位');
    expect(await officer.getByText('已公示的承诺值').count()).toBeGreaterThan(0);
    expect(await officer.getByTestId('draw-status').getAttribute('data-status')).toBe('committed');
    await shot(officer, 'e06-desktop-draw-committed');

    // 4. The draw: the seed is revealed, every enterprise drawn with two inspectors, the conflict respected, verified.
    await officer.getByTestId('draw-perform').click();
    await officer.getByTestId('draw-perform-confirm').click();
    await officer.locator('[data-testid="draw-status"][data-status="performed"]').waitFor();
    const seed = (await officer.getByTestId('draw-seed').textContent())!.trim();
    expect(seed).toMatch(/^[0-9a-f]{64}$/);
    await officer.locator('[data-testid="verification"][data-ok="true"]').waitFor();
    expect(await officer.getByTestId('verification').textContent()).toContain('验证通过');
    expect(await officer.getByTestId('selection').count()).toBe(4);
    const jiaInspectors = (await officer.locator(`[data-testid="selection"][data-enterprise-id="${jiaId}"] [data-testid="selection-inspectors"]`).textContent())!;
    expect(jiaInspectors).not.toContain(inspectors[0].name);
    expect(jiaInspectors).toMatch(/李执法|王执法/);
    await shot(officer, 'e07-desktop-draw-verified');
    const [download] = await Promise.all([officer.waitForEvent('download'), officer.getByTestId('draw-record').click()]);
    const record = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(record.seed).toBe(seed);
    expect(record.committed.seedHash).toBe(seedHash);
    // the supervision lists count the registry; the rules show their versions
    await officer.goto('/console/enforcement/lists');
    expect(await officer.locator('[data-testid="list-cell"][data-class="general"][data-level="blue"]').textContent()).toContain('3');
    await shot(officer, 'e07b-desktop-supervision-lists');
    await officer.goto('/console/enforcement/rules?kind=exemptions');
    await officer.getByTestId('rules-view-exemptions').first().waitFor();
    await shot(officer, 'e07c-desktop-rules-exemptions');

    // 5. An inspector of 甲's task records a violation with evidence, on a 360×640 phone.
    const mine = inspectors.find((i) => jiaInspectors.includes(i.name))!;
    const phone = await (await context(browser, PHONE, t.base)).newPage();
    await phone.goto('/field/login');
    await phone.getByTestId('username').fill(mine.username);
    await phone.getByTestId('password').fill(mine.password);
    await phone.getByTestId('sign-in').click();
    await phone.waitForURL(/\/field\/tasks$/);
    await phone.getByTestId('inspection-task').filter({ hasText: JIA.name }).waitFor();
    await shot(phone, 'e08-phone-my-tasks');
    await phone.getByTestId('inspection-task').filter({ hasText: JIA.name }).locator('a').click();
    await phone.getByTestId('task-enterprise').filter({ hasText: JIA.name }).waitFor();
    expect(await phone.getByTestId('task-address').textContent()).toBe('佛堂镇工业区印染路1号');
    await phone.getByTestId('result-violation').click();
    await phone.getByTestId('result-findings').fill('雨水排放口有蓝色印染废水流出，现场查见绕过污水处理设施的暗管一根');
    for (const ref of ['执法记录仪 DSJ-20270115-003', '照片 P-012 至 P-018', '采样单 CY-2027-0042']) {
      await phone.getByTestId('evidence-input').fill(ref);
      await phone.getByTestId('evidence-add').click();
    }
    expect(await phone.getByTestId('evidence-item').count()).toBe(3);
    await phone.getByTestId('result-category').selectOption('water');
    expect(await phone.evaluate<number>(WIDTH)).toBeLessThanOrEqual(360);
    await shot(phone, 'e09-phone-result-form');
    await phone.getByTestId('result-submit').click();
    await phone.locator('[data-testid="recorded-result"][data-result="violation"]').waitFor();
    expect(await phone.evaluate<number>(WIDTH)).toBeLessThanOrEqual(360);
    await shot(phone, 'e10-phone-result-recorded');

    // 6. The officer checks the minor-violation list (not met), then decides the penalty.
    await officer.goto('/console/enforcement/cases');
    await officer.getByTestId('case-row').filter({ hasText: JIA.name }).click();
    await officer.getByTestId('exemption-form').waitFor();
    await choose(officer, 'exemption-item', '违法行为轻微并及时改正');
    await officer.getByTestId('fact-minor').click();
    await officer.getByTestId('exemption-submit').click();
    await officer.locator('[data-testid="exemption-outcome"][data-exempt="false"]').waitFor();
    const conditions = officer.getByTestId('exemption-condition');
    expect(await conditions.count()).toBe(3);
    expect(await officer.locator('[data-testid="exemption-condition"][data-met="true"]').textContent()).toContain('违法行为轻微');
    expect(await officer.locator('[data-testid="exemption-condition"][data-met="false"]').count()).toBe(2);
    await shot(officer, 'e11-desktop-exemption-checked');
    await officer.getByTestId('action-tab-penalty').click();
    await officer.getByTestId('penalty-number').fill('义环罚字〔2027〕12号');
    await officer.getByTestId('penalty-basis').fill('《中华人民共和国水污染防治法》第八十三条第三项');
    await officer.getByTestId('penalty-fine').fill('150000');
    await officer.getByTestId('penalty-submit').click();
    await officer.getByTestId('case-outcome').waitFor();
    expect(await officer.getByTestId('case-status').first().textContent()).toBe('已处罚');
    expect(await officer.getByTestId('case-fine').textContent()).toBe('¥150,000.00');
    await shot(officer, 'e12-desktop-penalty-decided');

    // The violation moved 甲's credit, naming the rule.
    await officer.goto(`/console/enforcement/enterprises/${jiaId}`);
    await officer.getByTestId('credit-move').first().waitFor();
    expect(await officer.getByTestId('credit-rule').first().textContent()).toBe('查实违法行为');
    expect(await officer.locator('[data-testid="credit-plate"][data-level="yellow"]').count()).toBeGreaterThan(0);
    await shot(officer, 'e13-desktop-enterprise-credit');

    // 7. 一公开, without signing in: the commitment, the seed, the finished result; no officer's name or account.
    const citizen = await (await context(browser, PHONE, t.base)).newPage();
    await citizen.goto('/');
    await citizen.getByTestId('nav-inspections').click();
    await citizen.getByTestId('public-draw').first().waitFor();
    expect((await citizen.getByTestId('public-seed-hash').first().textContent())!.trim()).toBe(seedHash);
    // three of the four drawn enterprises are still to be inspected: the seed stays back, the result is shown
    await citizen.getByTestId('public-seed-pending').waitFor();
    expect(await citizen.getByTestId('public-seed').count()).toBe(0);
    expect(await citizen.getByTestId('public-inspected').textContent()).toBe('1 / 4 家');
    const result = citizen.getByTestId('public-result');
    expect(await result.count()).toBe(1);
    expect(await result.textContent()).toContain(JIA.name);
    expect(await result.textContent()).toContain(JIA.uscc);
    expect(await result.textContent()).toContain('存在违法行为');
    await shot(citizen, 'e14a-phone-public-draw-in-progress');

    // The other inspections are recorded (through the API); then the seed is published and checks against its hash.
    for (const i of inspectors) {
      const api = await new Client(t.base).signIn(i.username, i.password);
      for (const task of (await api.get('/api/enforcement/tasks?status=assigned')).body as Array<{ taskId: string; inspectorIds: string[]; status: string }>) {
        const answer = await api.post(`/api/enforcement/tasks/${task.taskId}/result`, { result: 'compliant', findings: '污染防治设施正常运行', evidence: [] });
        expect(answer.status).toBe(200);
      }
    }
    await citizen.reload();
    expect((await citizen.getByTestId('public-seed').first().textContent())!.trim()).toBe(seed);
    await citizen.locator('[data-testid="public-seed-check"][data-ok="true"]').waitFor();
    expect(await citizen.getByTestId('public-inspected').textContent()).toBe('4 / 4 家');
    expect(await citizen.getByTestId('public-result').count()).toBe(4);
    await citizen.getByTestId('how-to-verify').locator('summary').click();
    expect(await citizen.evaluate<number>(WIDTH)).toBeLessThanOrEqual(360);
    await shot(citizen, 'e14-phone-public-draws');
    const html = await citizen.content();
    for (const person of [...inspectors, { name: '赵执法管理', userId: officerAccount.userId, username: 'e.officer' }]) {
      expect(html).not.toContain(person.name);
      expect(html).not.toContain(person.userId);
      expect(html).not.toContain(person.username);
    }
    const wide = await (await context(browser, DESKTOP, t.base)).newPage();
    await wide.goto('/inspections');
    await wide.getByTestId('public-result').first().waitFor();
    await shot(wide, 'e15-desktop-public-draws');

    // The export for the 互联网+监管 platform carries the inspection and the decision.
    await officer.goto('/console/enforcement/export');
    const [exported] = await Promise.all([officer.waitForEvent('download'), officer.getByTestId('export-download').click()]);
    const feed = JSON.parse(readFileSync((await exported.path())!, 'utf8'));
    expect(feed.format).toBe('qingyuan.enforcement-export/v1');
    expect(feed.penalties.map((p: { decisionNumber: string }) => p.decisionNumber)).toContain('义环罚字〔2027〕12号');
    await officer.getByTestId('export-summary').waitFor();
    await shot(officer, 'e16-desktop-export');
  }, 240_000);
});
