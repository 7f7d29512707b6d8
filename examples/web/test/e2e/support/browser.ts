import type { Browser, Page } from 'playwright-core';

// The gate and the launch flags are shared with the host's CORS browser test.
export { chromiumRunnable, launchChromium } from '@cruddur/engines/chromium';

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
