import { useEffect, useRef } from 'react';
import { isTerminal, type JobSnapshot } from '@shared/domain/jobs';
import { useJobs } from '../stores/jobsStore';

/**
 * One job a page started, followed through the jobs store (which hears every job event from the
 * start, for the status area): its live snapshot while it runs, and `onEnd` once it is done,
 * failed, cancelled or interrupted — also when it ended before the page looked, which a listener
 * added after the start would miss.
 */
export function useJob(jobId: number | null, onEnd: (job: JobSnapshot) => void): JobSnapshot | null {
  const ended = useRef(onEnd);
  useEffect(() => {
    ended.current = onEnd;
  });
  useEffect(() => {
    if (jobId === null) return;
    let done = false;
    const check = (job: JobSnapshot | undefined) => {
      if (done || !job || !isTerminal(job.status)) return;
      done = true;
      ended.current(job);
    };
    check(useJobs.getState().jobs[jobId]);
    return useJobs.subscribe((state) => check(state.jobs[jobId]));
  }, [jobId]);
  return useJobs((state) => (jobId === null ? null : (state.jobs[jobId] ?? null)));
}
