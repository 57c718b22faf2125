// Renders resources/icon.svg to resources/icon.png (1024 × 1024, transparent corners) with
// Chromium, the size electron-builder makes every platform's icon from (icns, ico, Linux PNGs).
// Run after editing the SVG: node scripts/render-icon.mjs
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

const root = path.resolve(import.meta.dirname, '..');
const svg = fs.readFileSync(path.join(root, 'resources/icon.svg'), 'utf8');
const candidates = [
  process.env.PD_CHROMIUM,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];
const executablePath = candidates.find((p) => p && fs.existsSync(p));
if (!executablePath) throw new Error('No Chromium found: install it or set PD_CHROMIUM.');

const browser = await chromium.launch({
  executablePath,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1024, height: 1024 }, deviceScaleFactor: 1 });
  await page.setContent(
    `<!doctype html><html><body style="margin:0;background:transparent">${svg}</body></html>`,
  );
  await page.locator('svg').screenshot({ path: path.join(root, 'resources/icon.png'), omitBackground: true });
  // The window's favicon in the renderer is the same drawing.
  fs.copyFileSync(path.join(root, 'resources/icon.svg'), path.join(root, 'src/renderer/public/icon.svg'));
} finally {
  await browser.close();
}
console.log('resources/icon.png written (1024 × 1024)');
