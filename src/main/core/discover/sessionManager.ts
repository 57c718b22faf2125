import fs from 'node:fs';
import { AppFailure } from '@shared/contract/result';
import type { BrowserInfo, SessionState, SessionStatus } from '@shared/domain/linkedin';
import type { Db } from '../db/database';
import type { Clock } from '../clock';
import { LinkedInSession, linkedInProfileDir, locateBrowser } from '../linkedin';
import type { HostPlatform } from '../linkedin/browserLocator';
import { SIGNED_IN, STOPS } from '../linkedin/selectors';
import { readQuotaConfig } from '../quotas/config';
import type { PacingOptions } from '../safety/pacing';
import { readSettings } from '../settings/settingsStore';
import { TrackingGate } from './trackingGate';

/** How the host wants the browser: visible in the app; headless with extra switches only in tests. */
export interface LinkedInHostOptions {
  headless?: boolean;
  browserArgs?: string[];
  /** Tests: pacing with a fake clock and sleep, or none at all. */
  pacing?: PacingOptions;
  /** How long to wait for the seller to sign in before giving up (default an hour). */
  signInTimeoutMs?: number;
}

const MESSAGES: Record<Exclude<SessionState, 'stopped'>, string> = {
  not_running: 'The LinkedIn browser is not open.',
  starting: 'Opening the LinkedIn browser…',
  waiting_for_sign_in:
    'Sign in to LinkedIn in the browser window that opened. Prospect Desk never sees or keeps your password.',
  ready: 'Signed in to LinkedIn and ready.',
};

/** Where the seller's browser is: the path in Settings, else the first Chrome, Edge or Chromium found. */
export function findBrowser(db: Db): BrowserInfo {
  const { browserPath } = readSettings(db, 'linkedin');
  const found = locateBrowser({
    platform: process.platform as HostPlatform,
    env: process.env,
    explicitPath: browserPath || null,
    exists: (file) => fs.existsSync(file),
  });
  return found.ok
    ? { found: true, path: found.executablePath, kind: found.kind, foundBy: found.foundBy }
    : { found: false, message: found.message };
}

/**
 * The one LinkedIn browser of the app, owned by the core worker: opened when the seller asks, on
 * the persistent profile in the data folder; the seller signs in there by hand. One session, so
 * one page is driven at a time whoever asks (a discovery run, an assisted invite).
 */
export class SessionManager {
  private session: LinkedInSession | null = null;
  private state: Exclude<SessionState, 'stopped'> = 'not_running';
  private lastError: string | null = null;
  readonly gate: TrackingGate;

  constructor(
    private readonly db: Db,
    private readonly dataDir: string,
    private readonly clock: Clock,
    private readonly host: LinkedInHostOptions,
    private readonly onChange: (status: SessionStatus) => void,
  ) {
    this.gate = new TrackingGate(db, clock);
  }

  status(): SessionStatus {
    const stop = this.session?.stop ?? null;
    const state: SessionState = stop && this.state === 'ready' ? 'stopped' : this.state;
    const message = stop
      ? stop.message
      : this.state === 'not_running' && this.lastError
        ? this.lastError
        : MESSAGES[this.state];
    return {
      state,
      message,
      stop: stop ? { kind: stop.kind, message: stop.message, url: stop.url } : null,
      browser: findBrowser(this.db),
      assistedSend: readSettings(this.db, 'linkedin').assistedSend && state === 'ready',
    };
  }

  /** The session when it is signed in and nothing is in the way; otherwise a clear refusal. */
  ready(): LinkedInSession {
    const status = this.status();
    if (status.state !== 'ready' || !this.session)
      throw new AppFailure(
        'not_allowed',
        status.state === 'not_running' ? 'Open the LinkedIn browser first.' : status.message,
      );
    return this.session;
  }

  /** The session if the browser is open (any state), for "Open profile". */
  get open(): LinkedInSession | null {
    return this.state === 'not_running' ? null : this.session;
  }

  notify(): void {
    this.onChange(this.status());
  }

  /** "Open LinkedIn browser": opens the window, then waits (in the background) for the seller to sign in. */
  async start(): Promise<SessionStatus> {
    if (this.state !== 'not_running') return this.status();
    const browser = findBrowser(this.db);
    if (!browser.found) throw new AppFailure('not_found', browser.message);
    const settings = readSettings(this.db, 'linkedin');
    const scoring = readSettings(this.db, 'scoring');
    this.state = 'starting';
    this.lastError = null;
    this.notify();
    let session: LinkedInSession;
    try {
      session = await LinkedInSession.launch({
        executablePath: browser.path,
        profileDir: linkedInProfileDir(this.dataDir),
        headless: this.host.headless ?? false,
        args: this.host.browserArgs ?? [],
        gate: this.gate,
        // Read at every action: hours changed in Settings apply to the open browser.
        workingHours: () => readQuotaConfig(this.db).hours,
        baseUrl: settings.baseUrl,
        clock: this.clock,
        pacing: { clock: this.clock, ...this.host.pacing },
        atlKeywords: scoring.atlKeywords,
      });
    } catch (error) {
      this.state = 'not_running';
      this.lastError = error instanceof Error ? error.message : String(error);
      this.notify();
      throw error;
    }
    this.session = session;
    session.context.on('close', () => {
      if (this.session !== session) return;
      this.session = null;
      this.state = 'not_running';
      this.notify();
    });
    const signedIn = await this.alreadySignedIn(session).catch(() => false);
    this.state = signedIn ? 'ready' : 'waiting_for_sign_in';
    this.notify();
    if (!signedIn) void this.waitForSignIn(session);
    return this.status();
  }

  /** The profile remembers the sign-in: the feed shows LinkedIn's signed-in navigation. */
  private async alreadySignedIn(session: LinkedInSession): Promise<boolean> {
    const page = session.context.pages()[0] ?? (await session.context.newPage());
    await page.goto(session.urls.feed(), { waitUntil: 'domcontentloaded' });
    const path = new URL(page.url()).pathname;
    if (STOPS.loggedOutPath.test(path) || STOPS.checkpointPath.test(path)) return false;
    return (await page.locator(SIGNED_IN.globalNav).count()) > 0;
  }

  private async waitForSignIn(session: LinkedInSession): Promise<void> {
    const signedIn = await session
      .waitForSellerSignIn({ timeoutMs: this.host.signInTimeoutMs ?? 60 * 60_000 })
      .catch(() => false);
    if (this.session !== session) return;
    if (signedIn) this.state = 'ready';
    else {
      this.lastError =
        'Nobody signed in to LinkedIn in time; the browser was closed. Open it again to sign in.';
      await this.close();
      return;
    }
    this.notify();
  }

  /** The seller dealt with a wall in the window and pressed Continue. */
  continueAfterStop(): SessionStatus {
    this.session?.clearStop();
    this.notify();
    return this.status();
  }

  async close(): Promise<SessionStatus> {
    const session = this.session;
    this.session = null;
    this.state = 'not_running';
    if (session) await session.close().catch(() => undefined);
    this.notify();
    return this.status();
  }
}
