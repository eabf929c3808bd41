import type { Browser, Page } from 'playwright-core';
import { eventually } from '@qingyuan/testing';
import { chooseOption, consoleSignIn, launch, shot } from './testing/browser';
import { Client } from './testing/http-client';
import { startTestPlatform, type PlatformUnderTest } from './testing/test-platform';

const DESCRIPTION = '行刑衔接浏览器测试：苏溪镇某电镀厂通过暗管排放含铬废水';
const TITLE = '某电镀厂暗管排放含铬废水案（浏览器测试）';
const SUSPECT = '义乌市浏览器电镀有限公司';
type Agency = { code: string; name: string; kind: 'police' | 'procuratorate' | 'court' };
const YW_POLICE: Agency = { code: 'yw-police', name: '义乌市公安局', kind: 'police' };
const JH_POLICE: Agency = { code: 'jh-police', name: '金华市公安局', kind: 'police' };
const YW_PROCURATORATE: Agency = { code: 'yw-procuratorate', name: '义乌市人民检察院', kind: 'procuratorate' };
const YW_COURT: Agency = { code: 'yw-court', name: '义乌市人民法院', kind: 'court' };
const API_KEY = /^[a-z0-9]{12}\.[A-Za-z0-9_-]{43}$/;

/**
 * 行刑衔接 as its users see it, in Debian's Chromium: an analyst marks a problem as a suspected crime (API) → the
 * transfer officer drafts the transfer from the lead, adds materials, records the threshold check (criteria with their
 * articles) and submits → the head approves → sending is refused with the missing material named, then succeeds once
 * it is added → the police liaison lands on a list with only this transfer, signs for it and refuses to file with
 * reasons → the officer asks to reconsider → the police file → the procuratorate approves the arrest, the police send
 * it for review, the procuratorate prosecutes → the court records the judgment; another police agency (added by the
 * administrator, whose liaison the administrator creates on the users page) sees nothing; the numbers count the
 * transfer as judged and the problem links to it. The administrator issues an agency API key (shown once) and revokes it.
 */
describe('a judicial transfer in the browser', () => {
  let t: PlatformUnderTest;
  let browser: Browser;

  beforeAll(async () => {
    t = await startTestPlatform('browser_judicial');
    browser = await launch();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  async function account(username: string, roles: string[], organisation?: Agency): Promise<{ userId: string; password: string }> {
    const created = await (await t.admin()).post('/api/admin/users', { username, displayName: `浏览器${username}`, roles, ...(organisation ? { organisation } : {}) });
    expect(created.status).toBe(201);
    return { userId: created.body.user.userId, password: created.body.password };
  }

  const choose = chooseOption;
  const signedIn = (username: string, password: string) => consoleSignIn(browser, t.base, username, password);

  const status = (page: Page, value: string) => page.locator(`[data-testid="transfer-status"][data-status="${value}"]`).first().waitFor({ timeout: 15_000 });

  /** Open an action's tab and wait for its form. */
  async function action(page: Page, key: string): Promise<void> {
    await page.getByTestId(`action-tab-${key}`).click();
    await page.getByTestId(`action-form-${key}`).waitFor();
  }

  /** A decision form: yes or no, a document number, reasons when asked. */
  async function decide(page: Page, key: string, yes: boolean, documentNumber?: string, reasons?: string): Promise<void> {
    await action(page, key);
    await page.getByTestId(`${key}-${String(yes)}`).click();
    if (documentNumber) await page.getByTestId(`${key}-documentNumber`).fill(documentNumber);
    if (reasons) await page.getByTestId(`${key}-reasons`).fill(reasons);
    await page.getByTestId(`action-submit-${key}`).click();
  }

  /** The material form stays open for the next one once opened. */
  async function addMaterial(page: Page, kind: string, title: string, reference: string): Promise<void> {
    if ((await page.getByTestId('material-form').count()) === 0) await page.getByTestId('material-add').click();
    await choose(page, 'material-kind', kind);
    await page.getByTestId('material-title').fill(title);
    await page.getByTestId('material-reference').fill(reference);
    await page.getByTestId('material-submit').click();
    await page.locator('[data-testid="material-row"]').filter({ hasText: title }).waitFor();
  }

  /** A reported problem, marked by the analyst as a suspected crime (the problem pages have their own browser test). */
  async function suspectedCrime(): Promise<{ problemId: string; analyst: { username: string; password: string } }> {
    const sent = await new Client(t.base).post('/api/intake/reports', { category: 'water', description: DESCRIPTION, anonymous: true, location: { lat: 29.36, lng: 120.16, address: '苏溪镇某工业区' } });
    expect(sent.status).toBe(201);
    const analystAccount = await account('j.analyst', ['analyst']);
    const analyst = await new Client(t.base).signIn('j.analyst', analystAccount.password);
    const clue = (await analyst.get('/api/intake/clues?limit=50')).body.find((c: { description: string }) => c.description === DESCRIPTION);
    await analyst.post(`/api/intake/clues/${clue.clueId}/accept`, {});
    const problemId: string = await eventually(async () => (await analyst.get(`/api/intake/clues/${clue.clueId}`)).body.problemId, { what: 'the problem' });
    const marked = await analyst.post(`/api/cases/problems/${problemId}/suspected-crime`, { basis: '现场查见暗管，采样六价铬超标', criteria: ['六价铬超标三倍以上'] });
    expect(marked.status).toBe(200);
    return { problemId, analyst: { username: 'j.analyst', password: analystAccount.password } };
  }

  it('runs from a suspected crime to the judgment, each agency seeing only what was sent to it', async () => {
    const { problemId, analyst } = await suspectedCrime();
    const officerAccount = await account('j.officer', ['judicial-officer']);
    const colleague = await account('j.colleague', ['judicial-officer']);
    const headAccount = await account('j.head', ['bureau-head']);
    const policeAccount = await account('j.police', ['police-liaison'], YW_POLICE);
    const procuratorateAccount = await account('j.procuratorate', ['procuratorate-liaison'], YW_PROCURATORATE);
    const courtAccount = await account('j.court', ['court-liaison'], YW_COURT);

    // 0. The administrator adds 金华市公安局, creates its liaison on the users page, issues a key and revokes it.
    const admin = await signedIn('admin', t.platform.gateway.adminPassword!);
    await admin.goto('/console/judicial/api-keys');
    await admin.locator('[data-testid="agency-row"][data-code="yw-police"]').waitFor();
    await choose(admin, 'agency-kind', '公安机关');
    await admin.getByTestId('agency-code').fill(JH_POLICE.code);
    await admin.getByTestId('agency-name').fill(JH_POLICE.name);
    await admin.getByTestId('agency-submit').click();
    await admin.locator(`[data-testid="agency-row"][data-code="${JH_POLICE.code}"]`).waitFor();
    await choose(admin, 'key-agency', YW_POLICE.name);
    await admin.getByTestId('key-label').fill('公安两法衔接平台');
    await admin.getByTestId('key-submit').click();
    const apiKey = (await admin.getByTestId('key-secret').textContent())!.trim();
    expect(apiKey).toMatch(API_KEY);
    const keyRow = admin.locator(`[data-testid="key-row"][data-key-id="${apiKey.split('.')[0]}"]`);
    await keyRow.waitFor();
    expect(await admin.content()).toContain(apiKey); // shown this once, in the notice
    await shot(admin, 'j00a-desktop-admin-agencies-keys');
    const platform = (path: string) => new Client(t.base).call('GET', path, undefined, { authorization: `ApiKey ${apiKey}` });
    expect((await platform('/api/judicial/transfers')).status).toBe(200);
    await keyRow.getByTestId('key-revoke').click();
    await admin.locator('.ant-popconfirm .ant-btn-dangerous').click();
    await admin.locator(`[data-testid="key-row"][data-key-id="${apiKey.split('.')[0]}"][data-revoked="true"]`).waitFor();
    expect(await admin.getByTestId('key-issued').count()).toBe(0);
    expect((await platform('/api/judicial/transfers')).status).toBe(401);
    await admin.goto('/console/admin');
    await admin.getByTestId('create-user').click();
    await admin.getByTestId('new-username').fill('j.police.jh');
    await admin.getByTestId('new-display-name').fill('金华公安联络员');
    await choose(admin, 'new-roles', '公安机关联络员');
    await admin.keyboard.press('Escape');
    await choose(admin, 'new-agency', JH_POLICE.name);
    await admin.getByTestId('new-display-name').click(); // closes the list
    await shot(admin, 'j00b-desktop-admin-liaison');
    await admin.getByTestId('save-user').click();
    const otherPoliceAccount = { password: (await admin.getByTestId('initial-password').textContent())!.trim() };
    const created = (await (await t.admin()).get('/api/admin/users')).body.find((u: { username: string }) => u.username === 'j.police.jh');
    expect(created).toMatchObject({ roles: ['police-liaison'], organisation: JH_POLICE });

    // 1. The officer drafts from the lead: its title and basis come along, the team is the officer and a colleague.
    const officer = await signedIn('j.officer', officerAccount.password);
    await officer.getByTestId('nav-judicial').waitFor();
    await officer.goto('/console/judicial/leads');
    const lead = officer.getByTestId('lead-row').filter({ hasText: '水污染问题涉嫌环境犯罪' });
    await eventually(async () => {
      if ((await lead.count()) === 0) await officer.reload();
      await lead.first().waitFor({ timeout: 2_000 });
      return true;
    }, { what: 'the lead on the page' });
    expect(await lead.textContent()).toContain('现场查见暗管，采样六价铬超标');
    await officer.locator('.ant-table .ant-spin-spinning').waitFor({ state: 'detached' });
    await shot(officer, 'j01-desktop-leads');
    await lead.getByTestId('lead-draft').click();
    await officer.getByTestId('draft-lead').waitFor();
    expect(await officer.getByTestId('draft-title').inputValue()).toContain('水污染问题涉嫌环境犯罪');
    expect(await officer.getByTestId('draft-summary').inputValue()).toContain('六价铬超标三倍以上');
    await officer.getByTestId('draft-title').fill(TITLE);
    await officer.getByTestId('draft-suspect').fill(SUSPECT);
    await officer.getByTestId('draft-colleagues').click();
    await officer.keyboard.type(colleague.userId);
    await officer.keyboard.press('Enter');
    await officer.keyboard.press('Escape');
    await shot(officer, 'j02-desktop-draft');
    await officer.getByTestId('draft-submit').click();
    await officer.waitForURL(/\/console\/judicial\/transfers\/[0-9a-f-]{36}$/);
    const transferId = officer.url().split('/').pop()!;
    await status(officer, 'drafted');
    expect(await officer.getByTestId('transfer-title').textContent()).toBe(TITLE);

    // 2. Three of the four required materials; the checklist names the one still missing.
    await addMaterial(officer, '涉嫌犯罪案件移送书', '涉嫌犯罪案件移送书', '义环移字〔2027〕1号');
    await addMaterial(officer, '涉嫌犯罪案件调查报告', '调查报告', '卷一 第 1–12 页');
    await addMaterial(officer, '涉案物品清单', '涉案物品清单', '卷一 第 13 页');
    expect(await officer.locator('[data-testid="material-check"][data-present="false"]').count()).toBe(1);
    expect(await officer.locator('[data-testid="material-check"][data-present="false"]').getAttribute('data-kind')).toBe('test-reports');
    expect(await officer.getByTestId('materials-missing').textContent()).toContain('检验报告、监测报告或认定意见');

    // 3. The threshold check: chromium 4.2 times the standard meets art. 1(3), tier 严重污染环境.
    await officer.getByTestId('threshold-open').click();
    await officer.getByTestId('metal-add').click();
    await choose(officer, 'metal-name', '铬');
    await officer.getByTestId('metal-row').filter({ hasText: '铬（Cr）' }).waitFor();
    await officer.getByTestId('metal-multiple').fill('4.2');
    await officer.getByTestId('fact-hazardousWasteTonnes').fill('1');
    await officer.getByTestId('fact-evasiveToxicDischarge').click();
    await shot(officer, 'j03-desktop-threshold-form');
    await officer.getByTestId('threshold-submit').click();
    await officer.locator('[data-testid="threshold-result"][data-suspected="true"]').waitFor();
    expect(await officer.getByTestId('threshold-tier').textContent()).toBe('严重污染环境');
    const criteria = officer.getByTestId('threshold-criterion');
    expect(await criteria.count()).toBeGreaterThanOrEqual(2);
    expect(await officer.locator('[data-testid="threshold-criterion"][data-code="art1-3"]').textContent()).toContain('第一条');
    expect(await officer.locator('[data-testid="threshold-criterion"][data-code="art1-5"]').count()).toBe(1);
    await shot(officer, 'j04-desktop-threshold-result');

    // 4. The report goes to the head, who has 3 days.
    await action(officer, 'submission');
    await officer.getByTestId('submission-report').fill('经集体讨论，认为该公司涉嫌污染环境罪，建议移送公安机关。');
    await officer.getByTestId('action-submit-submission').click();
    await status(officer, 'pending-approval');
    await officer.locator('[data-testid="time-limit"][data-step="approval"][data-open="true"]').waitFor();

    const head = await signedIn('j.head', headAccount.password);
    await head.goto('/console/judicial/transfers');
    await head.locator(`[data-testid="transfer-row"][data-transfer-id="${transferId}"]`).click();
    await status(head, 'pending-approval');
    await decide(head, 'approval', true);
    await status(head, 'approved');
    await shot(head, 'j05-desktop-head-approved');

    // 5. Sending is refused while the test reports are missing, and says so; then it goes.
    await officer.reload();
    await status(officer, 'approved');
    await action(officer, 'sending');
    await officer.getByTestId('action-submit-sending').click();
    await officer.getByTestId('send-refused').waitFor();
    expect(await officer.getByTestId('send-refused-missing').textContent()).toContain('检验报告、监测报告或认定意见');
    await shot(officer, 'j06-desktop-send-refused');
    await addMaterial(officer, '检验报告', '监测报告', '义环监字〔2027〕8号');
    await officer.getByTestId('materials-complete').waitFor();
    await officer.getByTestId('action-submit-sending').click();
    await status(officer, 'sent');

    // 6. The police liaison lands on a list holding only this transfer, signs for it and refuses to file, with reasons.
    const police = await signedIn('j.police', policeAccount.password);
    await police.waitForURL(/\/console\/judicial\/transfers$/);
    await police.getByTestId('transfer-row').first().waitFor();
    expect(await police.getByTestId('transfer-row').count()).toBe(1);
    expect(await police.getByTestId('transfer-row').getAttribute('data-transfer-id')).toBe(transferId);
    expect(await police.getByTestId('agency-scope').textContent()).toContain('义乌市公安局');
    await shot(police, 'j07-desktop-police-list');
    await police.getByTestId('transfer-row').click();
    await status(police, 'sent');
    await action(police, 'receipt');
    await police.getByTestId('receipt-receiptNumber').fill('义公环接〔2027〕15号');
    await police.getByTestId('action-submit-receipt').click();
    await status(police, 'received');
    await police.locator('[data-testid="time-limit"][data-step="filing"][data-open="true"]').waitFor();
    await decide(police, 'filing', false, '义公环不立字〔2027〕2号', '现有证据不足以证明系该单位排放');
    await status(police, 'not-filed');
    await shot(police, 'j08-desktop-police-not-filed');

    // 7. The officer asks the police to reconsider; on reconsideration they file.
    await officer.reload();
    await status(officer, 'not-filed');
    await action(officer, 'reconsideration-request');
    await officer.getByTestId('reconsideration-request-grounds').fill('监测报告与暗管走向足以证明系该单位排放');
    await officer.getByTestId('action-submit-reconsideration-request').click();
    await status(officer, 'reconsideration-requested');
    await police.reload();
    await decide(police, 'reconsideration', true, '义公环立字〔2027〕3号');
    await status(police, 'filed');

    // 8. The procuratorate (copied on sending) approves the arrest; the police send it for review; it prosecutes.
    const procuratorate = await signedIn('j.procuratorate', procuratorateAccount.password);
    await procuratorate.waitForURL(/\/console\/judicial\/transfers$/);
    await procuratorate.getByTestId('transfer-row').first().waitFor();
    expect(await procuratorate.getByTestId('transfer-row').count()).toBe(1);
    await procuratorate.getByTestId('transfer-row').click();
    await status(procuratorate, 'filed');
    await decide(procuratorate, 'arrest', true, '义检捕〔2027〕5号');
    await procuratorate.locator('[data-testid="history-event"][data-type="ArrestDecided"]').waitFor();
    await police.reload();
    await action(police, 'prosecution-review');
    await police.getByTestId('prosecution-review-documentNumber').fill('义公环诉字〔2027〕3号');
    await police.getByTestId('action-submit-prosecution-review').click();
    await status(police, 'prosecution-review');
    await procuratorate.reload();
    await decide(procuratorate, 'prosecution', true, '义检刑诉〔2027〕9号');
    await status(procuratorate, 'prosecuted');
    // a consultation of the three, recorded by the procuratorate on the transfer
    await procuratorate.getByTestId('consultation-new').click();
    await procuratorate.getByTestId('consultation-topic').fill('暗管排污案证据会商');
    const participants = [['义乌市生态环境分局', '王某'], ['义乌市公安局', '李某'], ['义乌市人民检察院', '陈某']];
    await procuratorate.getByTestId('participant-add').click();
    for (const [i, [agency, name]] of participants.entries()) {
      await procuratorate.getByTestId('participant-agency').nth(i).fill(agency);
      await procuratorate.getByTestId('participant-name').nth(i).fill(name);
    }
    await procuratorate.getByTestId('consultation-conclusions').fill('补充暗管走向勘验图后移送审查起诉。');
    await procuratorate.getByTestId('consultation-submit').click();
    await procuratorate.getByTestId('consultation').filter({ hasText: '暗管排污案证据会商' }).waitFor();
    await shot(procuratorate, 'j09-desktop-procuratorate-prosecuted');

    // 9. The court sees it once the prosecution names it, and records the judgment.
    const court = await signedIn('j.court', courtAccount.password);
    await court.waitForURL(/\/console\/judicial\/transfers$/);
    await court.getByTestId('transfer-row').first().waitFor();
    expect(await court.getByTestId('transfer-row').count()).toBe(1);
    await court.getByTestId('transfer-row').click();
    await status(court, 'prosecuted');
    await action(court, 'judgment');
    await court.getByTestId('judgment-true').click();
    await court.getByTestId('judgment-documentNumber').fill('(2027)浙0782刑初88号');
    await court.getByTestId('judgment-sentence').fill('有期徒刑一年六个月，并处罚金十万元');
    await court.getByTestId('action-submit-judgment').click();
    await status(court, 'judged');
    expect(await court.getByTestId('transfer-actions').count()).toBe(0);
    await court.locator('[data-testid="history-event"][data-type="JudgmentRecorded"] [data-testid="history-status"][data-status="judged"]').waitFor();
    const history = await court.getByTestId('history-event').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-type')));
    expect(history).toEqual(expect.arrayContaining(['TransferDrafted', 'ThresholdChecked', 'TransferSent', 'TransferReceived', 'FilingDecided', 'ReconsiderationDecided', 'ArrestDecided', 'ProsecutionDecided', 'JudgmentRecorded']));
    await shot(court, 'j10-desktop-court-judged');

    // 10. Another police agency's liaison sees nothing, not even by the transfer's address.
    const otherPolice = await signedIn('j.police.jh', otherPoliceAccount.password);
    await otherPolice.waitForURL(/\/console\/judicial\/transfers$/);
    await otherPolice.getByTestId('transfers-empty').waitFor();
    expect(await otherPolice.getByTestId('transfer-row').count()).toBe(0);
    await shot(otherPolice, 'j11-desktop-other-police-empty');
    await otherPolice.goto(`/console/judicial/transfers/${transferId}`);
    await otherPolice.locator('.ant-result-404').waitFor();
    expect(await otherPolice.getByTestId('transfer-title').count()).toBe(0);

    // 11. The rules read in words; the numbers count it as judged; the problem links to the transfer.
    await officer.goto('/console/judicial/rules');
    expect(await officer.getByTestId('rules-time-limits').textContent()).toContain('《工作办法》第九条');
    expect(await officer.getByTestId('rules-edit').count()).toBe(0); // only an administrator revises them
    await shot(officer, 'j12a-desktop-rules');
    await officer.goto('/console/judicial/numbers');
    await officer.locator('[data-testid="numbers-status-row"][data-status="judged"][data-count="1"]').waitFor();
    await shot(officer, 'j12-desktop-numbers');
    const analystPage = await signedIn(analyst.username, analyst.password);
    await eventually(async () => {
      await analystPage.goto(`/console/problems/${problemId}`);
      await analystPage.getByTestId('problem-status').waitFor();
      return (await analystPage.getByTestId('problem-transfer').textContent({ timeout: 1_000 }))?.includes('已判决');
    }, { what: 'the problem linking to the judged transfer', timeoutMs: 30_000 });
    await analystPage.getByTestId('problem-transfer').click();
    await analystPage.waitForURL(new RegExp(`/console/judicial/transfers/${transferId}$`));
    await status(analystPage, 'judged');
    await shot(analystPage, 'j13-desktop-transfer-from-problem');
    // the same page in English
    await analystPage.getByRole('button', { name: 'English' }).click();
    await analystPage.getByText('Criteria met').waitFor();
    expect(await analystPage.getByTestId('transfer-status').first().textContent()).toBe('Judged');
    expect(await analystPage.locator('[data-testid="history-event"][data-type="JudgmentRecorded"]').textContent()).toContain('Convicted');
    await shot(analystPage, 'j14-desktop-transfer-english');
  }, 240_000);
});
