import { z } from 'zod';
import { defineCall } from './define';
import { FIELD_IDS, type FieldId } from '../domain/import/fields';
import {
  PROBLEM_KINDS,
  type ImportBatchSummary,
  type ImportReport,
  type InspectResult,
} from '../domain/import/types';
import type { JobSnapshot } from '../domain/jobs';

const fieldId = z.enum(FIELD_IDS as [FieldId, ...FieldId[]]);
const sourceKind = z.enum(['license_roster', 'gtm_list', 'linkedin_connections', 'crm_export', 'other']);

/** How to read a file: the seller's choices in the wizard (everything else is found automatically). */
export const readChoiceSchema = z
  .object({
    /** A path the seller chose in the dialog or dropped on the window (the host checks). */
    path: z.string().min(1).max(4096),
    sheet: z.string().max(255).nullable().optional(),
    noHeader: z.boolean().optional(),
    headerRow: z.number().int().min(1).max(1000).nullable().optional(),
    profile: z.string().max(200).nullable().optional(),
    /** Column index → field, or null to leave the column out. */
    mapping: z.record(z.string().regex(/^\d+$/), fieldId.nullable()).optional(),
    sourceKind: sourceKind.optional(),
  })
  .strict();

export const importOptionsSchema = readChoiceSchema
  .extend({ problemActions: z.partialRecord(z.enum(PROBLEM_KINDS), z.enum(['skip', 'flag'])).optional() })
  .strict();

export interface ProfileSummary {
  id: string;
  label: string;
  sourceKind: string;
  builtIn: boolean;
  headerless: boolean;
}

const batchId = z.object({ batchId: z.number().int().positive() }).strict();

export const importCalls = {
  /** Reads the first rows of a file and proposes a mapping. */
  'imports.inspect': defineCall('core', readChoiceSchema).returns<InspectResult>(),
  /** A dry run over the whole file: what importing it would do, and every problem by kind. */
  'imports.preview': defineCall('core', importOptionsSchema).returns<ImportReport>(),
  /** Starts the import as a job; its report arrives as the job's result. */
  'imports.commit': defineCall('core', importOptionsSchema).returns<JobSnapshot>(),
  'imports.history': defineCall(
    'core',
    z
      .object({ limit: z.number().int().min(1).max(500).default(50) })
      .strict()
      .optional(),
  ).returns<ImportBatchSummary[]>(),
  'imports.undo': defineCall('core', batchId).returns<{
    batchId: number;
    companiesRemoved: number;
    contactsRemoved: number;
    recordsRestored: number;
  }>(),
  'imports.profiles': defineCall('core', z.undefined()).returns<ProfileSummary[]>(),
};

/** Calls whose input names a file on disk, and the field that holds it (see the host's file grant). */
export const USER_FILE_CALLS = {
  'imports.inspect': 'path',
  'imports.preview': 'path',
  'imports.commit': 'path',
  'suppressions.import': 'path',
} as const;
