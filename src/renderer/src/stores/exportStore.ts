import { create } from 'zustand';
import type {
  ExportColumnChoice,
  ExportFormatInfo,
  ExportHistoryEntry,
  ExportPreview,
  ExportReport,
  ExportScope,
  ExportTarget,
} from '@shared/domain/export';
import type { SavedFilter } from '@shared/domain/records';
import type { Tier } from '@shared/domain/settings/scoring';
import type { JobSnapshot } from '@shared/domain/jobs';
import { api, unwrap } from '../api';

export type ScopeChoice = 'approved' | 'tier' | 'filter' | 'all';

interface ExportState {
  formats: ExportFormatInfo[];
  filters: SavedFilter[];
  target: ExportTarget;
  scopeChoice: ScopeChoice;
  tier: Tier;
  filterId: number | null;
  sinceLast: boolean;
  bom: boolean;
  path: string | null;
  preview: ExportPreview | null;
  previewError: string | null;
  jobId: number | null;
  report: ExportReport | null;
  error: string | null;
  history: ExportHistoryEntry[];
  load(): Promise<void>;
  change(
    patch: Partial<Pick<ExportState, 'target' | 'scopeChoice' | 'tier' | 'filterId' | 'sinceLast' | 'bom'>>,
  ): void;
  refreshPreview(): Promise<void>;
  chooseFile(): Promise<void>;
  run(): Promise<void>;
  saveColumns(columns: ExportColumnChoice[]): Promise<void>;
  resetColumns(): Promise<void>;
  loadHistory(): Promise<void>;
  listen(): () => void;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function scopeOf(state: Pick<ExportState, 'scopeChoice' | 'tier' | 'filterId'>): ExportScope | null {
  switch (state.scopeChoice) {
    case 'approved':
      return { kind: 'approved' };
    case 'all':
      return { kind: 'all' };
    case 'tier':
      return { kind: 'all', tiers: [state.tier] };
    case 'filter':
      return state.filterId === null ? null : { kind: 'filter', filterId: state.filterId };
  }
}

// Answers to an older preview request are dropped: the seller may click faster than it answers.
let previewSeq = 0;

/** The Export page: what to export, where, the preview, the run and the history. */
export const useExport = create<ExportState>((set, get) => ({
  formats: [],
  filters: [],
  target: 'close',
  scopeChoice: 'approved',
  tier: 'HOT',
  filterId: null,
  sinceLast: false,
  bom: false,
  path: null,
  preview: null,
  previewError: null,
  jobId: null,
  report: null,
  error: null,
  history: [],
  async load() {
    const [formats, filters] = await Promise.all([
      unwrap(api().exports.formats()),
      unwrap(api().filters.list()),
    ]);
    const contactFilters = filters.filter((f) => f.kind === 'contact');
    set({ formats, filters: contactFilters, filterId: get().filterId ?? contactFilters[0]?.id ?? null });
    await Promise.all([get().refreshPreview(), get().loadHistory()]);
  },
  change(patch) {
    // Another target or scope is another file: the chosen path and the last report no longer apply.
    const resetPath = patch.target !== undefined && patch.target !== get().target;
    set({ ...patch, report: null, error: null, ...(resetPath ? { path: null } : {}) });
    void get().refreshPreview();
  },
  async refreshPreview() {
    const scope = scopeOf(get());
    const seq = ++previewSeq;
    if (!scope) {
      set({ preview: null, previewError: 'Save a filter on the Companies & contacts page first.' });
      return;
    }
    try {
      const preview = await unwrap(
        api().exports.preview({ target: get().target, scope, sinceLast: get().sinceLast, limit: 20 }),
      );
      if (seq === previewSeq) set({ preview, previewError: null });
    } catch (e) {
      if (seq === previewSeq) set({ preview: null, previewError: message(e) });
    }
  },
  async chooseFile() {
    const format = get().formats.find((f) => f.target === get().target);
    const suggested = {
      close: 'close-leads.csv',
      hubspot: 'hubspot-contacts.csv',
      salesforce: 'salesforce-leads.csv',
      generic: 'prospect-desk-leads.csv',
    }[get().target];
    try {
      const path = await unwrap(
        api().system.pickSavePath({
          title: `Save the ${format?.label ?? ''} export as`,
          defaultName: suggested,
        }),
      );
      if (path) set({ path, report: null, error: null });
    } catch (e) {
      set({ error: message(e) });
    }
  },
  async run() {
    const { target, sinceLast, bom, path } = get();
    const scope = scopeOf(get());
    if (!path || !scope) return;
    try {
      const job = await unwrap(api().exports.run({ target, scope, sinceLast, bom, path }));
      set({ jobId: job.id, report: null, error: null });
    } catch (e) {
      set({ error: message(e) });
    }
  },
  async saveColumns(columns) {
    const info = await unwrap(api().exports.saveColumns({ target: get().target, columns }));
    set((s) => ({ formats: s.formats.map((f) => (f.target === info.target ? info : f)) }));
    await get().refreshPreview();
  },
  async resetColumns() {
    const info = await unwrap(api().exports.resetColumns({ target: get().target }));
    set((s) => ({ formats: s.formats.map((f) => (f.target === info.target ? info : f)) }));
    await get().refreshPreview();
  },
  async loadHistory() {
    set({ history: await unwrap(api().exports.history({ limit: 50 })) });
  },
  listen() {
    const finish = (job: JobSnapshot) => {
      if (job.id !== get().jobId) return;
      if (job.status === 'done') set({ jobId: null, report: job.result as ExportReport });
      else if (job.status === 'cancelled')
        set({ jobId: null, error: 'The export was cancelled; no file was written.' });
      else if (job.status === 'failed') set({ jobId: null, error: job.error });
      void get().loadHistory();
      void get().refreshPreview();
    };
    const offJob = api().on('job', ({ job }) => {
      if (['done', 'failed', 'cancelled'].includes(job.status)) finish(job);
    });
    const offData = api().on('data.changed', () => {
      void get().refreshPreview();
      void get().loadHistory();
    });
    return () => {
      offJob();
      offData();
    };
  },
}));
