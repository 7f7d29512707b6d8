import { existsSync } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const MISSING_CHROMIUM_WARNING = [
  '',
  '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!',
  '!!  WARNING: /usr/bin/chromium not found — the browser e2e suite is NOT   !!',
  '!!  running. Install it with `apt-get install -y chromium`.                !!',
  '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!',
  '',
].join('\n');

/** Like the Java gate: skipped loudly on a developer machine without Chromium, required in CI. */
export function chromiumRunnable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.CI === 'true')
    throw new Error(`CI=true requires Chromium at ${CHROMIUM} for the web e2e suite`);
  console.warn(MISSING_CHROMIUM_WARNING);
  return false;
}

/** Playwright gives each launch a fresh profile directory (its own --user-data-dir). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
}

export const DESKTOP = { width: 1280, height: 800 } as const;
export const PHONE = { width: 360, height: 740 } as const;

/** A person at their own browser: a fresh context (own storage), signed in through the picker. */
export async function personAt(browser: Browser, baseUrl: string, handle: string, viewport = DESKTOP) {
  const context = await browser.newContext({ baseURL: baseUrl, viewport });
  const page = await context.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto('/');
  await page.getByRole('button', { name: new RegExp(`@${handle}$`) }).click();
  await page.getByRole('heading', { name: 'Messages' }).waitFor();
  return { context, page, dialogs };
}

/** The texts of the open conversation, oldest first. */
export function messageTexts(page: Page): Promise<string[]> {
  return page.locator('.messages .message .text').allTextContents();
}
