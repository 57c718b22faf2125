import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

/** Debian's chromium in CI; PD_CHROMIUM or an installed Chrome elsewhere. */
export function chromiumPath(): string {
  const found = [process.env.PD_CHROMIUM, ...CANDIDATES].find(
    (p): p is string => Boolean(p) && fs.existsSync(p!),
  );
  if (!found)
    throw new Error(
      'No Chromium found for the browser tests: install it (apt install chromium) or set PD_CHROMIUM.',
    );
  return found;
}

/** Quiet on the network (this machine has none, and the tests need none); no sandbox as root. */
export const CHROMIUM_TEST_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** Headless, with CHROMIUM_TEST_ARGS. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: [...CHROMIUM_TEST_ARGS] });
}
