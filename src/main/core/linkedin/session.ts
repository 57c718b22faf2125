import type { BrowserContext, Page } from 'playwright-core';
import { AppFailure } from '@shared/contract/result';
import { systemClock, type Clock } from '../clock';
import type { ActionGate, ActionRef } from '../safety/actionGate';
import { Pacer, type PacingOptions } from '../safety/pacing';
import { SerialLock } from '../safety/serialLock';
import { DEFAULT_WORKING_HOURS, parseWorkingHours, type WorkingHours } from '../safety/workingHours';
import { withWorkingHours } from '../safety/workingHoursGate';
import {
  sendInMailAssisted,
  sendInviteAssisted,
  checkInMail,
  checkInviteNote,
  type AssistedSendOptions,
  type AssistedSendOutcome,
} from './assistedSend';
import { DEFAULT_ATL_KEYWORDS, isAtlTitle } from '../titles/atlTitle';
import {
  isLeadListUrl,
  readCompanyPeople,
  readConnections,
  readOpenLeadList,
  readProfile,
  searchPeoplePage,
} from './discovery';
import { openLinkedInBrowser, type OpenBrowserOptions } from './launch';
import { PageDriver, type SessionActivity } from './pageDriver';
import { LEAD_LIST, SIGNED_IN, STOPS } from './selectors';
import type { LinkedInStop } from './stop';
import type { CompanyTarget, DiscoveredPerson, PersonRow, ProfileDetails } from './types';
import { LinkedInUrls, type PeopleSearchQuery } from './urls';

export interface LinkedInSessionOptions {
  /** The persistent browser context (`openLinkedInBrowser`); the session drives one page of it. */
  context: BrowserContext;
  /** Asked before every action; the app backs it with the quota ledger. */
  gate: ActionGate;
  /**
   * When actions may happen; the session puts these in front of the gate. Default 09:00–17:00,
   * Monday to Friday, in the computer's zone. A function is asked at every action (the app reads
   * Settings, so a change applies without reopening the browser). `null` only where the gate
   * already applies them.
   */
  workingHours?: WorkingHours | (() => WorkingHours) | null;
  /** https://www.linkedin.com unless the seller (or a test) says otherwise. */
  baseUrl?: string;
  clock?: Clock;
  /** Pauses and dwell; `random`, `sleep` and `clock` are injectable for tests. */
  pacing?: PacingOptions;
  /** The ATL title keywords from Settings. */
  atlKeywords?: readonly string[];
  /** Everything the session does, in order, for the log. */
  onActivity?: (activity: SessionActivity) => void;
}

export interface TaskOptions {
  /** Aborts a queued or running task (the job's Cancel); it rejects with the signal's reason. */
  signal?: AbortSignal;
}

export interface FindPeopleOptions extends TaskOptions {
  /** 'search' (people search, paged) or 'company_page' (the company's People tab). By default the
   * search when the company's LinkedIn id is known, else its People tab when the slug is, else a
   * search by name. */
  via?: 'search' | 'company_page';
  /** Title words for LinkedIn's title filter; default the ATL keywords. */
  titleKeywords?: readonly string[];
  /** Result pages (search) or loads (company page) to read in this call. Default 3. */
  maxPages?: number;
  /** Search only: the page to start at, to resume where `nextPage` said. */
  startPage?: number;
  /** Return everyone read, not only ATL titles (each still carries `isAtl`). */
  includeNonAtl?: boolean;
  /** Called after each page with its people, e.g. to save progress before the next page. */
  onPage?: (page: { page: number; people: DiscoveredPerson[] }) => Promise<void> | void;
}

export interface FindPeopleResult {
  via: 'search' | 'company_page';
  /** ATL people (or everyone with `includeNonAtl`), each once, in page order. */
  people: DiscoveredPerson[];
  /** People read before the ATL filter; "LinkedIn Member" rows are only counted in hiddenMembers. */
  seen: number;
  hiddenMembers: number;
  pagesRead: number;
  /** Search: the page to pass as `startPage` next time; null when there are no more pages. */
  nextPage: number | null;
}

export type LaunchSessionOptions = Omit<LinkedInSessionOptions, 'context'> & OpenBrowserOptions;

/**
 * The seller's LinkedIn, driven one page at a time. Every public method queues behind the one
 * before it (a discovery job and an invite never interleave clicks), is paced like a person, asks
 * the gate before each action, and stops everything on a login wall, checkpoint, captcha or limit
 * notice until the seller presses Continue (`clearStop`).
 */
export class LinkedInSession {
  readonly urls: LinkedInUrls;
  readonly atlKeywords: readonly string[];
  private readonly lock = new SerialLock();
  private readonly clock: Clock;
  private readonly pacer: Pacer;
  private readonly gate: ActionGate;
  private stopState: LinkedInStop | null = null;
  private ownPage: Page | null = null;
  private windowClosed = false;

  constructor(private readonly options: LinkedInSessionOptions) {
    this.urls = new LinkedInUrls(options.baseUrl);
    this.clock = options.clock ?? systemClock;
    this.pacer = new Pacer({ clock: this.clock, ...options.pacing });
    this.atlKeywords = options.atlKeywords ?? DEFAULT_ATL_KEYWORDS;
    const hours = options.workingHours === undefined ? DEFAULT_WORKING_HOURS : options.workingHours;
    if (hours && typeof hours !== 'function') parseWorkingHours(hours);
    this.gate = hours ? withWorkingHours(options.gate, { hours, clock: this.clock }) : options.gate;
    options.context.on('close', () => (this.windowClosed = true));
  }

  /** Opens the seller's browser on the persistent profile and starts a session on it. */
  static async launch(options: LaunchSessionOptions): Promise<LinkedInSession> {
    const { executablePath, profileDir, headless, args, ...session } = options;
    const context = await openLinkedInBrowser({ executablePath, profileDir, headless, args });
    return new LinkedInSession({ ...session, context });
  }

  /** What stopped the session, until the seller clears it; every call throws it meanwhile. */
  get stop(): LinkedInStop | null {
    return this.stopState;
  }

  /** The seller dealt with the stop (signed in, solved the check) and pressed Continue. */
  clearStop(): void {
    this.stopState = null;
  }

  /** The browser context, e.g. to bring the window forward for the seller. */
  get context(): BrowserContext {
    return this.options.context;
  }

  /** Tasks running or waiting for the page. */
  get queued(): number {
    return this.lock.pending;
  }

  async close(): Promise<void> {
    await this.options.context.close();
  }

  private emit(activity: SessionActivity): void {
    this.options.onActivity?.(activity);
  }

  private async page(): Promise<Page> {
    if (!this.ownPage || this.ownPage.isClosed()) {
      this.ownPage =
        this.options.context.pages().find((p) => !p.isClosed()) ?? (await this.options.context.newPage());
    }
    return this.ownPage;
  }

  private driver(page: Page, signal: AbortSignal | undefined): PageDriver {
    return new PageDriver(
      page,
      {
        gate: this.gate,
        pacer: this.pacer,
        clock: this.clock,
        emit: (activity) => this.emit(activity),
        onStop: async (stop) => {
          this.stopState = stop;
          if (stop.limitedAction && stop.notice)
            await this.gate.recordLimitNotice(stop.limitedAction, stop.notice);
        },
      },
      signal,
    );
  }

  /** Runs `work` with the page to itself; refuses at once while a stop is unresolved. */
  private run<T>(
    task: string,
    signal: AbortSignal | undefined,
    work: (driver: PageDriver) => Promise<T>,
    choosePage: () => Promise<Page> = () => this.page(),
  ): Promise<T> {
    return this.lock.run(async () => {
      if (this.stopState) throw this.stopState;
      this.throwIfWindowClosed();
      this.emit({ type: 'task_started', task, at: this.clock.now() });
      try {
        return await work(this.driver(await choosePage(), signal));
      } catch (error) {
        // Playwright's "Target page, context or browser has been closed" means nothing to a seller.
        this.throwIfWindowClosed();
        throw error;
      } finally {
        this.emit({ type: 'task_ended', task, at: this.clock.now() });
      }
    }, signal);
  }

  private throwIfWindowClosed(): void {
    if (this.windowClosed)
      throw new AppFailure('unavailable', 'The LinkedIn browser window was closed. Open it again to go on.');
  }

  private mark(rows: PersonRow[]): DiscoveredPerson[] {
    return rows.map((row) => ({ ...row, isAtl: isAtlTitle(row.title, this.atlKeywords) }));
  }

  /** One page of a people search, everyone on it marked ATL or not. */
  async searchPeople(
    query: PeopleSearchQuery,
    pageNumber = 1,
    options: TaskOptions = {},
  ): Promise<{
    people: DiscoveredPerson[];
    page: number;
    totalPages: number;
    hasNext: boolean;
    hiddenMembers: number;
  }> {
    const result = await this.run('search people', options.signal, (d) =>
      searchPeoplePage(d, this.urls, query, pageNumber),
    );
    return { ...result, people: this.mark(result.rows) };
  }

  /**
   * ATL people at a company, from people search or the company's People tab. Each search page is
   * its own turn at the page, so an invite the seller asks for waits one page, not the whole run.
   */
  async findPeopleAtCompany(
    company: CompanyTarget,
    options: FindPeopleOptions = {},
  ): Promise<FindPeopleResult> {
    const via = options.via ?? (company.linkedinId || !company.linkedinSlug ? 'search' : 'company_page');
    const maxPages = Math.max(1, options.maxPages ?? 3);
    const byUrl = new Map<string, DiscoveredPerson>();
    let seen = 0;
    const keep = async (page: number, rows: PersonRow[]) => {
      const marked = this.mark(rows).filter((p) => options.includeNonAtl || p.isAtl);
      seen += rows.length;
      const fresh: DiscoveredPerson[] = [];
      for (const person of marked) {
        if (!person.profileUrl || byUrl.has(person.profileUrl)) continue;
        byUrl.set(person.profileUrl, person);
        fresh.push(person);
      }
      await options.onPage?.({ page, people: fresh });
    };

    if (via === 'company_page') {
      if (!company.linkedinSlug)
        throw new AppFailure(
          'invalid_input',
          `${company.name} has no LinkedIn company page address to read.`,
        );
      const slug = company.linkedinSlug;
      const result = await this.run('company people', options.signal, (d) =>
        readCompanyPeople(d, this.urls, slug, maxPages, (rows, load) => keep(load, rows)),
      );
      return {
        via,
        people: [...byUrl.values()],
        seen,
        hiddenMembers: result.hiddenMembers,
        pagesRead: result.loads,
        nextPage: null,
      };
    }

    const query: PeopleSearchQuery = company.linkedinId
      ? { companyIds: [company.linkedinId], titleKeywords: options.titleKeywords ?? this.atlKeywords }
      : { keywords: `"${company.name}"`, titleKeywords: options.titleKeywords ?? this.atlKeywords };
    const start = Math.max(1, options.startPage ?? 1);
    let hiddenMembers = 0;
    let pagesRead = 0;
    let nextPage: number | null = start;
    while (nextPage !== null && pagesRead < maxPages) {
      const current: number = nextPage;
      const page = await this.run('search people', options.signal, (d) =>
        searchPeoplePage(d, this.urls, query, current),
      );
      pagesRead++;
      hiddenMembers += page.hiddenMembers;
      await keep(current, page.rows);
      nextPage = page.hasNext ? current + 1 : null;
    }
    return { via, people: [...byUrl.values()], seen, hiddenMembers, pagesRead, nextPage };
  }

  /** A profile: name, headline, current position, degree, mutual connections. */
  readProfile(profileUrl: string, options: TaskOptions & { ref?: ActionRef } = {}): Promise<ProfileDetails> {
    return this.run('read profile', options.signal, (d) =>
      readProfile(d, this.urls, profileUrl, options.ref),
    );
  }

  /**
   * "Open profile": the profile in a new tab, brought to the front for the seller to read. To
   * LinkedIn it is a profile view like a discovery run's, so it goes the same way: its turn at the
   * page (never between a run's clicks), refused while a stop waits for the seller, booked with the
   * gate (caps and working hours), and the unit given back when the page does not load. A tab that
   * shows a wall stays open, for the seller to deal with; others that came to nothing are closed.
   */
  openProfileTab(profileUrl: string, options: TaskOptions & { ref?: ActionRef } = {}): Promise<void> {
    return this.run(
      'open profile',
      options.signal,
      async (d) => {
        const close = () => d.page.close().catch(() => undefined);
        let id: number;
        try {
          id = await d.reserve('profile_view', options.ref);
        } catch (error) {
          await close();
          throw error;
        }
        try {
          await d.page.goto(this.urls.profile(profileUrl), { waitUntil: 'domcontentloaded' });
        } catch (error) {
          await d.refund('profile_view', id);
          await close();
          throw new AppFailure(
            'unavailable',
            `The profile did not open (${error instanceof Error ? error.message.split('\n')[0] : String(error)}).`,
          );
        }
        d.emit({ type: 'navigated', kind: 'profile_view', url: d.page.url(), at: this.clock.now() });
        await d.checkStop();
        await d.page.bringToFront();
      },
      () => this.options.context.newPage(),
    );
  }

  /** The seller's connections, to mark who is already connected. `maxLoads` default 10. */
  async readConnections(
    options: TaskOptions & { maxLoads?: number } = {},
  ): Promise<{ people: DiscoveredPerson[]; loads: number; complete: boolean }> {
    const result = await this.run('read connections', options.signal, (d) =>
      readConnections(d, this.urls, Math.max(1, options.maxLoads ?? 10)),
    );
    return { ...result, people: this.mark(result.rows) };
  }

  /**
   * The Sales Navigator lead list the seller has open in the browser (any tab), or `url` opened
   * first. Pages with Next up to `maxPages` (default 10).
   */
  async readLeadList(
    options: TaskOptions & { url?: string; maxPages?: number } = {},
  ): Promise<{ listName: string | null; people: DiscoveredPerson[]; pagesRead: number; complete: boolean }> {
    const findOpenList = async () => {
      if (options.url) return this.page();
      const own = await this.page();
      const candidates = [own, ...this.options.context.pages().filter((p) => p !== own)];
      const open = candidates.find((p) => !p.isClosed() && this.urls.owns(p.url()) && isLeadListUrl(p.url()));
      if (!open)
        throw new AppFailure(
          'not_found',
          'Open the Sales Navigator lead list in the Prospect Desk browser window, then try again.',
        );
      return open;
    };
    const result = await this.run(
      'read lead list',
      options.signal,
      async (d) => {
        if (options.url) {
          const target = new URL(options.url);
          await d.visit(
            'search',
            new URL(target.pathname + target.search, this.urls.base).toString(),
            'list',
            LEAD_LIST.row,
          );
        }
        return readOpenLeadList(d, Math.max(1, options.maxPages ?? 10));
      },
      findOpenList,
    );
    return { ...result, people: this.mark(result.rows) };
  }

  /**
   * Opens the profile, Connect → Add a note, fills in the note, and waits for the seller to press
   * Send. A note over 300 characters is refused before anything opens.
   */
  async sendInvite(
    profileUrl: string,
    note: string,
    options: TaskOptions & AssistedSendOptions = {},
  ): Promise<AssistedSendOutcome> {
    checkInviteNote(note);
    return this.run('invite', options.signal, (d) =>
      sendInviteAssisted(d, this.urls, profileUrl, note, options),
    );
  }

  /** Opens the profile's InMail composer, fills in subject and body, and waits for the seller's Send. */
  async sendInMail(
    profileUrl: string,
    message: { subject: string; body: string },
    options: TaskOptions & AssistedSendOptions = {},
  ): Promise<AssistedSendOutcome> {
    checkInMail(message);
    return this.run('inmail', options.signal, (d) =>
      sendInMailAssisted(d, this.urls, profileUrl, message, options),
    );
  }

  /**
   * Opens LinkedIn's sign-in page in the window and waits until the seller has signed in (the
   * signed-in navigation shows). Typing is theirs; we never see the password. Clears a logged-out
   * stop on success. Returns false when `timeoutMs` (default 10 minutes) passes first.
   */
  async waitForSellerSignIn(
    options: TaskOptions & { timeoutMs?: number; pollMs?: number } = {},
  ): Promise<boolean> {
    return this.lock.run(async () => {
      this.throwIfWindowClosed();
      const page = await this.page();
      await page.goto(this.urls.login(), { waitUntil: 'domcontentloaded' });
      const deadline = performance.now() + (options.timeoutMs ?? 10 * 60_000);
      while (performance.now() < deadline) {
        options.signal?.throwIfAborted();
        if (page.isClosed()) return false;
        const path = new URL(page.url()).pathname;
        const signedIn =
          !STOPS.loggedOutPath.test(path) &&
          !STOPS.checkpointPath.test(path) &&
          (await page
            .locator(SIGNED_IN.globalNav)
            .count()
            .catch(() => 0)) > 0;
        if (signedIn) {
          if (this.stopState?.kind === 'logged_out') this.stopState = null;
          return true;
        }
        await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 500));
      }
      return false;
    }, options.signal);
  }
}
