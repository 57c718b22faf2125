import { z } from 'zod';
import { defineCall } from './define';

export type SuppressionKind = 'email' | 'domain' | 'linkedin';

export interface SuppressionView {
  id: number;
  kind: SuppressionKind;
  value: string;
  reason: string | null;
  createdAt: string;
  /** Contacts this entry keeps out of the plan, the queue and exports. */
  contacts: number;
}

export interface SuppressionAddReport {
  added: number;
  alreadyListed: number;
  invalid: { kind: SuppressionKind; value: string }[];
}

export interface SuppressionImportReport extends SuppressionAddReport {
  fileName: string;
  rows: number;
  unrecognised: { row: number; text: string }[];
  unrecognisedCount: number;
}

const kind = z.enum(['email', 'domain', 'linkedin']);

export const suppressionCalls = {
  'suppressions.list': defineCall('core', z.undefined()).returns<SuppressionView[]>(),
  /** Adds entries; a value with no kind is read as an email, a domain or a LinkedIn profile. */
  'suppressions.add': defineCall(
    'core',
    z
      .object({
        entries: z
          .array(
            z
              .object({
                kind: kind.optional(),
                value: z.string().min(1).max(500),
                reason: z.string().max(300).nullable().optional(),
              })
              .strict(),
          )
          .min(1)
          .max(10_000),
      })
      .strict(),
  ).returns<SuppressionAddReport>(),
  'suppressions.remove': defineCall(
    'core',
    z.object({ id: z.number().int().positive() }).strict(),
  ).returns<void>(),
  /** Reads a list from a file the seller chose (the host checks the file was given to the app). */
  'suppressions.import': defineCall(
    'core',
    z.object({ path: z.string().min(1).max(4096) }).strict(),
  ).returns<SuppressionImportReport>(),
};
