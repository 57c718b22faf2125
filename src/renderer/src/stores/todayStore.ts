import { create } from 'zustand';
import type { DayQueue, MarkStatus, QueueItem } from '@shared/domain/outreach';
import { dateOf } from '@shared/time/zonedTime';
import { api, unwrap } from '../api';

interface TodayState {
  /** The seller's date shown; null until the core says what today is. */
  date: string | null;
  /**
   * The date the seller chose to look at; null means today, whatever day that is now: the app
   * left open overnight shows the new day's queue, not yesterday's.
   */
  picked: string | null;
  queue: DayQueue | null;
  selected: number;
  error: string | null;
  /**
   * Counts the errors shown. A queue that arrives clears the error only if none was shown after it
   * was asked for: a refetch (after a save, or another window's change) must not wipe the message
   * the seller just got for pressing C on a note that cannot go out.
   */
  errorCount: number;
  /** A short line after an action ("Ann Lee's invite marked sent."). */
  flash: string | null;
  /** Items marked from this page, latest last, so U can take the last one back. */
  history: number[];
  /** A date picks that day (today's date goes back to following the clock); null: today; none: as is. */
  load(date?: string | null): Promise<void>;
  /** Loads the new day when today has moved on (midnight passed, the computer woke) and none is picked. */
  followClock(): Promise<void>;
  move(delta: number): void;
  select(index: number): void;
  mark(item: QueueItem, status: MarkStatus): Promise<boolean>;
  undo(): Promise<void>;
  setError(error: string | null): void;
  setFlash(flash: string | null): void;
}

/** Today's date, "YYYY-MM-DD", in the seller's time zone: the core's own dateOf, so both agree. */
export const todayIn = (timeZone: string, now = new Date()): string => dateOf(now, timeZone);

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));
const STATUS_WORDS: Record<MarkStatus, string> = {
  sent: 'marked sent',
  skipped: 'skipped',
  snoozed: 'snoozed to the next working day',
  accepted: 'marked accepted',
  replied: 'marked replied',
  no_response: 'marked no response',
  withdrawn: 'marked withdrawn',
};

export const useToday = create<TodayState>((set, get) => ({
  date: null,
  picked: null,
  queue: null,
  selected: 0,
  error: null,
  errorCount: 0,
  flash: null,
  history: [],
  async load(date) {
    const zone = get().queue?.timeZone;
    const picked =
      date === undefined ? get().picked : date && (!zone || date !== todayIn(zone)) ? date : null;
    set({ picked });
    const errorsBefore = get().errorCount;
    try {
      const queue = await unwrap(api().outreach.queue(picked ? { date: picked } : {}));
      // A newer pick may have been made while this one was on its way.
      if (get().picked !== picked) return;
      set((s) => ({
        queue,
        date: queue.date,
        selected: Math.min(s.selected, Math.max(0, queue.items.length - 1)),
        error: s.errorCount === errorsBefore ? null : s.error,
      }));
    } catch (e) {
      get().setError(message(e));
    }
  },
  async followClock() {
    const { picked, queue } = get();
    if (picked !== null || !queue || todayIn(queue.timeZone) === queue.date) return;
    await get().load();
  },
  move(delta) {
    const count = get().queue?.items.length ?? 0;
    if (count === 0) return;
    set((s) => ({ selected: Math.min(count - 1, Math.max(0, s.selected + delta)) }));
  },
  select(index) {
    set({ selected: index });
  },
  async mark(item, status) {
    try {
      await unwrap(api().outreach.mark({ id: item.id, status }));
      set((s) => ({
        history: [...s.history, item.id],
        error: null,
        flash: `${item.name}: ${STATUS_WORDS[status]}.`,
      }));
      await get().load();
      return true;
    } catch (e) {
      get().setError(message(e));
      set({ flash: null });
      return false;
    }
  },
  async undo() {
    const last = get().history.at(-1);
    if (last === undefined) return;
    try {
      const item = await unwrap(api().outreach.undo({ id: last }));
      set((s) => ({
        history: s.history.slice(0, -1),
        error: null,
        flash: `Undone: ${item.name} is ${item.status} again.`,
      }));
    } catch (e) {
      get().setError(message(e));
    }
    await get().load();
  },
  setError(error) {
    set((s) => ({ error, errorCount: error === null ? s.errorCount : s.errorCount + 1 }));
  },
  setFlash(flash) {
    set({ flash });
  },
}));
