import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumRunnable, launchChromium, messageTexts, PHONE, personAt } from './support/browser.js';
import { apiMessages, apiSend, type RestartableHost, restartableHost, tokenFor } from './support/host.js';
import { type CuttableLine, cuttableLine } from './support/proxy.js';

const LIVE_MS = 15_000; // a loaded 2-core box; reconnects back off up to 8 s
// Every run takes the screenshots; only UPDATE_SCREENSHOTS=1 writes them over the README's copies,
// so a plain `npm test` leaves the work tree clean.
const shots = fileURLToPath(
  new URL(
    process.env.UPDATE_SCREENSHOTS === '1' ? '../../screenshots/' : '../../.tmp/screenshots/',
    import.meta.url,
  ),
);

async function groupWith(baseUrl: string, token: string, handle: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/message_groups?limit=50`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const groups = (await response.json()) as { uuid: string; handle: string }[];
  const found = groups.find((group) => group.handle === handle);
  if (!found) throw new Error(`no conversation with ${handle}`);
  return found.uuid;
}

const lastText = (page: Page) => page.locator('.messages .message .text').last();
/** The live feed has its event stream open (`src/live/live.ts` marks the page). */
const streaming = (page: Page) => page.waitForSelector('html[data-live="stream"]', { timeout: LIVE_MS });
/** The number on a conversation's unread badge; 0 when it has none. */
async function unreadOf(row: Locator): Promise<number> {
  const badge = row.locator('.badge');
  return (await badge.count()) === 0 ? 0 : Number.parseInt((await badge.textContent()) ?? '', 10);
}
/** Every time the page fetches this conversation's messages from now on (what polling would do). */
function messageFetches(page: Page, group: string): string[] {
  const seen: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'GET' && new URL(request.url()).pathname === `/api/messages/${group}`) {
      seen.push(request.url());
    }
  });
  return seen;
}

describe.runIf(chromiumRunnable())('the browser client, in Chromium, against `npm start`', () => {
  let host: RestartableHost;
  let line: CuttableLine;
  let browser: Browser;
  let miraToken: string;
  let tomasToken: string;
  let ridgeWalk: string;

  beforeAll(async () => {
    host = await restartableHost();
    line = await cuttableLine(host.url);
    browser = await launchChromium();
    miraToken = await tokenFor(host.url, 'mira');
    tomasToken = await tokenFor(host.url, 'tomas');
    ridgeWalk = await groupWith(host.url, miraToken, 'tomas');
    mkdirSync(shots, { recursive: true });
    console.log(`npm start: banner after ${Math.round(host.startMs)} ms`);
  });
  afterAll(async () => {
    await browser?.close();
    await line?.close();
    await host?.dispose();
  });

  it('paints the inbox, newest activity first, with names, handles, initials and times', async () => {
    const context = await browser.newContext({ baseURL: line.url });
    const page = await context.newPage();
    await page.goto('/');
    await page.getByRole('button', { name: /@mira$/ }).click();
    const began = Date.now();
    const rows = page.locator('.groups .group');
    await rows.first().waitFor();
    console.log(`first inbox paint after sign-in: ${Date.now() - began} ms`);
    const times = await page
      .locator('.groups time')
      .evaluateAll((els) => els.map((e) => e.getAttribute('datetime')));
    expect(times.length).toBeGreaterThan(1);
    expect([...times].sort().reverse()).toEqual(times);
    await expect.poll(() => rows.first().locator('.avatar').textContent()).toMatch(/^[A-ZÀ-Ý]{1,2}$/);
    expect(await rows.first().locator('.when').textContent()).toMatch(
      /^(now|\d+m|\d+h|[A-Z][a-z]{2} \d+.*)$/,
    );
    await context.close();
  });

  it('two members exchange messages and each sees the other live, without a reload', async () => {
    const mira = await personAt(browser, line.url, 'mira');
    const tomas = await personAt(browser, line.url, 'tomas');
    for (const { page } of [mira, tomas]) {
      await page.goto(`/messages/${ridgeWalk}`);
      await lastText(page).waitFor();
      await streaming(page);
    }
    // The streams are open and their catch-up fetch is done: from here on no fetch may bring the
    // other person's message, so it can only come down the event stream.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const fetched = [messageFetches(mira.page, ridgeWalk), messageFetches(tomas.page, ridgeWalk)];
    const hello = `Hello from Mira ${Date.now()}`;
    await mira.page.getByRole('textbox', { name: 'Message' }).fill(hello);
    await mira.page.keyboard.press('Enter');
    await expect.poll(() => messageTexts(tomas.page), { timeout: LIVE_MS }).toContain(hello);
    const reply = `Hi Mira, Tomás here ${Date.now()}`;
    await tomas.page.getByRole('textbox', { name: 'Message' }).fill(reply);
    await tomas.page.getByRole('button', { name: 'Send' }).click();
    await expect.poll(() => messageTexts(mira.page), { timeout: LIVE_MS }).toContain(reply);
    // Sent once each: the optimistic copy was replaced by the stored one, not added to it.
    expect((await messageTexts(mira.page)).filter((t) => t === hello)).toHaveLength(1);
    expect(fetched).toEqual([[], []]);
    await mira.context.close();
    await tomas.context.close();
  });

  it('moves a conversation to the top of the inbox when a message arrives, and counts it unread', async () => {
    const ines = await personAt(browser, line.url, 'ines');
    await ines.page.locator('.groups .group').first().waitFor();
    const kofiRow = ines.page.locator('.groups .group', { hasText: '@kofi' });
    const before = await unreadOf(kofiRow);
    const text = `Kofi to Inês ${Date.now()}`;
    await apiSend(host.url, await tokenFor(host.url, 'kofi'), { handle: 'ines' }, text);
    const top = ines.page.locator('.groups .group').first();
    await expect.poll(() => top.locator('.last').textContent(), { timeout: LIVE_MS }).toBe(text);
    expect(await top.textContent()).toContain('@kofi');
    await expect.poll(() => unreadOf(top), { timeout: LIVE_MS }).toBe(before + 1);
    // Opened, it is read: back in the inbox the badge is gone.
    await top.click();
    await expect.poll(() => lastText(ines.page).textContent(), { timeout: LIVE_MS }).toBe(text);
    await ines.page.getByRole('link', { name: 'Back to messages' }).click();
    await expect.poll(() => top.locator('.last').textContent(), { timeout: LIVE_MS }).toBe(text);
    await expect.poll(() => unreadOf(top), { timeout: LIVE_MS }).toBe(0);
    await ines.context.close();
  });

  it('counts code points (an emoji is one) and blocks blank and over-limit text', async () => {
    const mira = await personAt(browser, line.url, 'mira');
    await mira.page.goto(`/messages/${ridgeWalk}`);
    const box = mira.page.getByRole('textbox', { name: 'Message' });
    const send = mira.page.getByRole('button', { name: 'Send' });
    await box.fill('   ');
    expect(await send.isDisabled()).toBe(true);
    await box.fill('😀'.repeat(1025));
    expect(await mira.page.locator('.counter').textContent()).toContain('1025/1024');
    expect(await send.isDisabled()).toBe(true);
    await box.press('Enter');
    expect(await box.inputValue()).toHaveLength('😀'.length * 1025);
    await box.fill('😀'.repeat(1024));
    expect(await mira.page.locator('.counter').textContent()).toBe('1024/1024');
    expect(await send.isEnabled()).toBe(true);
    await mira.context.close();
  });

  it('reaches the first of 120 messages by scrolling up, keeping the reader in place', async () => {
    const kofi = await tokenFor(host.url, 'kofi');
    const group = await apiSend(host.url, kofi, { handle: 'tomas' }, 'message 001');
    for (let n = 2; n <= 120; n++) {
      await apiSend(
        host.url,
        n % 2 ? kofi : tomasToken,
        { message_group_uuid: group },
        `message ${String(n).padStart(3, '0')}`,
      );
    }
    const tomas = await personAt(browser, line.url, 'tomas');
    await tomas.page.goto(`/messages/${group}`);
    await expect.poll(() => lastText(tomas.page).textContent()).toBe('message 120');
    const list = tomas.page.locator('.messages');
    const first = tomas.page.locator('.messages .message .text', { hasText: /^message 001$/ });
    for (let tries = 0; tries < 20 && (await first.count()) === 0; tries++) {
      const topBefore = await tomas.page.locator('.messages .message .text').first().textContent();
      await list.evaluate((el) => {
        el.scrollTop = 0;
      });
      await expect
        .poll(async () => (await messageTexts(tomas.page))[0], { timeout: 10_000 })
        .not.toBe(topBefore);
      // The message that was on top is still on screen: the older page went above it.
      const scrollTop = await list.evaluate((el) => el.scrollTop);
      if ((await first.count()) === 0) expect(scrollTop).toBeGreaterThan(0);
    }
    expect(await first.count()).toBe(1);
    expect(await messageTexts(tomas.page)).toHaveLength(120);
    await tomas.context.close();
  });

  it('tells a third person the conversation is not found', async () => {
    const ines = await personAt(browser, line.url, 'ines');
    await ines.page.goto(`/messages/${ridgeWalk}`);
    await ines.page.getByRole('heading', { name: 'Conversation not found' }).waitFor();
    expect(await ines.page.locator('.messages').count()).toBe(0);
    await ines.context.close();
  });

  it('shows HTML from another person as text', async () => {
    const tomas = await personAt(browser, line.url, 'tomas');
    await tomas.page.goto(`/messages/${ridgeWalk}`);
    await lastText(tomas.page).waitFor();
    const attack = '<img src=x onerror=alert(1)>';
    await apiSend(host.url, miraToken, { message_group_uuid: ridgeWalk }, attack);
    await expect.poll(() => lastText(tomas.page).textContent(), { timeout: LIVE_MS }).toBe(attack);
    expect(await tomas.page.locator('.messages img').count()).toBe(0);
    expect(tomas.dialogs).toEqual([]);
    await tomas.context.close();
  });

  it('new message: a clear "no such user", an existing conversation opens, a first send lands', async () => {
    const ines = await personAt(browser, line.url, 'ines');
    await ines.page.goto('/messages/new/nobody_here');
    await ines.page.getByRole('heading', { name: 'No such user' }).waitFor();
    await ines.page.goto('/messages/new/kofi');
    await ines.page.waitForURL(/\/messages\/[0-9a-f-]{36}$/);
    await expect.poll(() => ines.page.locator('h1').textContent()).toBe('Kofi Mensah');

    const mira = await personAt(browser, line.url, 'mira');
    await mira.page.goto('/messages/new/kofi');
    await mira.page.getByRole('heading', { name: 'New message to Kofi Mensah' }).waitFor();
    await mira.page.getByRole('textbox', { name: 'Message to @kofi' }).fill('First words, Kofi');
    await mira.page.keyboard.press('Enter');
    await mira.page.waitForURL(/\/messages\/[0-9a-f-]{36}$/);
    await expect.poll(() => messageTexts(mira.page)).toEqual(['First words, Kofi']);
    await ines.context.close();
    await mira.context.close();
  });

  it('catches up after the network is cut and restored', async () => {
    const mira = await personAt(browser, line.url, 'mira');
    await mira.page.goto(`/messages/${ridgeWalk}`);
    await lastText(mira.page).waitFor();
    await line.cut();
    const meanwhile = `Sent while you were offline ${Date.now()}`;
    await apiSend(host.url, tomasToken, { message_group_uuid: ridgeWalk }, meanwhile);
    await mira.page
      .getByRole('alert')
      .filter({ hasText: 'Cannot reach the server' })
      .waitFor({ timeout: LIVE_MS });
    await line.restore();
    await expect.poll(() => lastText(mira.page).textContent(), { timeout: LIVE_MS }).toBe(meanwhile);
    await mira.context.close();
  });

  it('a send whose answer was lost, retried with its key, is stored once', async () => {
    const mira = await personAt(browser, line.url, 'mira');
    await mira.page.goto(`/messages/${ridgeWalk}`);
    await lastText(mira.page).waitFor();
    const keys: string[] = [];
    mira.page.on('request', (request) => {
      if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/messages') {
        keys.push(request.headers()['idempotency-key'] ?? 'none');
      }
    });
    const text = `Only once ${Date.now()}`;
    const stored = async () => (await apiMessages(host.url, miraToken, ridgeWalk)).filter((t) => t === text);
    line.loseAnswersTo(/^POST \/api\/messages /);
    await mira.page.getByRole('textbox', { name: 'Message' }).fill(text);
    await mira.page.keyboard.press('Enter');
    await mira.page.locator('.pending[data-state="failed"]').waitFor({ timeout: LIVE_MS });
    // The host did store it; only its answer was lost, so a retry without the key would be a copy.
    expect(await stored()).toHaveLength(1);
    line.loseAnswersTo(null);
    await mira.page.getByRole('button', { name: 'Retry' }).click();
    await expect.poll(() => mira.page.locator('.pending').count(), { timeout: LIVE_MS }).toBe(0);
    expect((await messageTexts(mira.page)).filter((t) => t === text)).toHaveLength(1);
    expect(await stored()).toHaveLength(1);
    expect(keys.length).toBeGreaterThanOrEqual(2);
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).not.toBe('none');
    await mira.context.close();
  });

  it('catches up after the host is stopped and restarted on the same data directory', async () => {
    const mira = await personAt(browser, line.url, 'mira');
    await mira.page.goto(`/messages/${ridgeWalk}`);
    const before = `Before the restart ${Date.now()}`;
    await apiSend(host.url, tomasToken, { message_group_uuid: ridgeWalk }, before);
    await expect.poll(() => lastText(mira.page).textContent(), { timeout: LIVE_MS }).toBe(before);
    await mira.page.evaluate(() => {
      (window as { sameDocument?: boolean }).sameDocument = true;
    });
    await host.stop();
    await mira.page
      .getByRole('alert')
      .filter({ hasText: 'Cannot reach the server' })
      .waitFor({ timeout: LIVE_MS });
    await host.restart();
    // Persisted: what was stored before the stop is still there for an outsider.
    expect(await apiMessages(host.url, tomasToken, ridgeWalk)).toContain(before);
    const after = `Sent after the restart ${Date.now()}`;
    await apiSend(host.url, tomasToken, { message_group_uuid: ridgeWalk }, after);
    await expect.poll(() => lastText(mira.page).textContent(), { timeout: 2 * LIVE_MS }).toBe(after);
    await streaming(mira.page);
    expect(await mira.page.locator('.live-note').count()).toBe(0);
    // Not reloaded: the same document, the same session, no trip through the sign-in page.
    expect(await mira.page.evaluate(() => (window as { sameDocument?: boolean }).sameDocument)).toBe(true);
    await mira.context.close();
  }, 300_000);

  it('renews a token about to expire, and asks to sign in again after a 401', async () => {
    const mira = await personAt(browser, line.url, 'mira');
    const renewals: string[] = [];
    mira.page.on('request', (request) => {
      if (request.url().endsWith('/dev/token')) renewals.push(request.url());
    });
    // Thirty seconds left: the next call renews first instead of failing later.
    await mira.page.evaluate(() => {
      const saved = JSON.parse(sessionStorage.getItem('cruddur.session') ?? '{}');
      sessionStorage.setItem('cruddur.session', JSON.stringify({ ...saved, expiresAt: Date.now() + 30_000 }));
    });
    await mira.page.reload();
    await mira.page.locator('.groups .group').first().waitFor();
    expect(renewals).toHaveLength(1);
    // A token the host refuses: the person is sent back to the picker, not shown a broken page.
    await mira.page.evaluate(() => {
      const saved = JSON.parse(sessionStorage.getItem('cruddur.session') ?? '{}');
      sessionStorage.setItem('cruddur.session', JSON.stringify({ ...saved, token: 'not.a.token' }));
    });
    await mira.page.reload();
    await mira.page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await mira.context.close();
  });

  it('takes screenshots of the three pages, desktop and 360 px', async () => {
    for (const [size, viewport] of [
      ['desktop', undefined],
      ['360px', PHONE],
    ] as const) {
      const context = await browser.newContext({ baseURL: line.url, ...(viewport ? { viewport } : {}) });
      const page = await context.newPage();
      await page.goto('/');
      await page.getByRole('button', { name: /@mira$/ }).waitFor();
      await page.screenshot({ path: `${shots}sign-in-${size}.png` });
      await page.getByRole('button', { name: /@mira$/ }).click();
      await page.locator('.groups .group').first().waitFor();
      await page.screenshot({ path: `${shots}inbox-${size}.png` });
      await page.goto(`/messages/${ridgeWalk}`);
      await lastText(page).waitFor();
      await page.screenshot({ path: `${shots}conversation-${size}.png` });
      // Nothing wider than the screen: no sideways scrolling at 360 px.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        viewport?.width ?? 1280,
      );
      await context.close();
    }
  });
});
