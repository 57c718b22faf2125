import { z } from 'zod';
import { defineCall } from './define';

/** How the Companies list can be ordered (the list, and a discovery run over its first N). */
export const companySortSchema = z.enum(['name', 'city', 'state', 'icp', 'updated']);
export type CompanySortKey = z.infer<typeof companySortSchema>;
import type {
  CompanyDetail,
  CompanyRowView,
  ContactDetail,
  ContactRowView,
  RecordsPage,
  SavedFilter,
} from '../domain/records';
import { scoringSettingsSchema, type Tier } from '../domain/settings/scoring';

const id = z.number().int().positive();
const tier = z.enum(['HOT', 'WARM', 'COLD']);
const short = z.string().max(200);

export const contactFilterSchema = z
  .object({
    search: short.optional(),
    tiers: z.array(tier).max(3).optional(),
    statuses: z
      .array(z.enum(['new', 'approved', 'rejected', 'changed']))
      .max(4)
      .optional(),
    sources: z
      .array(z.enum(['import', 'connection', 'search', 'company_page']))
      .max(4)
      .optional(),
    states: z.array(short).max(60).optional(),
    batchId: id.optional(),
    hasEmail: z.boolean().optional(),
    inCrm: z.boolean().optional(),
    atl: z.boolean().optional(),
    companyId: id.optional(),
    suppressed: z.boolean().optional(),
  })
  .strict();

export const companyFilterSchema = z
  .object({
    search: short.optional(),
    states: z.array(short).max(60).optional(),
    batchId: id.optional(),
    inCrm: z.boolean().optional(),
    hasContacts: z.boolean().optional(),
  })
  .strict();

const page = {
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
};

export interface Facets {
  states: string[];
  imports: { id: number; fileName: string }[];
}

export const recordCalls = {
  'records.contacts': defineCall(
    'core',
    z
      .object({
        filter: contactFilterSchema.default({}),
        sort: z.enum(['score', 'name', 'company', 'title', 'updated']).default('score'),
        direction: z.enum(['asc', 'desc']).default('desc'),
        ...page,
      })
      .strict(),
  ).returns<RecordsPage<ContactRowView>>(),
  'records.companies': defineCall(
    'core',
    z
      .object({
        filter: companyFilterSchema.default({}),
        sort: companySortSchema.default('name'),
        direction: z.enum(['asc', 'desc']).default('asc'),
        ...page,
      })
      .strict(),
  ).returns<RecordsPage<CompanyRowView>>(),
  'records.contact': defineCall('core', z.object({ id }).strict()).returns<ContactDetail>(),
  'records.company': defineCall('core', z.object({ id }).strict()).returns<CompanyDetail>(),
  'records.updateContact': defineCall(
    'core',
    z
      .object({
        id,
        changes: z
          .object({
            fullName: z.string().min(1).max(200).optional(),
            title: z.string().max(200).nullable().optional(),
            email: z.string().max(320).nullable().optional(),
            linkedinUrl: z.string().max(500).nullable().optional(),
            phone: z.string().max(60).nullable().optional(),
          })
          .strict(),
      })
      .strict(),
  ).returns<ContactDetail>(),
  'records.facets': defineCall('core', z.undefined()).returns<Facets>(),
  'filters.list': defineCall('core', z.undefined()).returns<SavedFilter[]>(),
  'filters.save': defineCall(
    'core',
    z.discriminatedUnion('kind', [
      z
        .object({
          name: z.string().trim().min(1).max(80),
          kind: z.literal('contact'),
          filter: contactFilterSchema,
        })
        .strict(),
      z
        .object({
          name: z.string().trim().min(1).max(80),
          kind: z.literal('company'),
          filter: companyFilterSchema,
        })
        .strict(),
    ]),
  ).returns<SavedFilter[]>(),
  'filters.delete': defineCall('core', z.object({ id }).strict()).returns<SavedFilter[]>(),
  /** HOT and WARM leads waiting for a decision, best first. */
  'approvals.queue': defineCall(
    'core',
    z
      .object({ ...page })
      .strict()
      .optional(),
  ).returns<RecordsPage<ContactRowView>>(),
  'approvals.decide': defineCall(
    'core',
    z
      .object({
        ids: z.array(id).min(1).max(1000),
        decision: z.enum(['approved', 'rejected']),
        reason: z.string().trim().max(500).optional(),
      })
      .strict()
      .refine((d) => d.decision === 'approved' || Boolean(d.reason), {
        message: 'Say why the lead is rejected.',
        path: ['reason'],
      }),
  ).returns<{ decided: number }>(),
  /** Approves every waiting lead the filter shows. */
  'approvals.approveFilter': defineCall('core', z.object({ filter: contactFilterSchema }).strict()).returns<{
    decided: number;
  }>(),
  /** How many leads would change tier under these rules (nothing is saved). */
  'scoring.preview': defineCall('core', z.object({ settings: scoringSettingsSchema }).strict()).returns<
    { from: Tier | null; to: Tier; count: number }[]
  >(),
  /** Scores every lead again (a job); runs by itself after imports, merges and rule changes. */
  'scoring.rescore': defineCall('core', z.undefined()).returns<{
    scored: number;
    changed: number;
    tiers: Record<Tier, number>;
    seconds: number;
  }>(),
};
