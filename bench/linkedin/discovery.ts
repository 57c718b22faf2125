/**
 * Discovery through the app against the fixture pages: `npm run bench -- bench/linkedin/discovery.ts [N]`.
 *
 * N companies (default 20) in a fresh database; a discovery run reads 2 result pages per company
 * in headless Chromium (Debian's) through the app's own session manager, quota ledger and dedupe.
 *  - pacing off: the app's own cost per company (browser, parsing, ledger, SQLite, events);
 *  - default pacing (2–5 s pauses, 4–9 s dwell per results page) with a clock that only counts
 *    the waits: the seller's wall time a company really costs, and what a 50-company run takes;
 *  - the browser's memory (resident set of every Chromium process of the session) after the run.
 * Baseline, same run: the bare engine (LinkedInSession with an in-memory gate, no database) reading
 * the same pages for the same companies — what the integration adds on top of driving the browser.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import fs from 'node:fs';
import os from 'node:os';
import { openDatabase } from '../../src/main/core/db/database';
import { openCore } from '../../src/main/core/runtime';
import { writeSettings } from '../../src/main/core/settings/settingsStore';
import { companyNameKey } from '../../src/main/core/normalize/companyName';
import { LinkedInSession } from '../../src/main/core/linkedin/session';
import { openLinkedInBrowser } from '../../src/main/core/linkedin/launch';
import { InMemoryActionGate } from '../../src/main/core/safety/memoryActionGate';
import type { Clock } from '../../src/main/core/clock';
import type { Sleep } from '../../src/main/core/safety/pacing';
import { startFixtureSite } from '../../tests/unit/linkedin/support/fixtureSite';
import { chromiumPath, CHROMIUM_TEST_ARGS } from '../../tests/e2e/harness/browser';
import { fmt } from '../lib/measure';

const N = Number(process.argv[2] ?? 20);
const ROOT = process.env.PD_ROOT ?? process.cwd();
const JOB_WORKER = path.join(ROOT, 'out/main/jobWorker.js');
const TUESDAY_10AM_AUSTIN = Date.parse('2025-03-04T16:00:00Z');

/** A clock that stands still unless a pacing wait moves it; it adds up what the waits would cost. */
function countingTime(): { clock: Clock; sleep: Sleep; waited(): number } {
  let now = TUESDAY_10AM_AUSTIN;
  let waited = 0;
  return {
    clock: { now: () => new Date(now) },
    sleep: async (ms, signal) => {
      signal?.throwIfAborted();
      now += ms;
      waited += ms;
      await new Promise((resolve) => setImmediate(resolve));
    },
    waited: () => waited,
  };
}

/**
 * Proportional memory (PSS, so pages the processes share are counted once) of every process whose
 * command line names `marker` (the browser profile folder), and how many there are.
 */
function browserMemory(marker: string): { mb: number; processes: number } {
  const out = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8', maxBuffer: 1 << 24 });
  let kb = 0;
  let processes = 0;
  for (const line of out.split('\n')) {
    const match = /^\s*(\d+)\s+(.*)$/.exec(line);
    if (!match || !match[2]!.includes(marker)) continue;
    try {
      const rollup = fs.readFileSync(`/proc/${match[1]}/smaps_rollup`, 'utf8');
      kb += Number(/^Pss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0);
      processes++;
    } catch {
      // The process ended between ps and the read.
    }
  }
  return { mb: kb / 1024, processes };
}

function seed(file: string, siteUrl: string, clock: Clock): void {
  const db = openDatabase(file);
  writeSettings(
    db,
    'outreach',
    { timeZone: 'America/Chicago', limits: { search_day: 10_000, search_week: 10_000 } },
    clock,
  );
  writeSettings(db, 'linkedin', { baseUrl: siteUrl, browserPath: chromiumPath(), pagesPerCompany: 2 }, clock);
  const add = db.prepare(
    `INSERT INTO companies (name, name_key, icp_score, created_at, updated_at) VALUES (?, ?, ?, '2025-01-01', '2025-01-01')`,
  );
  for (let i = 0; i < N; i++) add.run(`Bench Roofing ${i}`, companyNameKey(`Bench Roofing ${i}`), 100 - i);
  db.close();
}

async function throughApp(siteUrl: string, pacing: 'off' | 'default') {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pd-bench-linkedin-'));
  const file = path.join(dir, 'bench.db');
  const time = countingTime();
  seed(file, siteUrl, time.clock);
  const zero = [0, 0] as const;
  const core = await openCore(
    { dbPath: file, dataDir: dir, jobWorkerPath: JOB_WORKER },
    () => undefined,
    time.clock,
    { read: async () => null },
    {
      headless: true,
      browserArgs: [...CHROMIUM_TEST_ARGS],
      pacing:
        pacing === 'off'
          ? {
              pauseMs: zero,
              hesitateMs: zero,
              dwellMs: {
                search_results: zero,
                company_people: zero,
                profile: zero,
                list: zero,
                composer: zero,
              },
              sleep: time.sleep,
            }
          : { sleep: time.sleep },
    },
  );
  try {
    await core.ctx.linkedin.sessions.start();
    const started = performance.now();
    const run = core.ctx.linkedin.runner.start({ kind: 'top', limit: N });
    for (;;) {
      const now = core.ctx.linkedin.runner.run(run.id);
      if (now.status !== 'running') break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const seconds = (performance.now() - started) / 1000;
    const done = core.ctx.linkedin.runner.run(run.id);
    if (done.status !== 'done' || done.done !== N)
      throw new Error(`Run ended ${done.status} at ${done.done}/${N}: ${done.message}`);
    const memory = browserMemory(path.join(dir, 'linkedin-browser'));
    return { seconds, waitedSeconds: time.waited() / 1000, memory, added: done.added };
  } finally {
    await core.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function bareEngine(siteUrl: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pd-bench-linkedin-bare-'));
  const time = countingTime();
  const context = await openLinkedInBrowser({
    executablePath: chromiumPath(),
    profileDir: dir,
    headless: true,
    args: [...CHROMIUM_TEST_ARGS],
  });
  try {
    const zero = [0, 0] as const;
    const session = new LinkedInSession({
      context,
      gate: new InMemoryActionGate({ clock: time.clock, timeZone: 'America/Chicago', caps: {} }),
      baseUrl: siteUrl,
      workingHours: null,
      clock: time.clock,
      pacing: {
        pauseMs: zero,
        hesitateMs: zero,
        dwellMs: { search_results: zero, company_people: zero, profile: zero, list: zero, composer: zero },
        sleep: time.sleep,
      },
    });
    const started = performance.now();
    for (let i = 0; i < N; i++)
      await session.findPeopleAtCompany({ name: `Bench Roofing ${i}` }, { maxPages: 2 });
    return { seconds: (performance.now() - started) / 1000 };
  } finally {
    await context.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const site = await startFixtureSite();
try {
  // The bare engine runs first and last, so a cold first browser start favours neither side.
  const bareFirst = await bareEngine(site.url);
  const off = await throughApp(site.url, 'off');
  const paced = await throughApp(site.url, 'default');
  const bareLast = await bareEngine(site.url);
  const bare = { seconds: Math.min(bareFirst.seconds, bareLast.seconds) };
  const per = (s: number) => fmt((s * 1000) / N, 0);
  console.log(
    `Discovery of ${N} companies, 2 result pages each, headless Chromium against the fixture pages`,
  );
  console.log(
    `  baseline: bare engine, no database      ${fmt(bare.seconds)} s (best of first and last)  (${per(bare.seconds)} ms a company)`,
  );
  console.log(
    `  through the app, pacing off             ${fmt(off.seconds)} s  (${per(off.seconds)} ms a company; ${off.added} contacts added)`,
  );
  console.log(`  through the app, default pacing (waits counted, not slept):`);
  console.log(`    machine time                          ${fmt(paced.seconds)} s`);
  console.log(
    `    pauses and dwell a seller would wait  ${fmt(paced.waitedSeconds, 0)} s  (${fmt(paced.waitedSeconds / N, 1)} s a company)`,
  );
  console.log(
    `    so a 50-company run takes about       ${fmt((((paced.waitedSeconds + paced.seconds) / N) * 50) / 60, 1)} min`,
  );
  console.log(
    `  browser memory after the run (PSS of its ${off.memory.processes} Chromium processes): ${fmt(off.memory.mb, 0)} MB (pacing off), ${fmt(paced.memory.mb, 0)} MB (paced)`,
  );
} finally {
  await site.close();
}
