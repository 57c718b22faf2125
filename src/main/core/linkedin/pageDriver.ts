import type { Locator, Page } from 'playwright-core';
import { AppFailure } from '@shared/contract/result';
import type { Clock } from '../clock';
import { ActionRefused, type ActionGate, type ActionKind, type ActionRef } from '../safety/actionGate';
import type { PageKind, Pacer } from '../safety/pacing';
import { detectStop, type LinkedInStop } from './stop';

/** What the session did, in order; the app logs it, tests check pacing and order with it. */
export type SessionActivity =
  | { type: 'task_started'; task: string; at: Date }
  | { type: 'task_ended'; task: string; at: Date }
  | { type: 'paused'; ms: number; at: Date }
  | { type: 'reserved'; kind: ActionKind; at: Date }
  | { type: 'refunded'; kind: ActionKind; at: Date }
  | { type: 'navigated'; kind: ActionKind; url: string; at: Date }
  | { type: 'clicked'; what: string; at: Date }
  | { type: 'dwelled'; ms: number; at: Date }
  | { type: 'stopped'; stop: LinkedInStop; at: Date };

export interface DriverServices {
  gate: ActionGate;
  pacer: Pacer;
  clock: Clock;
  emit(activity: SessionActivity): void;
  /** Latches the stop on the session, so nothing runs until the seller clears it. */
  onStop(stop: LinkedInStop): Promise<void>;
}

/** How long a LinkedIn page may take to show what we came for, after it has loaded. */
const READY_TIMEOUT_MS = 15_000;

/**
 * The page, lent to one task at a time by the session's lock. Every visit and every click that
 * loads new people goes through here: pause, ask the gate, act, check for a stop, dwell.
 */
export class PageDriver {
  constructor(
    readonly page: Page,
    private readonly services: DriverServices,
    readonly signal: AbortSignal | undefined,
  ) {}

  get clock(): Clock {
    return this.services.clock;
  }

  emit(activity: SessionActivity): void {
    this.services.emit(activity);
  }

  /** Books one unit of `kind`, or throws ActionRefused (the caller pauses until `retryAt`). */
  async reserve(kind: ActionKind, ref?: ActionRef): Promise<number> {
    const decision = await this.services.gate.reserve(kind, ref);
    if (!decision.ok) throw new ActionRefused(kind, decision);
    this.emit({ type: 'reserved', kind, at: this.clock.now() });
    return decision.id;
  }

  async refund(kind: ActionKind, id: number): Promise<void> {
    await this.services.gate.refund(id);
    this.emit({ type: 'refunded', kind, at: this.clock.now() });
  }

  private async pause(): Promise<void> {
    const ms = await this.services.pacer.beforeAction(this.signal);
    if (ms > 0) this.emit({ type: 'paused', ms, at: this.clock.now() });
  }

  private async dwell(kind: PageKind): Promise<void> {
    const ms = await this.services.pacer.dwell(kind, this.signal, async () => {
      // A reader scrolls; it also makes LinkedIn render lazily loaded cards.
      await this.page.mouse.wheel(0, 600).catch(() => undefined);
    });
    this.emit({ type: 'dwelled', ms, at: this.clock.now() });
  }

  /** Throws (and latches) a LinkedInStop if the page shows one. */
  async checkStop(): Promise<void> {
    const stop = await detectStop(this.page);
    if (!stop) return;
    this.emit({ type: 'stopped', stop, at: this.clock.now() });
    await this.services.onStop(stop);
    throw stop;
  }

  /** Waits for `selector` to show; if it does not, a stop page is the likelier reason. */
  async waitReady(selector: string, what: string): Promise<void> {
    try {
      await this.page.locator(selector).first().waitFor({ state: 'attached', timeout: READY_TIMEOUT_MS });
    } catch {
      await this.checkStop();
      throw new AppFailure(
        'unavailable',
        `LinkedIn's page did not show ${what} (${this.page.url()}). Its layout may have changed; see linkedin/selectors.ts.`,
      );
    }
  }

  /**
   * Goes to `url` as one action of `kind`: pause, book, load, check for a stop, wait for `ready`,
   * dwell. A load that fails before reaching LinkedIn gives the unit back.
   */
  async visit(
    kind: ActionKind,
    url: string,
    pageKind: PageKind,
    ready: string,
    ref?: ActionRef,
  ): Promise<void> {
    this.signal?.throwIfAborted();
    try {
      await this.pause();
      const id = await this.reserve(kind, ref);
      try {
        await this.page.goto(url, { waitUntil: 'domcontentloaded' });
      } catch (error) {
        await this.refund(kind, id);
        throw error;
      }
      this.emit({ type: 'navigated', kind, url: this.page.url(), at: this.clock.now() });
      await this.checkStop();
      await this.waitReady(ready, pageKind.replace('_', ' '));
      await this.dwell(pageKind);
      await this.checkStop();
    } finally {
      this.services.pacer.actionEnded();
    }
  }

  /**
   * A click that loads more people (Next, Show more results) as one action of `kind`; `loaded`
   * resolves when the new people are on the page.
   */
  async clickForMore(
    kind: ActionKind,
    target: Locator,
    what: string,
    pageKind: PageKind,
    loaded: () => Promise<void>,
  ): Promise<void> {
    this.signal?.throwIfAborted();
    try {
      await this.pause();
      await this.reserve(kind);
      await target.click();
      this.emit({ type: 'clicked', what, at: this.clock.now() });
      await loaded();
      await this.checkStop();
      await this.dwell(pageKind);
    } finally {
      this.services.pacer.actionEnded();
    }
  }

  /** A click within an action (Connect, Add a note), after a short human hesitation. */
  async click(target: Locator, what: string): Promise<void> {
    await this.services.pacer.hesitate(this.signal);
    await target.click();
    this.emit({ type: 'clicked', what, at: this.clock.now() });
  }
}
