import type { Browser, Page } from 'playwright-core';
import { eventually } from '@qingyuan/testing';
import { DESKTOP, PHONE, context, launch, shot } from './testing/browser';
import { Client } from './testing/http-client';
import { startTestPlatform, type PlatformUnderTest } from './testing/test-platform';

const DESCRIPTION = '奖励浏览器测试：佛堂镇某厂夜间通过暗管偷排';
const IDENTITY = { name: '浏览器领奖人', phone: '13800138000', idNumber: '11010519491231002X' };

/**
 * The reward's main path as its users see it, in Debian's Chromium: the verifier records the violation at close-out →
 * the reward officer records the fine, evaluates and proposes → bureau and finance approve → the officer notifies →
 * the anonymous reporter identifies and claims on a phone → finance asks to read the identity, the identity officer
 * approves, finance reads it once and records the payout → the reporter sees it paid.
 */
describe('a whistleblower reward in the browser', () => {
  let t: PlatformUnderTest;
  let browser: Browser;

  beforeAll(async () => {
    t = await startTestPlatform('browser_rewards');
    browser = await launch();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  async function signedIn(username: string, roles: string[], size = DESKTOP): Promise<Page> {
    const created = await (await t.admin()).post('/api/admin/users', { username, displayName: `浏览器${username}`, roles });
    expect(created.status).toBe(201);
    const page = await (await context(browser, size, t.base)).newPage();
    await page.goto('/console/login');
    await page.getByTestId('username').fill(username);
    await page.getByTestId('password').fill(created.body.password);
    await page.getByTestId('sign-in').click();
    await page.waitForURL((url) => !url.pathname.endsWith('/login'));
    return page;
  }
  const status = (page: Page, text: string) => page.getByTestId('reward-status').first().filter({ hasText: text }).waitFor({ timeout: 15_000 });

  /** An anonymous report taken to verification through the API (the loop's pages have their own browser test). */
  async function problemAwaitingVerification(): Promise<{ code: string; problemId: string }> {
    const sent = await new Client(t.base).post('/api/intake/reports', { category: 'water', description: DESCRIPTION, anonymous: true, location: { lat: 29.25, lng: 120.1, address: '佛堂镇某工业区' } });
    expect(sent.status).toBe(201);
    const analyst = await t.staff('r.analyst', ['analyst']);
    const clue = (await analyst.get('/api/intake/clues?limit=50')).body.find((c: { description: string }) => c.description === DESCRIPTION);
    await analyst.post(`/api/intake/clues/${clue.clueId}/accept`, {});
    const problemId: string = await eventually(async () => (await analyst.get(`/api/intake/clues/${clue.clueId}`)).body.problemId, { what: 'the problem' });
    const townCode = (await analyst.get(`/api/cases/problems/${problemId}`)).body.town.code as string;
    expect((await analyst.post(`/api/cases/problems/${problemId}/assignment`, { townCode, leadDepartment: 'eco-env', responsiblePerson: { name: '李责任' }, measures: '拆除暗管', workingDays: 10 })).status).toBe(200);
    const town = await t.staff('r.town', ['town-officer'], { towns: [townCode] });
    expect((await town.post(`/api/cases/problems/${problemId}/sign-off`, {})).status).toBe(200);
    expect((await town.post(`/api/cases/problems/${problemId}/rectification`, { summary: '暗管已拆除', evidence: ['拆除照片 2 张'] })).status).toBe(200);
    return { code: sent.body.receiptCode, problemId };
  }

  it('runs from the violation at close-out to a payout the reporter can see', async () => {
    const { code, problemId } = await problemAwaitingVerification();

    // 1. The verifier closes out and records the violation and its kind.
    const verifier = await signedIn('r.verifier', ['verifier']);
    await verifier.goto(`/console/problems/${problemId}`);
    await verifier.getByTestId('verify-pass').click();
    await verifier.getByTestId('verify-opinion').fill('现场核实暗管已拆除；查实企业通过暗管偷排');
    await verifier.getByTestId('verify-violation').check();
    await verifier.getByTestId('violation-evading-supervision').check();
    await shot(verifier, 'r01-desktop-verification-violation');
    await verifier.getByTestId('verify-submit').click();
    await eventually(async () => (await verifier.getByTestId('problem-status').textContent())?.includes('已销号'), { what: 'closed out' });

    // 2. The reward officer finds the new case, records the fine, evaluates and proposes.
    const officer = await signedIn('r.officer', ['reward-officer']);
    const officerApi = await apiOf(officer);
    const rewardId: string = await eventually(async () => (await officerApi.get('/api/rewards/cases')).body.items?.find((c: { problemId: string }) => c.problemId === problemId)?.rewardId, {
      what: 'the reward case',
    });
    await officer.goto('/console/rewards');
    await officer.locator(`[data-testid="reward-row"][data-reward-id="${rewardId}"]`).click();
    await officer.getByTestId('evaluate-form').waitFor();
    await shot(officer, 'r02-desktop-reward-opened');
    await officer.getByTestId('action-tab-penalty').click();
    await officer.getByTestId('penalty-number').fill('义环罚〔2026〕66号');
    await officer.getByTestId('penalty-fine').fill('200,000');
    await officer.getByTestId('penalty-date').click();
    await officer.keyboard.type('2026-11-25');
    await officer.keyboard.press('Enter');
    await officer.getByTestId('penalty-submit').click();
    await officer.getByTestId('penalties').filter({ hasText: '¥200,000.00' }).waitFor();
    await officer.getByTestId('action-tab-evaluate').click();
    await officer.getByTestId('evaluate-note').fill('首位举报人，非在岗人员，部门此前未掌握');
    await officer.getByTestId('evaluate-submit').click();
    await status(officer, '已审核');
    await officer.getByTestId('action-tab-propose').click();
    expect(await officer.getByTestId('propose-amount').inputValue()).toBe('10000.00');
    await shot(officer, 'r03-desktop-propose');
    await officer.getByTestId('propose-submit').click();
    await officer.getByTestId('proposal-amount').filter({ hasText: '¥10,000.00' }).waitFor();

    // 3. Bureau, then finance approve; the officer tells the reporter.
    for (const [username, role, after, name] of [['r.bureau', 'reward-approver', '分局已审批', 'r04-desktop-bureau-approved'], ['r.finance-head', 'finance', '财务已审批', 'r05-desktop-finance-approved']] as const) {
      const page = await signedIn(username, [role]);
      await page.goto(`/console/rewards/${rewardId}`);
      await page.getByTestId('approval-approve').click();
      await page.getByTestId('approval-text').fill('同意');
      await page.getByTestId('approval-submit').click();
      await status(page, after);
      await shot(page, name);
    }
    await officer.reload();
    await officer.getByTestId('notify-submit').click();
    await status(officer, '已告知');

    // 4. The anonymous reporter sees the amount, identifies and claims, on a phone.
    const phone = await (await context(browser, PHONE, t.base)).newPage();
    await phone.goto(`/progress/${code}`);
    await phone.getByTestId('reward-amount').waitFor();
    expect(await phone.getByTestId('reward-amount').getAttribute('data-fen')).toBe('1000000');
    await phone.getByTestId('method-bank-transfer').click();
    await phone.getByTestId('claim-name').fill(IDENTITY.name);
    await phone.getByTestId('claim-phone').fill(IDENTITY.phone);
    await phone.getByTestId('claim-id-number').fill(IDENTITY.idNumber);
    await shot(phone, 'r06-phone-claim');
    await phone.getByTestId('claim-reward').click();
    await phone.locator('[data-testid="reward-status"][data-status="claimed"]').waitFor();
    await shot(phone, 'r07-phone-claimed');

    // 5. Finance asks to read the identity; the identity officer approves; finance reads it once and pays.
    const finance = await signedIn('r.cashier', ['finance']);
    await finance.goto(`/console/rewards/${rewardId}`);
    await status(finance, '已申领');
    await finance.getByTestId('identity-purpose').fill('奖励发放核实领奖人身份');
    await finance.getByTestId('identity-request-submit').click();
    await finance.locator('[data-testid="identity-request"][data-status="pending"]').waitFor();
    const idOfficer = await signedIn('r.identity', ['identity-officer']);
    await idOfficer.goto('/console/identity-requests');
    const row = idOfficer.locator(`[data-testid="identity-request-row"][data-case-ref="${rewardId}"]`);
    await row.waitFor();
    await shot(idOfficer, 'r08-desktop-identity-requests');
    await row.getByTestId('identity-approve').click();
    await idOfficer.getByTestId('identity-approve-confirm').click();
    // the dialog closes once the approval is recorded; the list then reloads (refreshed by hand if it has not yet)
    await idOfficer.getByTestId('identity-approve-confirm').waitFor({ state: 'detached', timeout: 60_000 });
    if (await row.count()) await idOfficer.getByTestId('identity-requests-refresh').click();
    await row.waitFor({ state: 'detached' });
    await finance.getByTestId('identity-refresh').click();
    await finance.getByTestId('identity-view').click();
    await finance.getByTestId('identity-view-confirm').click();
    expect(await finance.getByTestId('identity-name').textContent()).toBe(IDENTITY.name);
    await finance.getByTestId('identity-view-close').click();
    await finance.locator('[data-testid="identity-request"][data-status="viewed"]').waitFor();
    await finance.getByTestId('action-tab-payout').click();
    expect(await finance.getByTestId('payout-identity-request').inputValue()).not.toBe('');
    await finance.getByTestId('payout-reference').fill('ZZ20261129001');
    // Rewards learns of the reading from intake's event; a payout before that is refused and can be sent again.
    await eventually(async () => {
      if ((await finance.getByTestId('reward-status').first().textContent())?.includes('已发放')) return true;
      if (await finance.getByTestId('payout-submit').isVisible()) await finance.getByTestId('payout-submit').click();
      await finance.waitForTimeout(300);
      return false;
    }, { what: 'the payout' });
    await finance.getByTestId('payouts').waitFor();
    await shot(finance, 'r09-desktop-paid');

    // 6. The reporter sees it paid; the numbers count it.
    await phone.reload();
    await phone.locator('[data-testid="reward-status"][data-status="paid"]').waitFor();
    await shot(phone, 'r10-phone-paid');
    await officer.goto('/console/reward-stats');
    await officer.getByText('¥10,000.00').first().waitFor();
    await shot(officer, 'r11-desktop-stats');
  }, 240_000);

  it('offers open bounties on the public report page', async () => {
    const officer = await t.staff('r.bounty-officer', ['reward-officer']);
    const published = await officer.post('/api/rewards/bounties', {
      title: '征集江东街道某河段夜间偷排线索', description: '征集能证明夜间偷排的照片、视频或知情人证言。', maxAmountFen: 5_000_000, approvalReference: '义政函〔2026〕9号', expiresOn: '2027-03-31',
    });
    expect(published.status).toBe(201);
    const phone = await (await context(browser, PHONE, t.base)).newPage();
    await phone.goto(`/report?bounty=${published.body.bountyId}`);
    await phone.getByTestId('bounty-chosen').waitFor();
    await shot(phone, 'r12-phone-report-bounty');
    expect(await phone.getByTestId('bounty-select').inputValue()).toBe(published.body.bountyId);
  }, 60_000);

  /** The API client of the user signed in on a page (the console keeps its token in session storage). */
  async function apiOf(page: Page): Promise<Client> {
    const client = new Client(t.base);
    client.token = JSON.parse(await page.evaluate<string>("sessionStorage.getItem('qingyuan.session')")).token;
    return client;
  }
});
