/**
 * The records table in Chromium: `npm run build && npm run bench -- bench/score/tableScroll.ts`.
 *
 * The built UI (the e2e harness: real core worker, real database of 250,000 scored contacts).
 * Three ways through the table, each frame timed with requestAnimationFrame:
 *  - a steady scroll (about 2,400 px/s, reading speed for a skim),
 *  - a flick through all 250,000 rows in ten seconds (some 14,000 px a frame),
 *  - twenty jumps across the scrollbar, each waiting for its rows to arrive.
 * A frame counts as dropped when it took longer than 1.5 frame budgets (25 ms at 60 Hz).
 * Same-run baseline: the same frame loop on the same page with nothing scrolling.
 */
import { closeBrowser, startHarness } from '../../tests/e2e/harness/harness';
import { openDatabase } from '../../src/main/core/db/database';
import { rescore } from '../../src/main/core/scoring/rescore';
import { readSettings } from '../../src/main/core/settings/settingsStore';
import { buildLeadsDb } from './generate';
import { fmt, percentile } from '../lib/measure';

const CONTACTS = Number(process.argv[2] ?? 250_000);

interface Frames {
  intervals: number[];
  /** Frames in which some visible row was still a placeholder (its page not yet arrived). */
  placeholderFrames: number;
}

async function main() {
  const app = await startHarness({
    startPage: 'import',
    viewport: { width: 1400, height: 900 },
    seed: (dbPath) => {
      buildLeadsDb(dbPath, CONTACTS);
      const db = openDatabase(dbPath);
      rescore(db, readSettings(db, 'scoring'), 'bench');
      db.close();
    },
  });
  try {
    const { page } = app;
    await app.goto('records');
    await page
      .getByTestId('records-total')
      .filter({ hasText: `${CONTACTS.toLocaleString('en-US')} contacts` })
      .waitFor({ timeout: 60_000 });
    await page.locator('[data-testid="vrow"]').first().waitFor();

    const run = (mode: 'idle' | 'steady' | 'flick', frames: number) =>
      page.evaluate(
        ([mode, frames]) =>
          new Promise<Frames>((resolve) => {
            const scroller = document.querySelector<HTMLElement>('[data-testid="contacts-table-scroller"]')!;
            scroller.scrollTop = 0;
            const max = scroller.scrollHeight - scroller.clientHeight;
            const step = mode === 'steady' ? 40 : mode === 'flick' ? max / (frames - 2) : 0;
            const intervals: number[] = [];
            let placeholderFrames = 0;
            let last = performance.now();
            let n = 0;
            const tick = (now: number) => {
              intervals.push(now - last);
              last = now;
              if (document.querySelector('[data-testid="vrow-loading"]')) placeholderFrames++;
              if (++n >= frames) return resolve({ intervals: intervals.slice(1), placeholderFrames });
              scroller.scrollTop = Math.min(max, scroller.scrollTop + step);
              requestAnimationFrame(tick);
            };
            requestAnimationFrame(tick);
          }),
        [mode, frames] as const,
      );

    const idle = await run('idle', 300);
    const steady = await run('steady', 300);
    const flick = await run('flick', 600);
    // After the flick, the last rows arrive.
    const reachedEnd = await page
      .locator(`[data-testid="vrow"][data-index="${CONTACTS - 1}"]`)
      .waitFor({ timeout: 5000 })
      .then(
        () => 1,
        () => 0,
      );

    // Jumps: drag the scrollbar to a spot, time until every visible row is a real row.
    const jumps = (await page.evaluate(async () => {
      const scroller = document.querySelector<HTMLElement>('[data-testid="contacts-table-scroller"]')!;
      const max = scroller.scrollHeight - scroller.clientHeight;
      const waits: number[] = [];
      for (let i = 0; i < 20; i++) {
        const t0 = performance.now();
        scroller.scrollTop = Math.round((((i * 7919) % 20) / 19) * max);
        await new Promise((r) => requestAnimationFrame(r));
        while (document.querySelector('[data-testid="vrow-loading"]'))
          await new Promise((r) => requestAnimationFrame(r));
        waits.push(performance.now() - t0);
      }
      return waits;
    })) as number[];

    const row = (label: string, f: Frames) => {
      const dropped = f.intervals.filter((ms) => ms > 25).length;
      return `| ${label} | ${f.intervals.length} | ${fmt(percentile(f.intervals, 0.5), 1)} ms | ${fmt(percentile(f.intervals, 0.95), 1)} ms | ${dropped} (${fmt((100 * dropped) / f.intervals.length, 1)}%) | ${f.placeholderFrames} |`;
    };
    console.log(`\nThe records table over ${CONTACTS.toLocaleString('en-US')} contacts in Chromium\n`);
    console.log(
      '| scrolling | frames | p50 frame | p95 frame | dropped (> 25 ms) | frames with placeholder rows |',
    );
    console.log('|---|---:|---:|---:|---:|---:|');
    console.log(row('baseline: nothing scrolls', idle));
    console.log(row('steady, 40 px a frame', steady));
    console.log(row(`flick through all ${CONTACTS.toLocaleString('en-US')} rows`, flick));
    console.log(
      `\njumps across the scrollbar (20): rows on screen after p50 ${fmt(percentile(jumps, 0.5), 0)} ms, p95 ${fmt(percentile(jumps, 0.95), 0)} ms, max ${fmt(Math.max(...jumps), 0)} ms`,
    );
    console.log(`last row reached and shown: ${reachedEnd === 1 ? 'yes' : 'no'}`);
    if (app.pageErrors.length) console.log('page errors:', app.pageErrors);
  } finally {
    await app.close();
    await closeBrowser();
  }
}

void main();
