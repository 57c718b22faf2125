/**
 * UI responsiveness during a big import: `npm run build && npm run bench -- bench/import/responsiveness.ts`.
 *
 * The built UI in Chromium (the e2e harness: real core worker, real database), a round trip
 * through `window.api` every 100 ms — first with nothing running (the same-run baseline), then
 * while the 242,892-row CSLB-shaped file imports. Goal: p95 ≤ 50 ms.
 */
import fs from 'node:fs';
import path from 'node:path';
import { closeBrowser, startHarness } from '../../tests/e2e/harness/harness';
import { writeCslbCsv } from './generate';
import { fmt, percentile, WORK } from '../lib/measure';

const ROWS = 242_892;

interface Samples {
  times: number[];
  done: boolean;
}

async function main() {
  fs.mkdirSync(WORK, { recursive: true });
  const csv = path.join(WORK, `cslb-${ROWS}.csv`);
  if (!fs.existsSync(csv)) await writeCslbCsv(csv, ROWS);
  const app = await startHarness();
  try {
    await app.dropFiles([csv]);
    await app.page.getByTestId('mapping-step').waitFor({ timeout: 60_000 });
    // Ten seconds of round trips with nothing running.
    const idle = (await app.page.evaluate(async () => {
      const times: number[] = [];
      for (let i = 0; i < 100; i++) {
        const t0 = performance.now();
        await window.api.app.ping();
        times.push(performance.now() - t0);
        await new Promise((r) => setTimeout(r, 100));
      }
      return { times, done: true };
    })) as Samples;
    const busy = (await app.page.evaluate(async (file) => {
      const times: number[] = [];
      const started = await window.api.imports.commit({ path: file });
      if (!started.ok) throw new Error(started.error.message);
      const id = started.value.id;
      for (;;) {
        const t0 = performance.now();
        await window.api.app.ping();
        times.push(performance.now() - t0);
        const jobs = await window.api.jobs.list({ limit: 5 });
        const job = jobs.ok ? jobs.value.find((j) => j.id === id) : undefined;
        if (job && job.status !== 'running' && job.status !== 'queued')
          return { times, done: job.status === 'done' };
        await new Promise((r) => setTimeout(r, 100));
      }
    }, csv)) as Samples;
    if (!busy.done) throw new Error('the import did not finish');
    const row = (label: string, s: Samples) =>
      `| ${label} | ${s.times.length} | ${fmt(percentile(s.times, 0.5), 1)} ms | ${fmt(percentile(s.times, 0.95), 1)} ms | ${fmt(Math.max(...s.times), 1)} ms |`;
    console.log('\n| window.api round trip | samples | p50 | p95 | max |');
    console.log('|---|---:|---:|---:|---:|');
    console.log(row('idle (baseline, same run)', idle));
    console.log(row(`during the ${ROWS.toLocaleString('en-US')}-row import`, busy));
    console.log('\nGoal: p95 ≤ 50 ms during the import.');
  } finally {
    await app.close();
    await closeBrowser();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
