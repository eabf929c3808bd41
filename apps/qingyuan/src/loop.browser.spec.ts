import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { eventually } from '@qingyuan/testing';
import { ARTIFACTS, DESKTOP, PHONE, context, jpegPhoto, launch, shot } from './testing/browser';
import { Client } from './testing/http-client';
import { startTestPlatform, type PlatformUnderTest } from './testing/test-platform';

const DESCRIPTION = '浏览器测试：稠城街道某厂排口夜间排放黑色污水，河面有油膜';

/**
 * The whole loop as its users see it, in Debian's Chromium: a citizen reports on a phone → an analyst triages and
 * assigns → the town officer signs off and reports the rectification → a verifier closes out → the citizen's progress
 * page shows it closed. Screenshots of each step go to artifacts/screenshots (not committed).
 */
describe('the closed loop in the browser, phone and desktop', () => {
  let t: PlatformUnderTest;
  let browser: Browser;
  const metrics: Record<string, number> = {};

  beforeAll(async () => {
    t = await startTestPlatform('browser_loop');
    browser = await launch();
  }, 60_000);

  afterAll(async () => {
    writeFileSync(join(ARTIFACTS, '..', 'browser-metrics.json'), JSON.stringify(metrics, null, 2));
    await browser?.close();
    await t?.stop();
  });

  async function signIn(page: Page, username: string, password: string) {
    await page.goto('/console/login');
    await page.getByTestId('username').fill(username);
    await page.getByTestId('password').fill(password);
    await page.getByTestId('sign-in').click();
    await page.waitForURL((url) => !url.pathname.endsWith('/login'));
  }

  async function staff(username: string, roles: string[], towns: string[] = []) {
    const created = await (await t.admin()).post('/api/admin/users', { username, displayName: `浏览器${username}`, roles, towns });
    expect(created.status).toBe(201);
    return created.body.password as string;
  }

  it('runs from a phone report to a close-out the citizen can see', async () => {
    // 1. A citizen reports on a phone, with a photo, and gets a receipt code.
    const phone = await (await context(browser, PHONE, t.base)).newPage();
    const started = Date.now();
    await phone.goto('/');
    await phone.getByTestId('submit-report').waitFor();
    metrics.publicFirstRenderMs = Date.now() - started;
    metrics.publicFirstContentfulPaintMs = await phone.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1);
    await shot(phone, '01-phone-report-empty');
    await phone.getByTestId('category-water').click();
    await phone.getByTestId('description').fill(DESCRIPTION);
    await phone.getByTestId('town-map').click();
    await phone.getByTestId('address').fill('义乌市稠城街道某工业区河道排口');
    await phone.getByTestId('photo-input').setInputFiles({ name: 'photo.jpg', mimeType: 'image/jpeg', buffer: jpegPhoto() });
    await shot(phone, '02-phone-report-filled');
    await phone.getByTestId('submit-report').click();
    const code = (await phone.getByTestId('receipt-code').textContent())!.trim();
    expect(code).toMatch(/^([0-9A-Z]{4}-){4}[0-9A-Z]{4}$/);
    await shot(phone, '03-phone-receipt');

    // 2. An analyst accepts it and assigns the problem.
    const analystPassword = await staff('b.analyst', ['analyst']);
    const verifierPassword = await staff('b.verifier', ['verifier']);
    const desk = await (await context(browser, DESKTOP, t.base)).newPage();
    await signIn(desk, 'b.analyst', analystPassword);
    await desk.getByTestId('card-open').waitFor();
    await desk.waitForTimeout(500); // let the charts finish their animation
    await shot(desk, '04-desktop-dashboard');
    await desk.goto('/console/clues');
    await desk.getByTestId('clue-row').filter({ hasText: DESCRIPTION.slice(0, 12) }).first().click();
    await desk.getByTestId('clue-description').waitFor();
    await shot(desk, '05-desktop-clue-triage');
    await desk.getByTestId('accept-clue').click();
    const analyst = await new Client(t.base).signIn('b.analyst', analystPassword);
    const clue = (await analyst.get('/api/intake/clues?limit=50')).body.find((c: { description: string }) => c.description === DESCRIPTION);
    const problemId = await eventually(async () => (await analyst.get(`/api/intake/clues/${clue.clueId}`)).body.problemId as string | null, { what: 'the problem' });
    const townCode = (await analyst.get(`/api/cases/problems/${problemId}`)).body.town.code as string;
    const townPassword = await staff('b.town', ['town-officer'], [townCode]);

    await desk.goto('/console/problems');
    await desk.getByTestId('problem-row').first().waitFor();
    await shot(desk, '06-desktop-problem-list');
    await desk.goto(`/console/problems/${problemId}`);
    await desk.getByTestId('assign-form').waitFor();
    await desk.getByTestId('assign-responsible-name').fill('王责任');
    await desk.getByTestId('assign-measures').fill('封堵暗管，清理河道油污');
    await desk.getByTestId('assign-working-days').fill('10');
    await shot(desk, '07-desktop-assignment');
    await desk.getByTestId('assign-submit').click();
    await eventually(async () => (await analyst.get(`/api/cases/problems/${problemId}`)).body.status.code === 'assigned', { what: 'assigned' });

    // 3. The town officer signs off and reports the rectification.
    const town = await (await context(browser, DESKTOP, t.base)).newPage();
    await signIn(town, 'b.town', townPassword);
    await town.goto(`/console/problems/${problemId}`);
    await town.getByTestId('sign-off').click();
    await eventually(async () => (await analyst.get(`/api/cases/problems/${problemId}`)).body.status.code === 'rectifying', { what: 'signed off' });
    await town.reload();
    await town.getByTestId('rectification-summary').fill('暗管已封堵，河面油污已清理');
    await town.getByTestId('rectification-evidence').fill('封堵前后对比照片 3 张');
    await shot(town, '08-desktop-rectification');
    await town.getByTestId('rectification-submit').click();
    await eventually(async () => (await analyst.get(`/api/cases/problems/${problemId}`)).body.status.code === 'verifying', { what: 'rectified' });

    // 4. A verifier closes it out.
    const verifier = await (await context(browser, DESKTOP, t.base)).newPage();
    await signIn(verifier, 'b.verifier', verifierPassword);
    await verifier.goto(`/console/problems/${problemId}`);
    await verifier.getByTestId('verify-pass').click();
    await verifier.getByTestId('verify-opinion').fill('现场核查，整改到位，同意销号');
    await verifier.getByTestId('verify-submit').click();
    await eventually(async () => (await verifier.getByTestId('problem-status').textContent())?.includes('已销号'), { what: 'closed on the page' });
    await shot(verifier, '09-desktop-closed');
    await verifier.getByTestId('timeline').waitFor();

    // 5. The citizen sees it closed.
    await phone.goto(`/progress/${code}`);
    await eventually(async () => (await phone.getByTestId('progress-stage').textContent())?.includes('销号'), { what: 'closed for the citizen' });
    await shot(phone, '10-phone-progress-closed');
    expect(await phone.getByTestId('progress-history').textContent()).toContain('已交办');

    // The same pages at the other size: the public pages on a desktop, the problem page on a phone.
    const wide = await (await context(browser, DESKTOP, t.base)).newPage();
    await wide.goto(`/progress/${code}`);
    await wide.getByTestId('progress-stage').waitFor();
    await shot(wide, '11-desktop-progress-closed');
    await wide.goto('/');
    await wide.getByTestId('submit-report').waitFor();
    await shot(wide, '12-desktop-report');
    const narrow = await (await context(browser, PHONE, t.base)).newPage();
    await signIn(narrow, 'b.verifier', verifierPassword);
    await narrow.goto(`/console/problems/${problemId}`);
    await narrow.getByTestId('timeline').waitFor();
    await shot(narrow, '13-phone-console-problem');
  }, 180_000);
});
