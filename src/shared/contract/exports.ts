import { z } from 'zod';
import { defineCall } from './define';
import type { JobSnapshot } from '../domain/jobs';
import {
  EXPORT_TARGETS,
  type CloseAccountInfo,
  type ExportFormatInfo,
  type ExportHistoryEntry,
  type ExportHistoryItem,
  type ExportPreview,
  type ExportTarget,
} from '../domain/export';

const target = z.enum(EXPORT_TARGETS as [ExportTarget, ...ExportTarget[]]);
const tiers = z
  .array(z.enum(['HOT', 'WARM', 'COLD']))
  .max(3)
  .optional();

export const exportScopeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('approved'), tiers }).strict(),
  z.object({ kind: z.literal('all'), tiers }).strict(),
  z.object({ kind: z.literal('filter'), filterId: z.number().int().positive() }).strict(),
]);

const what = {
  target,
  scope: exportScopeSchema.default({ kind: 'approved' }),
  sinceLast: z.boolean().default(false),
};

export const exportRequestSchema = z
  .object({
    ...what,
    bom: z.boolean().default(false),
    /** A path the seller chose in the save dialog (the host checks). */
    path: z.string().min(1).max(4096),
  })
  .strict();

const columnChoice = z
  .object({ key: z.string().min(1).max(60), header: z.string().max(120), enabled: z.boolean() })
  .strict();

export const exportCalls = {
  /** Each target's columns, with the seller's saved names and choices. */
  'exports.formats': defineCall('core', z.undefined()).returns<ExportFormatInfo[]>(),
  /** Saves the seller's columns for one target (names, order, which are written). */
  'exports.saveColumns': defineCall(
    'core',
    z.object({ target, columns: z.array(columnChoice).min(1).max(80) }).strict(),
  ).returns<ExportFormatInfo>(),
  'exports.resetColumns': defineCall('core', z.object({ target }).strict()).returns<ExportFormatInfo>(),
  /** The first rows of the file and how many it would hold; nothing is written. */
  'exports.preview': defineCall(
    'core',
    z.object({ ...what, limit: z.number().int().min(1).max(100).default(20) }).strict(),
  ).returns<ExportPreview>(),
  /** Writes the file as a job; its ExportReport arrives as the job's result. */
  'exports.run': defineCall('core', exportRequestSchema).returns<JobSnapshot>(),
  'exports.history': defineCall(
    'core',
    z
      .object({ limit: z.number().int().min(1).max(500).default(50) })
      .strict()
      .optional(),
  ).returns<ExportHistoryEntry[]>(),
  /** The people one export held. */
  'exports.items': defineCall(
    'core',
    z
      .object({
        exportId: z.number().int().positive(),
        limit: z.number().int().min(1).max(1000).default(200),
      })
      .strict(),
  ).returns<ExportHistoryItem[]>(),
  /** Checks the saved Close key against Close and says whose account it is. */
  'exports.closeAccount': defineCall('core', z.undefined()).returns<CloseAccountInfo>(),
  /** Syncs a scope to Close through its API, as a job; its CloseSyncReport is the job's result. */
  'exports.closeSync': defineCall(
    'core',
    z.object({ scope: exportScopeSchema.default({ kind: 'approved' }) }).strict(),
  ).returns<JobSnapshot>(),
};

/**
 * Calls whose input names a file the app will write, and the field that holds it: the host refuses
 * any path the seller did not choose in the save dialog.
 */
export const SAVE_FILE_CALLS = {
  'exports.run': 'path',
} as const;
