import { create } from 'zustand';
import type { DedupeReport, ReviewDecision, ReviewPair } from '@shared/domain/resolution';
import { api, unwrap } from '../api';

/** What the last decision was, so U can take it back. */
type Undoable = { kind: 'merge'; mergeId: number } | { kind: 'reopen'; pairId: number };

interface ReviewState {
  status: 'pending' | 'skipped';
  pairs: ReviewPair[];
  pending: number;
  skipped: number;
  loading: boolean;
  error: string | null;
  history: Undoable[];
  lastRun: DedupeReport | null;
  running: boolean;
  load(status?: 'pending' | 'skipped'): Promise<void>;
  decide(pair: ReviewPair, decision: ReviewDecision): Promise<void>;
  undo(): Promise<void>;
  acceptAbove(minScore: number): Promise<number>;
  findDuplicates(): Promise<void>;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export const useReview = create<ReviewState>((set, get) => ({
  status: 'pending',
  pairs: [],
  pending: 0,
  skipped: 0,
  loading: false,
  error: null,
  history: [],
  lastRun: null,
  running: false,
  async load(status = get().status) {
    set({ loading: true, status });
    try {
      const queue = await unwrap(api().review.queue({ status, limit: 200 }));
      set({
        pairs: queue.pairs,
        pending: queue.pending,
        skipped: queue.skipped,
        loading: false,
        error: null,
      });
    } catch (e) {
      set({ loading: false, error: message(e) });
    }
  },
  async decide(pair, decision) {
    try {
      const { mergeId } = await unwrap(api().review.decide({ id: pair.id, decision }));
      const undoable: Undoable =
        mergeId !== null ? { kind: 'merge', mergeId } : { kind: 'reopen', pairId: pair.id };
      set((s) => ({ history: [...s.history, undoable], error: null }));
    } catch (e) {
      set({ error: message(e) });
    }
    await get().load();
  },
  async undo() {
    const last = get().history.at(-1);
    if (!last) return;
    try {
      if (last.kind === 'merge') await unwrap(api().review.undoMerge({ mergeId: last.mergeId }));
      else await unwrap(api().review.reopen({ id: last.pairId }));
      set((s) => ({ history: s.history.slice(0, -1), error: null }));
    } catch (e) {
      set({ error: message(e) });
    }
    await get().load();
  },
  async acceptAbove(minScore) {
    const { merged } = await unwrap(api().review.acceptAbove({ minScore }));
    await get().load();
    return merged;
  },
  async findDuplicates() {
    set({ running: true, error: null });
    try {
      const report = await unwrap(api().dedupe.run());
      set({ lastRun: report });
    } catch (e) {
      set({ error: message(e) });
    } finally {
      set({ running: false });
    }
    await get().load();
  },
}));
