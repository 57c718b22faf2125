import type { Db } from '../../../src/main/core/db/database';
import { openCore, type CoreRuntime } from '../../../src/main/core/runtime';
import { companyNameKey } from '../../../src/main/core/normalize/companyName';
import { linkedinKey } from '../../../src/main/core/normalize/linkedin';
import { personNameKey } from '../../../src/main/core/normalize/personName';
import { writeSettings } from '../../../src/main/core/settings/settingsStore';
import type { DiscoveryRun, SessionStatus } from '../../../src/shared/domain/linkedin';
import type { SecretReader } from '../../../src/main/core/secrets/secretStore';
import { chromiumPath, CHROMIUM_TEST_ARGS } from '../../e2e/harness/browser';
import { JOB_WORKER } from '../../helpers/paths';
import { sequence, type FakeTime } from '../safety/support/fakeTime';

export const NO_SECRETS: SecretReader = { read: async () => null };

/** Tuesday 4 March 2025, 10:00 in Austin: inside the seller's working hours. */
export const TUESDAY_10AM = '2025-03-04T16:00:00Z';

/** The seller's settings for these tests: Austin hours, LinkedIn at the fixture site, Chromium. */
export function useFixtureLinkedIn(
  db: Db,
  siteUrl: string,
  time: FakeTime,
  extra: Record<string, unknown> = {},
) {
  writeSettings(db, 'outreach', { timeZone: 'America/Chicago' }, time.clock);
  writeSettings(
    db,
    'linkedin',
    { baseUrl: siteUrl, browserPath: chromiumPath(), pagesPerCompany: 2, ...extra },
    time.clock,
  );
}

/** A core over the file, its LinkedIn browser headless with the fake clock's pacing. */
export async function openTestCore(
  file: string,
  dir: string,
  time: FakeTime,
  events: { runs: DiscoveryRun[] } = { runs: [] },
  onSession?: (status: SessionStatus) => void,
): Promise<CoreRuntime> {
  return openCore(
    { dbPath: file, dataDir: dir, jobWorkerPath: JOB_WORKER },
    (name, payload) => {
      if (name === 'discovery.run') events.runs.push(payload as DiscoveryRun);
      if (name === 'linkedin.session') onSession?.(payload as SessionStatus);
    },
    time.clock,
    NO_SECRETS,
    {
      headless: true,
      browserArgs: [...CHROMIUM_TEST_ARGS],
      pacing: { random: sequence(0.5), sleep: time.sleep },
    },
  );
}

export function addCompany(db: Db, name: string, icp: number | null): number {
  return Number(
    db
      .prepare(
        `INSERT INTO companies (name, name_key, icp_score, created_at, updated_at) VALUES (?, ?, ?, '2025-01-01', '2025-01-01')`,
      )
      .run(name, companyNameKey(name), icp).lastInsertRowid,
  );
}

export function addContact(
  db: Db,
  companyId: number,
  person: { name: string; title?: string; linkedin?: string; source?: string },
): number {
  return Number(
    db
      .prepare(
        `INSERT INTO contacts (company_id, full_name, name_key, title, linkedin_url, linkedin_key, discovery_source, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, '2025-01-01', '2025-01-01')`,
      )
      .run(
        companyId,
        person.name,
        personNameKey(person.name),
        person.title ?? null,
        person.linkedin ?? null,
        linkedinKey(person.linkedin) ?? null,
        person.source ?? 'import',
      ).lastInsertRowid,
  );
}

/** Waits until the run reaches one of `statuses` (the core writes it as it goes). */
export async function waitForRun(
  core: CoreRuntime,
  id: number,
  statuses: DiscoveryRun['status'][],
  timeoutMs = 60_000,
): Promise<DiscoveryRun> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const run = core.ctx.linkedin.runner.run(id);
    if (statuses.includes(run.status) && core.ctx.linkedin.runner.activeRunId !== id) return run;
    if (Date.now() > deadline) throw new Error(`Run ${id} is ${run.status}, not ${statuses.join('/')}.`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Calls the core as the UI does; throws the AppError's message on failure. */
export async function call<T>(core: CoreRuntime, name: string, input?: unknown): Promise<T> {
  const result = await core.dispatch(name as never, input);
  if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
  return result.value as T;
}
