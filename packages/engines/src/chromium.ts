import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

/** Debian's package; `.ci/run` installs it when it is missing. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

const MISSING_CHROMIUM_WARNING = [
  '',
  '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!',
  `!!  WARNING: ${CHROMIUM_PATH} not found — browser tests are NOT running.  !!`,
  '!!  Install it with `apt-get install -y chromium`.                        !!',
  '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!',
  '',
].join('\n');

/**
 * The one Chromium gate of every browser suite (CORS from another origin, the web client). Like
 * the Java gate: skipped with a loud warning on a developer machine, required when CI=true.
 */
export const chromiumRunnable = (): boolean => {
  if (existsSync(CHROMIUM_PATH)) return true;
  if (process.env.CI === 'true') throw new Error(`CI=true requires Chromium at ${CHROMIUM_PATH}`);
  console.warn(MISSING_CHROMIUM_WARNING);
  return false;
};

/** Headless, with everything that would phone home or cache between runs turned off. */
export const launchChromium = (): Promise<Browser> =>
  chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
