/** The LinkedIn browser session and discovery runs, as the UI sees them. */

export type LinkedInStopKind = 'logged_out' | 'checkpoint' | 'captcha' | 'limit_notice';

/**
 * not_running: no browser open. starting: the window is opening. waiting_for_sign_in: the seller
 * signs in by hand in the window. ready: signed in, nothing in the way. stopped: LinkedIn put up a
 * wall (stop says which); the seller deals with it in the window and presses Continue.
 */
export type SessionState = 'not_running' | 'starting' | 'waiting_for_sign_in' | 'ready' | 'stopped';

export interface SessionStatus {
  state: SessionState;
  /** In words, for the status line. */
  message: string;
  stop: { kind: LinkedInStopKind; message: string; url: string } | null;
  /** The browser it opened (or would open), and how it was found. */
  browser: BrowserInfo;
  /** Whether the Today queue may pre-fill in the browser (the setting, and a ready session). */
  assistedSend: boolean;
}

export type BrowserInfo =
  | {
      found: true;
      path: string;
      kind: 'chrome' | 'edge' | 'chromium';
      foundBy: 'settings' | 'standard_path' | 'path_lookup';
    }
  | { found: false; message: string };

export type DiscoveryRunStatus = 'running' | 'paused' | 'waiting' | 'cancelled' | 'done';

/** A run's status in the seller's words (the Discover page and the status area). */
export const DISCOVERY_RUN_LABELS: Record<DiscoveryRunStatus, string> = {
  running: 'Running',
  paused: 'Paused',
  waiting: 'Waiting for you',
  cancelled: 'Cancelled',
  done: 'Done',
};

export interface DiscoveryRun {
  id: number;
  label: string;
  status: DiscoveryRunStatus;
  /** Why it is paused or waiting, for the seller. */
  message: string | null;
  stopKind: string | null;
  total: number;
  done: number;
  failed: number;
  /** ATL people read, contacts added, existing contacts updated. */
  found: number;
  added: number;
  updated: number;
  /**
   * People the search found who work elsewhere now (their card names another current company):
   * not added; the audit log has who and why ('discovery.skipped').
   */
  skipped: number;
  /** The company being read now, when running. */
  current: string | null;
  createdAt: string;
  updatedAt: string;
  finishedAt: string | null;
}

/** Which companies a run covers. */
export type DiscoveryScope = { kind: 'top'; limit: number } | { kind: 'companies'; companyIds: number[] };

/** What a one-off read (connections, a lead list) did. */
export interface LinkedInReadReport {
  read: number;
  added: number;
  updated: number;
  /** Connections only: contacts now marked as existing connections. */
  marked: number;
  listName?: string | null;
}

/** Assisted send's answer: sent (logged in the outreach log and the ledger) or why not. */
export interface AssistedSendResult {
  sent: boolean;
  reason: string | null;
  /** The text as the seller sent it (they may edit in the window). */
  text: string | null;
}

/** What reading a contact's LinkedIn profile found, and what it changed on the contact. */
export interface ProfileReadReport {
  name: string;
  headline: string | null;
  location: string | null;
  /** 1st, 2nd or 3rd degree; null when LinkedIn does not say. */
  degree: 1 | 2 | 3 | null;
  currentTitle: string | null;
  currentCompany: string | null;
  mutualConnections: number;
  mutualNames: string[];
  /** The contact's fields this read changed (e.g. `title`, `connection_degree`). */
  changed: string[];
}
