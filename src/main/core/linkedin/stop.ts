import type { Page } from 'playwright-core';
import { AppFailure } from '@shared/contract/result';
import type { ActionKind } from '../safety/actionGate';
import { LIMIT_NOTICES, STOPS } from './selectors';

export type LinkedInStopKind = 'logged_out' | 'checkpoint' | 'captcha' | 'limit_notice';

const MESSAGES: Record<LinkedInStopKind, string> = {
  logged_out:
    'LinkedIn has signed you out. Sign in again in the Prospect Desk browser window, then press Continue.',
  checkpoint:
    'LinkedIn wants to check it is you (a security check). Complete it yourself in the Prospect Desk browser window, then press Continue.',
  captcha:
    'LinkedIn is showing a captcha. Solve it yourself in the Prospect Desk browser window, then press Continue.',
  limit_notice: 'LinkedIn says a limit is reached.',
};

/**
 * LinkedIn put something in the way that only the seller may deal with. Everything stops: the
 * session refuses further actions until the seller presses Continue (`session.clearStop()`), and no
 * caller retries into it. An AppFailure, so it reaches the UI with its message and details.
 */
export class LinkedInStop extends AppFailure {
  readonly kind: LinkedInStopKind;
  readonly url: string;
  /** For a limit notice: the kind of action LinkedIn refuses, and its words. */
  readonly limitedAction: ActionKind | undefined;
  readonly notice: string | undefined;

  constructor(kind: LinkedInStopKind, url: string, limit?: { action: ActionKind; notice: string }) {
    const message =
      kind === 'limit_notice' && limit
        ? `LinkedIn says: “${limit.notice}”. Prospect Desk has stopped until the limit resets.`
        : MESSAGES[kind];
    super('not_allowed', message, { stop: kind, url, limitedAction: limit?.action });
    this.kind = kind;
    this.url = url;
    this.limitedAction = limit?.action;
    this.notice = limit?.notice;
  }
}

async function present(page: Page, selector: string): Promise<boolean> {
  return (await page.locator(selector).count()) > 0;
}

/**
 * Looks at the page for anything that must stop us, and says what; null when the page is fine.
 * Called after every navigation and click, and while waiting for the seller to press Send.
 */
export async function detectStop(page: Page): Promise<LinkedInStop | null> {
  if (page.isClosed()) return null;
  const url = page.url();
  let path = '/';
  try {
    path = new URL(url).pathname;
  } catch {
    // about:blank and the like: nothing to stop for.
  }
  // A captcha sits on a checkpoint page; say "captcha", which tells the seller what to do.
  if (await present(page, STOPS.captchaMarker)) return new LinkedInStop('captcha', url);
  if (STOPS.checkpointPath.test(path) || (await present(page, STOPS.checkpointMarker)))
    return new LinkedInStop('checkpoint', url);
  if (STOPS.loggedOutPath.test(path) || (await present(page, STOPS.loggedOutMarker)))
    return new LinkedInStop('logged_out', url);
  const containers = page.locator(STOPS.noticeContainer).filter({ visible: true });
  // One line or sentence at a time, so the message quotes the notice, not the whole dialog.
  const sentences = (await containers.allInnerTexts())
    .flatMap((text) => text.split(/\n+|(?<=[.!?])\s+/))
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  for (const { text, kind } of LIMIT_NOTICES) {
    const notice = sentences.find((s) => text.test(s));
    if (notice) return new LinkedInStop('limit_notice', url, { action: kind, notice });
  }
  return null;
}
