/**
 * How long erasing one person holds up the core worker, the thread that answers the window. It
 * used to erase there, so every call waited for the whole search through the raw rows; now the
 * erasure is a job on its own thread and connection, and the core keeps answering while it runs.
 * Both are measured on the same generated database (see generate.ts): the old synchronous call as
 * it ran on the core's thread, then core round trips made for as long as the job runs.
 *
 * npm run build && npm run bench -- bench/trust/eraseJob.ts [contacts]
 */
import fs from 'node:fs';
import path from 'node:path';
import type { JobSnapshot } from '@shared/domain/jobs';
import { calls } from '@shared/contract';
import { openDatabase } from '../../src/main/core/db/database';
import { erasePerson } from '../../src/main/core/privacy/erase';
import { openCore } from '../../src/main/core/runtime';
import { systemClock } from '../../src/main/core/clock';
import { WORK, fmt, percentile } from '../lib/measure';
import { generateTrustDb } from './generate';

const CONTACTS = Number(process.argv[2] ?? 50_000);
const ROOT = process.env.PD_ROOT ?? process.cwd();
const JOB_WORKER = path.join(ROOT, 'out/main/jobWorker.js');

const ms = (seconds: number) => `${fmt(seconds * 1000, 1)} ms`;

async function main(): Promise<void> {
  if (!fs.existsSync(JOB_WORKER)) throw new Error(`${JOB_WORKER} is missing: run npm run build first.`);
  const dir = path.join(WORK, 'erasejob');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'prospect-desk.db');
  const db = openDatabase(file);
  generateTrustDb(db, CONTACTS);
  db.pragma('wal_checkpoint(TRUNCATE)');
  const rawRows = db.prepare('SELECT count(*) FROM source_rows').pluck().get() as number;
  // Two people with an address (their address is searched for in every raw row), and one to ask about.
  const [before, after, asked] = db
    .prepare('SELECT id FROM contacts WHERE email IS NOT NULL ORDER BY id LIMIT 3 OFFSET 100')
    .pluck()
    .all() as number[];
  console.log(`${CONTACTS.toLocaleString()} contacts, ${rawRows.toLocaleString()} raw rows\n`);

  // Before: the handler erased on the core's thread, so the next call waited this long.
  const started = performance.now();
  erasePerson(db, before!, systemClock);
  const blocked = (performance.now() - started) / 1000;
  db.close();

  // Now: the call starts the job; the window's calls are answered while it searches.
  // When each job first reported progress: its thread is up and its transaction begun.
  const firstProgress = new Map<number, number>();
  const core = await openCore({ dbPath: file, dataDir: dir, jobWorkerPath: JOB_WORKER }, (event, payload) => {
    if (event !== 'job') return;
    const { type, job } = payload as { type: string; job: JobSnapshot };
    if (type === 'progress' && !firstProgress.has(job.id)) firstProgress.set(job.id, performance.now());
  });
  const ask = calls['privacy.person'].input.parse({ id: asked });
  const roundTrip = async () => {
    const t = performance.now();
    const answer = await core.dispatch('privacy.person', ask);
    if (!answer.ok) throw new Error(answer.error.message);
    return (performance.now() - t) / 1000;
  };
  const idle: number[] = [];
  for (let i = 0; i < 30; i++) idle.push(await roundTrip());

  const jobStarted = performance.now();
  const start = await core.dispatch(
    'privacy.erasePerson',
    calls['privacy.erasePerson'].input.parse({ id: after }),
  );
  if (!start.ok) throw new Error(start.error.message);
  const startCall = (performance.now() - jobStarted) / 1000;
  let ended: JobSnapshot | null = null;
  void core.ctx.jobs.wait((start.value as JobSnapshot).id).then((job) => (ended = job));
  const during: number[] = [];
  const at: number[] = [];
  while (ended === null) {
    at.push((performance.now() - jobStarted) / 1000);
    during.push(await roundTrip());
    // Let the job's messages in, as the worker's event loop would between calls.
    await new Promise((resolve) => setImmediate(resolve));
  }
  const jobSeconds = (performance.now() - jobStarted) / 1000;
  const job = ended as JobSnapshot;
  const slowest = during.indexOf(Math.max(...during));

  // The same job with no calls beside it: what the round trips cost the job, on a shared machine.
  const alone = performance.now();
  const again = await core.dispatch(
    'privacy.erasePerson',
    calls['privacy.erasePerson'].input.parse({ id: asked }),
  );
  if (!again.ok) throw new Error(again.error.message);
  const againId = (again.value as JobSnapshot).id;
  await core.ctx.jobs.wait(againId);
  const aloneSeconds = (performance.now() - alone) / 1000;
  const toFirstProgress = ((firstProgress.get(againId) ?? NaN) - alone) / 1000;
  await core.close();
  if (job.status !== 'done') throw new Error(`the erase job ended ${job.status}: ${job.error}`);

  const rows = [
    ['before: erasePerson on the core thread (core blocked)', ms(blocked)],
    ['now: privacy.erasePerson call (starts the job)', ms(startCall)],
    ['now: the job, start to done (on its own thread)', ms(jobSeconds)],
    [`now: core round trip during the job, median (${during.length} calls)`, ms(percentile(during, 0.5))],
    [
      `now: core round trip during the job, slowest (at ${ms(at[slowest]!)} of the job)`,
      ms(Math.max(...during)),
    ],
    ['now: the job with no calls beside it', ms(aloneSeconds)],
    ['  of which: thread start until its first progress', ms(toFirstProgress)],
    ['baseline: core round trip with no job, median', ms(percentile(idle, 0.5))],
  ];
  const width = Math.max(...rows.map((r) => r[0]!.length));
  for (const [what, figure] of rows) console.log(`${what!.padEnd(width)}  ${figure!.padStart(10)}`);
  console.log(`\njob: ${job.done.toLocaleString()} of ${job.total?.toLocaleString()} ${job.unit} searched`);
}

void main();
