import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const ARTIFACTS = join(__dirname, '..', '..', '..', '..', 'artifacts', 'screenshots');

/** Debian's Chromium, headless, without reaching for the internet (this network is closed). */
export function launch(): Promise<Browser> {
  mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export const PHONE = { viewport: { width: 360, height: 640 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' };
export const DESKTOP = { viewport: { width: 1366, height: 900 }, locale: 'zh-CN' };

export async function context(browser: Browser, size: typeof PHONE | typeof DESKTOP, base: string): Promise<BrowserContext> {
  return browser.newContext({ ...size, baseURL: base, timezoneId: 'Asia/Shanghai' });
}

/** A desktop page of the console, signed in as that account. */
export async function consoleSignIn(browser: Browser, base: string, username: string, password: string): Promise<Page> {
  const page = await (await context(browser, DESKTOP, base)).newPage();
  await page.goto('/console/login');
  await page.getByTestId('username').fill(username);
  await page.getByTestId('password').fill(password);
  await page.getByTestId('sign-in').click();
  await page.waitForURL((url) => !url.pathname.endsWith('/login'));
  return page;
}

/**
 * An Ant Design select: open it, type to filter, take the first match. The dropdown opens with an animation: wait for
 * it before typing, and try again if the choice did not take.
 */
export async function chooseOption(page: Page, testId: string, text: string): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const select = page.getByTestId(testId).last();
    await select.click();
    // the open dropdown, not one still fading out from the previous select
    const dropdown = page.locator('.ant-select-dropdown:visible:not(.ant-slide-up-leave)').last();
    await dropdown.waitFor();
    await page.keyboard.type(text);
    const clicked = await dropdown
      .locator('.ant-select-item-option')
      .filter({ hasText: text })
      .first()
      .click({ timeout: 5_000 })
      .then(
        () => true,
        () => false,
      );
    if (clicked && (await select.textContent())?.includes(text)) return;
    await page.keyboard.press('Escape');
  }
  throw new Error(`could not choose “${text}” in ${testId}`);
}

/** A screenshot per step, at the size the step is used at (CI keeps the artifacts folder; it is not committed). */
export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** A small but real JPEG (8×8 grey) with an EXIF block, as a phone would send. */
export function jpegPhoto(): Buffer {
  const segment = (marker: number, payload: Buffer) => {
    const header = Buffer.from([0xff, marker, 0, 0]);
    header.writeUInt16BE(payload.length + 2, 2);
    return Buffer.concat([header, payload]);
  };
  const tiff = Buffer.alloc(16);
  tiff.write('II', 0, 'latin1');
  tiff.writeUInt16LE(42, 2);
  tiff.writeUInt32LE(8, 4);
  const huffman = (id: number) => Buffer.concat([Buffer.from([id, 1]), Buffer.alloc(15), Buffer.from([0])]);
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    segment(0xe1, Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff])),
    segment(0xdb, Buffer.concat([Buffer.from([0]), Buffer.alloc(64, 1)])),
    segment(0xc0, Buffer.from([8, 0, 8, 0, 8, 1, 1, 0x11, 0])),
    segment(0xc4, huffman(0x00)),
    segment(0xc4, huffman(0x10)),
    segment(0xda, Buffer.from([1, 1, 0x00, 0, 63, 0])),
    Buffer.from([0x3f]),
    Buffer.from([0xff, 0xd9]),
  ]);
}
