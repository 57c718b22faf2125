import { setTimeout as delay } from 'node:timers/promises';
import { systemClock, type Clock } from '../clock';

/** Waits `ms`, or rejects with the signal's reason when it is aborted first. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export const realSleep: Sleep = async (ms, signal) => {
  try {
    await delay(ms, undefined, { signal });
  } catch (error) {
    // Node rejects with a generic AbortError; callers expect the reason they aborted with.
    signal?.throwIfAborted();
    throw error;
  }
};

/** A number in [0, 1), like Math.random; tests pass a fixed sequence. */
export type RandomSource = () => number;

/** What kind of page the seller would be reading, for how long they would look at it. */
export type PageKind = 'search_results' | 'company_people' | 'profile' | 'list' | 'composer';

const PAGE_KINDS: readonly PageKind[] = ['search_results', 'company_people', 'profile', 'list', 'composer'];

export type Range = readonly [min: number, max: number];

export interface PacingOptions {
  /** Gap between two actions, from the end of one to the start of the next. Default 2–5 s. */
  pauseMs?: Range;
  /** How long a page stays in front of the "reader" after it loads, per kind of page. */
  dwellMs?: Partial<Record<PageKind, Range>>;
  /** The short hesitation between two clicks within one action (Connect → Add a note). */
  hesitateMs?: Range;
  random?: RandomSource;
  clock?: Clock;
  sleep?: Sleep;
}

export const DEFAULT_PAUSE_MS: Range = [2000, 5000];
export const DEFAULT_HESITATE_MS: Range = [600, 1800];
/** Roughly how long a person skims each kind of page; a results page is read, a profile studied. */
export const DEFAULT_DWELL_MS: Record<PageKind, Range> = {
  search_results: [4000, 9000],
  company_people: [4000, 9000],
  profile: [5000, 12000],
  list: [3000, 7000],
  composer: [1000, 2500],
};

export function randomBetween([min, max]: Range, random: RandomSource): number {
  return Math.round(min + (max - min) * random());
}

/**
 * Human pacing for one browser: a random pause between actions and a dwell on each page. Time comes
 * from the injected clock and passes through the injected sleep, so a test with a fake clock runs
 * instantly and can check every pause. The pause counts from when the previous action ended, so
 * time already spent elsewhere (the seller reading a dialog) counts towards it.
 */
export class Pacer {
  readonly pauseMs: Range;
  readonly hesitateMs: Range;
  readonly dwellMs: Record<PageKind, Range>;
  private readonly random: RandomSource;
  private readonly clock: Clock;
  private readonly sleep: Sleep;
  private lastActionEnded: number | null = null;

  constructor(options: PacingOptions = {}) {
    this.pauseMs = checkRange(options.pauseMs ?? DEFAULT_PAUSE_MS, 'pause');
    this.hesitateMs = checkRange(options.hesitateMs ?? DEFAULT_HESITATE_MS, 'hesitation');
    this.dwellMs = { ...DEFAULT_DWELL_MS };
    for (const kind of PAGE_KINDS) {
      const range = options.dwellMs?.[kind];
      if (range) this.dwellMs[kind] = checkRange(range, `${kind} dwell`);
    }
    this.random = options.random ?? Math.random;
    this.clock = options.clock ?? systemClock;
    this.sleep = options.sleep ?? realSleep;
  }

  /** Waits out the rest of a random 2–5 s gap since the last action; returns the ms waited. */
  async beforeAction(signal?: AbortSignal): Promise<number> {
    signal?.throwIfAborted();
    if (this.lastActionEnded === null) return 0;
    const gap = randomBetween(this.pauseMs, this.random);
    const wait = Math.max(0, gap - (this.clock.now().getTime() - this.lastActionEnded));
    if (wait > 0) await this.sleep(wait, signal);
    return wait;
  }

  /** Call when an action is over (also when it failed): the next pause counts from here. */
  actionEnded(): void {
    this.lastActionEnded = this.clock.now().getTime();
  }

  /** Stays on the page; `onStep` runs halfway through (the session scrolls there). */
  async dwell(kind: PageKind, signal?: AbortSignal, onStep?: () => Promise<void>): Promise<number> {
    const total = randomBetween(this.dwellMs[kind], this.random);
    const first = Math.round(total / 2);
    await this.sleep(first, signal);
    if (onStep) await onStep();
    await this.sleep(total - first, signal);
    return total;
  }

  async hesitate(signal?: AbortSignal): Promise<number> {
    const ms = randomBetween(this.hesitateMs, this.random);
    await this.sleep(ms, signal);
    return ms;
  }
}

function checkRange(range: Range, label: string): Range {
  const [min, max] = range;
  if (!(Number.isFinite(min) && Number.isFinite(max) && min >= 0 && max >= min))
    throw new RangeError(`The ${label} range must be two numbers of ms, min ≤ max (got ${min}–${max}).`);
  return [min, max];
}
