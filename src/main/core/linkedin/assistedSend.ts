import type { Locator, Page } from 'playwright-core';
import { AppFailure } from '@shared/contract/result';
import type { ActionKind, ActionRef } from '../safety/actionGate';
import { realSleep } from '../safety/pacing';
import type { PageDriver } from './pageDriver';
import { topCard } from './read/profile';
import { parseDegree, textIn } from './read/text';
import { INMAIL, INVITE, PROFILE, STOPS } from './selectors';
import { LinkedInStop } from './stop';
import { profileUrlFromInput, type LinkedInUrls } from './urls';

/**
 * Assisted sending: we open the page, fill in the note or the InMail, and wait. The seller reads it
 * and presses Send themselves; we never click Send (INVITE.sendButton, INMAIL.sendButton are named
 * in selectors.ts only so that is plain). We watch for the sent state and report it.
 */

/** LinkedIn's limit for an invitation note, in UTF-16 code units as its textarea's maxlength counts. */
export const INVITE_NOTE_MAX = 300;
export const INMAIL_SUBJECT_MAX = 200;
export const INMAIL_BODY_MAX = 1900;

export type NotSentReason =
  /** The seller did not press Send in time; we closed the dialog so it cannot be sent unrecorded. */
  | 'timeout'
  /** The seller closed the dialog or composer without sending. */
  | 'dismissed'
  /** The seller closed the browser tab. */
  | 'page_closed'
  | 'already_connected'
  | 'already_pending'
  /** No Connect anywhere (LinkedIn offers only Follow, e.g. for some creators). */
  | 'connect_unavailable'
  /** No InMail composer (no credits product, or the Message button opens a plain message). */
  | 'inmail_unavailable';

export type AssistedSendOutcome =
  | {
      sent: true;
      at: Date;
      /** The text as it was when the seller sent it; they may edit. */ text: string;
      subject?: string;
    }
  | { sent: false; reason: NotSentReason; at: Date };

export interface AssistedSendOptions {
  /** How long to wait for the seller to press Send. Default 10 minutes. */
  timeoutMs?: number;
  /** What this is for, booked with the gate (e.g. { type: 'outreach_action', id }). */
  ref?: ActionRef;
  /** How often to look at the page while waiting. Default 400 ms. */
  pollMs?: number;
  /** How long a closed dialog must stay closed, with no sent sign, to count as dismissed. Default 2 s. */
  graceMs?: number;
}

const DEFAULT_TIMEOUT_MS = 10 * 60_000;
const STEP_TIMEOUT_MS = 10_000;

function measure(text: string): number {
  return text.length;
}

/** The note as it will be sent; refuses an empty note or one over 300 characters. */
export function checkInviteNote(note: string): string {
  const text = note.trim();
  if (text === '') throw new AppFailure('invalid_input', 'The invitation note is empty.');
  if (measure(text) > INVITE_NOTE_MAX)
    throw new AppFailure(
      'invalid_input',
      `The invitation note has ${measure(text)} characters; LinkedIn allows ${INVITE_NOTE_MAX}. Shorten it by ${measure(text) - INVITE_NOTE_MAX}.`,
      { length: measure(text), max: INVITE_NOTE_MAX },
    );
  return text;
}

export function checkInMail(message: { subject: string; body: string }): { subject: string; body: string } {
  const subject = message.subject.trim();
  const body = message.body.trim();
  if (body === '') throw new AppFailure('invalid_input', 'The InMail has no text.');
  if (measure(subject) > INMAIL_SUBJECT_MAX)
    throw new AppFailure(
      'invalid_input',
      `The InMail subject has ${measure(subject)} characters; LinkedIn allows ${INMAIL_SUBJECT_MAX}.`,
    );
  if (measure(body) > INMAIL_BODY_MAX)
    throw new AppFailure(
      'invalid_input',
      `The InMail has ${measure(body)} characters; LinkedIn allows ${INMAIL_BODY_MAX}.`,
    );
  return { subject, body };
}

interface WaitRules {
  /** True once the page shows the message went out. */
  sent(): Promise<boolean>;
  /** Whether the dialog or composer is still open (the seller may be editing). */
  open(): Promise<boolean>;
  /** The current text, read while open, so the outcome has what was actually sent. */
  readText(): Promise<string | null>;
}

/** Watches the page until the seller sends, closes, or the time runs out. */
async function waitForSeller(
  driver: PageDriver,
  rules: WaitRules,
  initialText: string,
  options: AssistedSendOptions,
): Promise<AssistedSendOutcome | { sent: true; at: Date; text: string }> {
  const { page } = driver;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const graceMs = options.graceMs ?? 2000;
  const started = performance.now();
  let closedSince: number | null = null;
  let text = initialText;
  const notSent = (reason: NotSentReason): AssistedSendOutcome => ({
    sent: false,
    reason,
    at: driver.clock.now(),
  });
  for (;;) {
    if (page.isClosed()) return notSent('page_closed');
    try {
      driver.signal?.throwIfAborted();
      await driver.checkStop();
      if (await rules.sent()) return { sent: true, at: driver.clock.now(), text };
      if (await rules.open()) {
        closedSince = null;
        // Empty while LinkedIn clears the box on Send: keep what was there.
        text = (await rules.readText()) || text;
      } else {
        closedSince ??= performance.now();
        if (performance.now() - closedSince >= graceMs) return notSent('dismissed');
      }
      if (performance.now() - started >= timeoutMs) return notSent('timeout');
    } catch (error) {
      if (page.isClosed()) return notSent('page_closed');
      throw error;
    }
    // Real time, not the pacer's clock: this waits for a person at the keyboard.
    await realSleep(options.pollMs ?? 400, driver.signal);
  }
}

/**
 * The text of a rich-text editor as the sender meant it: LinkedIn's composer keeps one `<p>` per
 * line, and innerText would add blank lines between them.
 */
async function editorText(editor: Locator): Promise<string> {
  const paragraphs = editor.locator(':scope > p');
  if ((await paragraphs.count()) === 0) return (await editor.innerText({ timeout: 1000 })).trim();
  return (await paragraphs.allTextContents()).join('\n').trim();
}

/** Waits until `selector` or any notice LinkedIn might show instead is on screen (or a timeout). */
async function whicheverShows(page: Page, selector: string): Promise<void> {
  await page
    .locator(`${selector}, ${STOPS.noticeContainer}`)
    .filter({ visible: true })
    .first()
    .waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS })
    .catch(() => undefined);
}

async function firstVisible(scope: Locator, selector: string): Promise<Locator | null> {
  const match = scope.locator(selector).filter({ visible: true }).first();
  return (await match.count()) > 0 ? match : null;
}

/** Runs a send with `kind` booked; gives the unit back and tidies up unless it was sent. */
async function withBooking(
  driver: PageDriver,
  kind: ActionKind,
  ref: ActionRef | undefined,
  tidy: () => Promise<void>,
  send: () => Promise<AssistedSendOutcome>,
): Promise<AssistedSendOutcome> {
  const id = await driver.reserve(kind, ref);
  let outcome: AssistedSendOutcome | null = null;
  let stopped = false;
  try {
    outcome = await send();
    return outcome;
  } catch (error) {
    stopped = error instanceof LinkedInStop;
    throw error;
  } finally {
    if (!outcome?.sent) {
      await driver.refund(kind, id);
      // Close what we opened so a late Send cannot go out unrecorded; but leave a stop page as it
      // is, for the seller to read.
      if (!stopped && !driver.page.isClosed()) await tidy().catch(() => undefined);
    }
  }
}

async function openProfile(driver: PageDriver, urls: LinkedInUrls, profileUrl: string, ref?: ActionRef) {
  const canonical = profileUrlFromInput(profileUrl);
  if (!canonical) throw new AppFailure('invalid_input', `Not a LinkedIn profile address: ${profileUrl}`);
  await driver.visit('profile_view', urls.profile(canonical), 'profile', PROFILE.topCard, ref);
  const card = topCard(driver.page);
  return {
    card,
    actions: card.locator(PROFILE.actions),
    degree: parseDegree(await textIn(card, PROFILE.degree)),
  };
}

/**
 * Opens the profile, clicks Connect (or More → Connect), chooses "Add a note", fills in the note,
 * then waits for the seller to press Send. Books one 'invite' (and one 'profile_view'); gives the
 * invite back unless it was sent.
 */
export async function sendInviteAssisted(
  driver: PageDriver,
  urls: LinkedInUrls,
  profileUrl: string,
  note: string,
  options: AssistedSendOptions = {},
): Promise<AssistedSendOutcome> {
  const text = checkInviteNote(note);
  const { page } = driver;
  const dialog = page.locator(INVITE.dialog).filter({ visible: true }).first();
  const notSent = (reason: NotSentReason): AssistedSendOutcome => ({
    sent: false,
    reason,
    at: driver.clock.now(),
  });
  const dismiss = async () => {
    if (await dialog.isVisible()) await dialog.locator(INVITE.dismissButton).first().click({ timeout: 2000 });
  };
  return withBooking(driver, 'invite', options.ref, dismiss, async () => {
    const { actions, degree } = await openProfile(driver, urls, profileUrl, options.ref);
    if (degree === 1) return notSent('already_connected');
    if (await firstVisible(actions, PROFILE.pendingButton)) return notSent('already_pending');

    let connect = await firstVisible(actions, PROFILE.connectButton);
    if (!connect) {
      const more = await firstVisible(actions, PROFILE.moreButton);
      if (!more) return notSent('connect_unavailable');
      await driver.click(more, 'More');
      const item = actions.locator(PROFILE.connectMenuItem).filter({ visible: true }).first();
      const shown = await item.waitFor({ state: 'visible', timeout: 3000 }).then(
        () => true,
        () => false,
      );
      if (!shown) return notSent('connect_unavailable');
      connect = item;
    }
    await driver.click(connect, 'Connect');
    // A limit notice, not the invitation dialog, is what LinkedIn shows past the weekly limit.
    await whicheverShows(page, INVITE.dialog);
    await driver.checkStop();
    if (!(await dialog.isVisible()))
      throw new AppFailure('unavailable', 'LinkedIn did not open the invitation dialog.');

    await driver.click(dialog.locator(INVITE.addNoteButton).first(), 'Add a note');
    const textarea = dialog.locator(INVITE.noteTextarea).first();
    await textarea.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
    // Free accounts may get a shorter limit than 300; never let the page cut the note silently.
    const pageMax = Number(await textarea.getAttribute('maxlength'));
    if (pageMax > 0 && measure(text) > pageMax)
      throw new AppFailure(
        'invalid_input',
        `LinkedIn allows this account notes of up to ${pageMax} characters; this one has ${measure(text)}.`,
        { length: measure(text), max: pageMax },
      );
    await textarea.fill(text);
    if ((await textarea.inputValue()) !== text)
      throw new AppFailure('internal', 'The note did not go into LinkedIn’s note box as written.');

    return waitForSeller(
      driver,
      {
        sent: async () =>
          (await firstVisible(actions, PROFILE.pendingButton)) !== null ||
          (await page.locator(INVITE.sentToast).filter({ hasText: INVITE.sentToastText }).count()) > 0,
        open: () => dialog.isVisible(),
        readText: async () =>
          (await textarea.count()) > 0 ? textarea.inputValue({ timeout: 1000 }).catch(() => null) : null,
      },
      text,
      options,
    );
  });
}

/**
 * Opens the profile, clicks Message (an InMail composer for someone not connected), fills in the
 * subject and body, then waits for the seller to press Send. Books one 'inmail'.
 */
export async function sendInMailAssisted(
  driver: PageDriver,
  urls: LinkedInUrls,
  profileUrl: string,
  message: { subject: string; body: string },
  options: AssistedSendOptions = {},
): Promise<AssistedSendOutcome> {
  const { subject, body } = checkInMail(message);
  const { page } = driver;
  const composer = page.locator(INMAIL.composer).filter({ visible: true }).last();
  const notSent = (reason: NotSentReason): AssistedSendOutcome => ({
    sent: false,
    reason,
    at: driver.clock.now(),
  });
  const close = async () => {
    if (await composer.isVisible())
      await composer.locator(INMAIL.closeButton).first().click({ timeout: 2000 });
  };
  return withBooking(driver, 'inmail', options.ref, close, async () => {
    const { actions, degree } = await openProfile(driver, urls, profileUrl, options.ref);
    // A connection gets a message, not an InMail; the queue routes those as 'message'.
    if (degree === 1) return notSent('already_connected');
    const messageButton = await firstVisible(actions, PROFILE.messageButton);
    if (!messageButton) return notSent('inmail_unavailable');
    await driver.click(messageButton, 'Message');
    await whicheverShows(page, INMAIL.composer);
    await driver.checkStop();
    const subjectField = composer.locator(INMAIL.subject).first();
    if (!(await composer.isVisible()) || (await subjectField.count()) === 0)
      return notSent('inmail_unavailable');

    const sentMessages = page.locator(INMAIL.sentMessage);
    const sentBefore = await sentMessages.count();
    const bodyField = composer.locator(INMAIL.body).first();
    await subjectField.fill(subject);
    await bodyField.fill(body);
    if ((await editorText(bodyField)) !== body)
      throw new AppFailure('internal', 'The InMail did not go into LinkedIn’s message box as written.');
    let lastSubject = subject;
    const outcome = await waitForSeller(
      driver,
      {
        sent: async () => (await sentMessages.count()) > sentBefore,
        open: () => composer.isVisible(),
        readText: async () => {
          lastSubject = (await subjectField.inputValue({ timeout: 1000 }).catch(() => '')) || lastSubject;
          return editorText(bodyField).catch(() => null);
        },
      },
      body,
      options,
    );
    return outcome.sent ? { ...outcome, subject: lastSubject } : outcome;
  });
}
