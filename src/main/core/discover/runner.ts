import { AppFailure } from '@shared/contract/result';
import type { DiscoveryRun, DiscoveryScope } from '@shared/domain/linkedin';
import type { Db } from '../db/database';
import type { Clock } from '../clock';
import { recordAudit } from '../audit/audit';
import { LinkedInStop } from '../linkedin/stop';
import { ActionRefused } from '../safety/actionGate';
import { readSettings } from '../settings/settingsStore';
import {
  createRun,
  finishCompany,
  getRun,
  nextCompany,
  pauseInterruptedRuns,
  setRunStatus,
} from './runStore';
import { saveDiscovered } from './saveDiscovered';
import { keepPeopleAt } from './atCompany';
import type { SessionManager } from './sessionManager';

export interface RunnerEvents {
  run(run: DiscoveryRun): void;
  /** New or changed contacts landed (pages refetch; scores follow when the run ends). */
  contactsChanged(): void;
  /** The run ended with new people: score them. */
  finished(run: DiscoveryRun): void;
  /** The session's status changed (a stop latched on it). */
  sessionChanged(): void;
}

/** Playwright's words when the window (page, context or browser) went away under it. */
const CLOSED = /has been closed|window was closed|Target closed/i;

/** SQLite's "database is locked", raw or as the app's `busy` failure. */
function isBusy(error: unknown): boolean {
  return (
    (error as { code?: unknown } | null)?.code === 'SQLITE_BUSY' ||
    (error instanceof AppFailure && error.code === 'busy')
  );
}

/** Why a running run was interrupted by the seller. */
class Interrupt extends Error {
  constructor(readonly as: 'paused' | 'cancelled') {
    super(as);
  }
}

/**
 * Works discovery runs in the core worker, one company at a time through the one browser session.
 * A company's people are saved with its "done" mark in one transaction, so a pause, a stop, a
 * cancel or a crash loses at most the company being read, which is read again on resume; a done
 * company is never read twice. Only one run goes at a time (there is one page to drive).
 */
export class DiscoveryRunner {
  private active: {
    runId: number;
    abort: AbortController;
    current: string | null;
    done: Promise<void>;
  } | null = null;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly sessions: SessionManager,
    private readonly events: RunnerEvents,
  ) {
    pauseInterruptedRuns(db, this.now());
  }

  private now(): string {
    return this.clock.now().toISOString();
  }

  get activeRunId(): number | null {
    return this.active?.runId ?? null;
  }

  run(id: number): DiscoveryRun {
    return getRun(this.db, id, this.active?.runId === id ? this.active.current : null);
  }

  private announce(id: number): DiscoveryRun {
    const run = this.run(id);
    this.events.run(run);
    return run;
  }

  private refuseIfBusy(): void {
    if (this.active)
      throw new AppFailure(
        'conflict',
        'Another discovery run is going; pause it first (the browser reads one page at a time).',
      );
  }

  start(scope: DiscoveryScope): DiscoveryRun {
    this.refuseIfBusy();
    this.sessions.ready();
    const run = createRun(this.db, scope, readSettings(this.db, 'scoring').atlKeywords, this.now());
    recordAudit(
      this.db,
      { action: 'discovery.started', entityType: 'discovery_run', entityId: run.id, details: { scope } },
      this.clock,
    );
    this.launch(run.id);
    return this.announce(run.id);
  }

  resume(id: number): DiscoveryRun {
    const run = getRun(this.db, id);
    // A run the row still calls running, with nothing running it, stopped where the row could not
    // be written (the database was held); it may go on too.
    const stale = run.status === 'running' && this.active?.runId !== id;
    if (run.status !== 'paused' && run.status !== 'waiting' && !stale)
      throw new AppFailure('conflict', `This run is ${run.status}; only a paused or waiting run can go on.`);
    this.refuseIfBusy();
    this.sessions.ready();
    setRunStatus(this.db, id, 'running', this.now());
    this.launch(id);
    return this.announce(id);
  }

  async pause(id: number): Promise<DiscoveryRun> {
    return this.interrupt(id, 'paused');
  }

  async cancel(id: number): Promise<DiscoveryRun> {
    return this.interrupt(id, 'cancelled');
  }

  private async interrupt(id: number, as: 'paused' | 'cancelled'): Promise<DiscoveryRun> {
    const run = getRun(this.db, id);
    if (run.status === 'done' || run.status === 'cancelled')
      throw new AppFailure('conflict', `This run is already ${run.status}.`);
    if (as === 'paused' && run.status !== 'running') return run;
    if (this.active?.runId === id) {
      const { abort, done } = this.active;
      abort.abort(new Interrupt(as));
      await done;
    }
    setRunStatus(this.db, id, as, this.now(), as === 'paused' ? { message: 'Paused by you.' } : {});
    return this.announce(id);
  }

  /** At shutdown: the run stops where it is and is paused (it resumes from its progress). */
  async shutdown(): Promise<void> {
    const active = this.active;
    if (!active) return;
    active.abort.abort(new Interrupt('paused'));
    await active.done;
  }

  private launch(runId: number): void {
    const abort = new AbortController();
    const entry = { runId, abort, current: null as string | null, done: Promise.resolve() };
    this.active = entry;
    entry.done = this.work(runId, abort.signal, entry)
      .catch((error: unknown) => {
        // Bookkeeping failed (the database held by a long import, a disk error): the run pauses
        // with the reason, at its last saved company, rather than ending in an unseen rejection.
        const message = `${error instanceof Error ? error.message : String(error)} Press Resume to go on.`;
        try {
          setRunStatus(this.db, runId, 'paused', this.now(), { message });
          this.announce(runId);
        } catch {
          // Still held: the row keeps saying running (Resume accepts that), and the page is told.
          this.events.run({ ...getRun(this.db, runId), status: 'paused', message, current: null });
        }
      })
      .finally(() => {
        if (this.active === entry) this.active = null;
      });
  }

  private async work(runId: number, signal: AbortSignal, entry: { current: string | null }): Promise<void> {
    let addedAny = false;
    for (;;) {
      if (signal.aborted) return;
      const company = nextCompany(this.db, runId);
      if (!company) {
        setRunStatus(this.db, runId, 'done', this.now());
        entry.current = null;
        const run = this.announce(runId);
        if (addedAny || run.added + run.updated > 0) this.events.finished(run);
        return;
      }
      entry.current = company.name;
      this.announce(runId);
      try {
        const session = this.sessions.ready();
        const settings = readSettings(this.db, 'linkedin');
        const result = await session.findPeopleAtCompany(
          { name: company.name },
          { via: 'search', maxPages: settings.pagesPerCompany, signal },
        );
        if (signal.aborted) return;
        // The search is by the company's name: people who only mention it are not its contacts.
        const { kept, skipped } = keepPeopleAt(company.name, result.people);
        const report = saveDiscovered(this.db, kept, company.companyId, this.now());
        this.db.transaction(() => {
          finishCompany(
            this.db,
            runId,
            company.companyId,
            { found: kept.length, added: report.added, updated: report.updated },
            this.now(),
          );
          if (skipped.length > 0)
            recordAudit(
              this.db,
              {
                action: 'discovery.skipped',
                entityType: 'discovery_run',
                entityId: runId,
                details: {
                  company: company.name,
                  count: skipped.length,
                  reason: `their LinkedIn card names another current company than ${company.name}`,
                  people: skipped,
                },
              },
              this.clock,
            );
        })();
        if (report.added + report.updated > 0) {
          addedAny = true;
          this.events.contactsChanged();
        }
      } catch (error) {
        if (signal.aborted) return; // pause or cancel: the caller records which
        if (error instanceof LinkedInStop) {
          // LinkedIn put up a wall: the run waits for the seller and never tries into it again.
          entry.current = null;
          setRunStatus(this.db, runId, 'waiting', this.now(), {
            message: error.message,
            stopKind: error.kind,
          });
          recordAudit(
            this.db,
            {
              action: 'discovery.stopped',
              entityType: 'discovery_run',
              entityId: runId,
              details: { stop: error.kind, url: error.url },
            },
            this.clock,
          );
          this.events.sessionChanged();
          this.announce(runId);
          return;
        }
        if (isBusy(error))
          throw new AppFailure(
            'busy',
            'The database is busy with another job (an import or a merge); the run stopped at its last saved company.',
          );
        // A window closing under a page read fails it with any of several messages ("has been
        // closed", a navigation aborted, a frame detached) a moment before the browser's close
        // event lands: whatever the message, give it that moment before calling this company
        // unreadable (a closed window pauses the run; the company is read again on resume).
        await new Promise((resolve) => setTimeout(resolve, 250));
        const windowGone = this.sessions.open === null || CLOSED.test(String((error as Error)?.message));
        const notReady = error instanceof AppFailure && error.code === 'not_allowed';
        if (error instanceof ActionRefused || windowGone || notReady) {
          // Outside working hours, a cap reached, the window closed, the session not ready: the
          // run pauses with the reason and goes on when the seller resumes it.
          entry.current = null;
          const retry =
            error instanceof ActionRefused && error.retryAt
              ? ` It can go on from ${error.retryAt.toISOString()}.`
              : '';
          const why = windowGone
            ? 'The LinkedIn browser window was closed. Open it again, then press Resume.'
            : (error as Error).message;
          setRunStatus(this.db, runId, 'paused', this.now(), {
            message: `${why}${retry}`,
            stopKind: error instanceof ActionRefused ? error.reason : null,
          });
          this.announce(runId);
          return;
        }
        // A page we could not read for this company alone: note it and go on with the next.
        finishCompany(
          this.db,
          runId,
          company.companyId,
          { error: error instanceof Error ? error.message : String(error) },
          this.now(),
        );
      }
    }
  }
}
