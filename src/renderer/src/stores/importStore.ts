import { create } from 'zustand';
import type { FieldId } from '@shared/domain/import/fields';
import type {
  ImportBatchSummary,
  ImportReport,
  InspectResult,
  ProblemAction,
  ProblemKind,
} from '@shared/domain/import/types';
import type { JobSnapshot } from '@shared/domain/jobs';
import { api, unwrap } from '../api';

export type Step = 'reading' | 'mapping' | 'checking' | 'review' | 'importing' | 'done' | 'failed';

/** One file in the import queue, and where the seller is with it in the wizard. */
export interface QueueItem {
  key: string;
  path: string;
  fileName: string;
  step: Step;
  inspect: InspectResult | null;
  sheet: string | null;
  noHeader: boolean;
  profile: string | null;
  /** The seller's own changes to the mapping: column → field (null: leave out). */
  mapping: Record<number, FieldId | null>;
  preview: ImportReport | null;
  problemActions: Partial<Record<ProblemKind, ProblemAction>>;
  jobId: number | null;
  report: ImportReport | null;
  error: string | null;
}

interface ImportState {
  items: QueueItem[];
  selected: string | null;
  history: ImportBatchSummary[];
  addPaths(paths: string[]): void;
  select(key: string): void;
  remove(key: string): void;
  setReading(
    key: string,
    change: { sheet?: string | null; noHeader?: boolean; profile?: string | null },
  ): Promise<void>;
  setField(key: string, column: number, field: FieldId | null): void;
  check(key: string): Promise<void>;
  backToMapping(key: string): void;
  setProblemAction(key: string, kind: ProblemKind, action: ProblemAction): void;
  commit(key: string): Promise<void>;
  undo(batchId: number): Promise<void>;
  loadHistory(): Promise<void>;
  listen(): () => void;
}

let counter = 0;
const fileName = (path: string) => path.split(/[\\/]/).pop() ?? path;
const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export const useImports = create<ImportState>((set, get) => {
  const patch = (key: string, change: Partial<QueueItem>) =>
    set((state) => ({
      items: state.items.map((item) => (item.key === key ? { ...item, ...change } : item)),
    }));
  const item = (key: string) => get().items.find((i) => i.key === key);
  const readOptions = (it: QueueItem) => ({
    path: it.path,
    sheet: it.sheet,
    noHeader: it.noHeader,
    profile: it.profile,
    mapping: Object.fromEntries(Object.entries(it.mapping).map(([c, f]) => [String(c), f])),
  });

  const inspect = async (key: string) => {
    const it = item(key);
    if (!it) return;
    patch(key, { step: 'reading', error: null, preview: null });
    try {
      const result = await unwrap(api().imports.inspect(readOptions(it)));
      patch(key, { inspect: result, step: 'mapping', sheet: result.sheet, profile: it.profile });
    } catch (e) {
      patch(key, { step: 'failed', error: message(e) });
    }
  };

  return {
    items: [],
    selected: null,
    history: [],
    addPaths(paths) {
      const added: QueueItem[] = paths.map((path) => ({
        key: `file-${++counter}`,
        path,
        fileName: fileName(path),
        step: 'reading',
        inspect: null,
        sheet: null,
        noHeader: false,
        profile: null,
        mapping: {},
        preview: null,
        problemActions: {},
        jobId: null,
        report: null,
        error: null,
      }));
      set((state) => ({
        items: [...state.items, ...added],
        selected: state.selected ?? added[0]?.key ?? null,
      }));
      // One file at a time: the first is ready to map while the others are read.
      void added.reduce((chain, it) => chain.then(() => inspect(it.key)), Promise.resolve());
    },
    select: (key) => set({ selected: key }),
    remove: (key) =>
      set((state) => {
        const items = state.items.filter((i) => i.key !== key);
        return { items, selected: state.selected === key ? (items[0]?.key ?? null) : state.selected };
      }),
    async setReading(key, change) {
      // Another sheet or header choice changes the columns, so the seller's column choices go.
      patch(key, { ...change, mapping: {} });
      await inspect(key);
    },
    setField(key, column, field) {
      const it = item(key);
      if (!it) return;
      patch(key, { mapping: { ...it.mapping, [column]: field }, preview: null });
    },
    async check(key) {
      const it = item(key);
      if (!it) return;
      patch(key, { step: 'checking', error: null });
      try {
        const preview = await unwrap(
          api().imports.preview({ ...readOptions(it), problemActions: it.problemActions }),
        );
        patch(key, { preview, step: 'review' });
      } catch (e) {
        patch(key, { step: 'mapping', error: message(e) });
      }
    },
    backToMapping: (key) => patch(key, { step: 'mapping', preview: null }),
    setProblemAction(key, kind, action) {
      const it = item(key);
      if (!it) return;
      patch(key, { problemActions: { ...it.problemActions, [kind]: action } });
    },
    async commit(key) {
      const it = item(key);
      if (!it) return;
      try {
        const job = await unwrap(
          api().imports.commit({ ...readOptions(it), problemActions: it.problemActions }),
        );
        patch(key, { step: 'importing', jobId: job.id, error: null });
      } catch (e) {
        patch(key, { error: message(e) });
      }
    },
    async undo(batchId) {
      await unwrap(api().imports.undo({ batchId }));
      await get().loadHistory();
    },
    async loadHistory() {
      set({ history: await unwrap(api().imports.history({ limit: 50 })) });
    },
    listen() {
      const finish = (job: JobSnapshot) => {
        const it = get().items.find((i) => i.jobId === job.id);
        if (!it) return;
        if (job.status === 'done') patch(it.key, { step: 'done', report: job.result as ImportReport });
        else if (job.status === 'cancelled')
          patch(it.key, {
            step: 'review',
            jobId: null,
            error: 'The import was cancelled; nothing was changed.',
          });
        else if (job.status === 'failed') patch(it.key, { step: 'failed', error: job.error });
        void get().loadHistory();
      };
      const offJob = api().on('job', ({ job }) => {
        if (job.kind === 'import' && ['done', 'failed', 'cancelled'].includes(job.status)) finish(job);
      });
      const offData = api().on('data.changed', () => void get().loadHistory());
      return () => {
        offJob();
        offData();
      };
    },
  };
});
