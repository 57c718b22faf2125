import { create } from 'zustand';
import type { DayQueue, MarkStatus, QueueItem } from '@shared/domain/outreach';
import { api, unwrap } from '../api';

interface TodayState {
  /** The seller's date shown; null until the core says what today is. */
  date: string | null;
  queue: DayQueue | null;
  selected: number;
  error: string | null;
  /** A short line after an action ("Ann Lee's invite marked sent."). */
  flash: string | null;
  /** Items marked from this page, latest last, so U can take the last one back. */
  history: number[];
  load(date?: string | null): Promise<void>;
  move(delta: number): void;
  select(index: number): void;
  mark(item: QueueItem, status: MarkStatus): Promise<boolean>;
  undo(): Promise<void>;
  setError(error: string | null): void;
  setFlash(flash: string | null): void;
}

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
  queue: null,
  selected: 0,
  error: null,
  flash: null,
  history: [],
  async load(date = get().date) {
    try {
      const queue = await unwrap(api().outreach.queue(date ? { date } : {}));
      set((s) => ({
        queue,
        date: queue.date,
        selected: Math.min(s.selected, Math.max(0, queue.items.length - 1)),
        error: null,
      }));
    } catch (e) {
      set({ error: message(e) });
    }
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
      set({ error: message(e), flash: null });
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
      set({ error: message(e) });
    }
    await get().load();
  },
  setError(error) {
    set({ error });
  },
  setFlash(flash) {
    set({ flash });
  },
}));
