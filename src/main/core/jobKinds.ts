import type { AnyJobDefinition } from './jobs/registry';
import { importJob, inspectJob, undoImportJob } from './import/jobs';
import { dedupeJob } from './resolution/jobs';
import { scoreJob } from './scoring/jobs';
import { closeSyncJob, exportJob, exportPreviewJob } from './export/jobs';
import { eraseJob, retentionJob } from './privacy/jobs';
import { enrichJob } from './enrich/jobs';

/**
 * Every job kind built into the app. The core worker, the job worker and the CLI all read this
 * list, so they know the same kinds. Each feature adds its job here.
 */
export const BUILT_IN_JOBS: readonly AnyJobDefinition[] = [
  inspectJob,
  importJob,
  undoImportJob,
  dedupeJob,
  scoreJob,
  exportJob,
  exportPreviewJob,
  closeSyncJob,
  retentionJob,
  eraseJob,
  enrichJob,
];
