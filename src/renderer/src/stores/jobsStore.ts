import { create } from 'zustand';
import type { JobSnapshot } from '@shared/domain/jobs';
import { isTerminal } from '@shared/domain/jobs';
import { api, unwrap } from '../api';

/**
 * Jobs the status area shows: everything queued or running, and what ended in the last minute
 * (so a seller sees "done" or "cancelled" before it goes away). Fed by the core's job events.
 */
interface JobsState {
  jobs: Record<number, JobSnapshot>;
  start(): () => void;
  cancel(id: number): Promise<void>;
}

// Long enough to read "done" or "cancelled"; a failure stays until the seller has seen it twice as long.
const KEEP_FINISHED_MS = 10_000;

export const useJobs = create<JobsState>((set) => ({
  jobs: {},
  start() {
    const put = (job: JobSnapshot) => set((state) => ({ jobs: { ...state.jobs, [job.id]: job } }));
    void unwrap(api().jobs.list({ limit: 10 })).then((jobs) => {
      for (const job of jobs) if (!isTerminal(job.status)) put(job);
    });
    const off = api().on('job', ({ job }) => {
      put(job);
      if (isTerminal(job.status)) {
        const keep = job.status === 'failed' ? KEEP_FINISHED_MS * 2 : KEEP_FINISHED_MS;
        setTimeout(() => {
          set((state) => {
            const { [job.id]: _ended, ...rest } = state.jobs;
            return { jobs: rest };
          });
        }, keep);
      }
    });
    return off;
  },
  async cancel(id) {
    await unwrap(api().jobs.cancel({ id }));
  },
}));

export const selectVisibleJobs = (state: JobsState): JobSnapshot[] =>
  Object.values(state.jobs).sort((a, b) => b.id - a.id);
