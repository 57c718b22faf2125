import { z } from 'zod';

/**
 * Hunter API v2 response shapes (https://hunter.io/api-documentation/v2), read with zod so a field
 * Hunter renames or nulls shows up as a clear `bad_response` instead of `undefined` deep in the
 * matching code. Only the fields we use are read; the rest are ignored. Our own types are camelCase.
 */

export const VERIFICATION_STATUSES = [
  'valid',
  'invalid',
  'accept_all',
  'webmail',
  'disposable',
  'unknown',
] as const;
export type VerificationStatus = (typeof VERIFICATION_STATUSES)[number];

/** Hunter has added statuses before; anything we do not know reads as `unknown`. */
const verificationStatus = z
  .string()
  .nullish()
  .transform((s): VerificationStatus | null =>
    s == null
      ? null
      : (VERIFICATION_STATUSES as readonly string[]).includes(s)
        ? (s as VerificationStatus)
        : 'unknown',
  );

const text = z
  .string()
  .nullish()
  .transform((s) => (s == null || s === '' ? null : s));
const int = z
  .number()
  .nullish()
  .transform((n) => (n == null ? null : n));
const flag = z
  .boolean()
  .nullish()
  .transform((b) => b ?? null);

const verification = z
  .object({ date: text, status: verificationStatus })
  .nullish()
  .transform((v) => (v == null ? null : { date: v.date, status: v.status }));

const domainSearchEmail = z.object({
  value: z.string(),
  type: text,
  confidence: int,
  first_name: text,
  last_name: text,
  position: text,
  seniority: text,
  department: text,
  linkedin: text,
  verification,
});

export const domainSearchResponse = z.object({
  data: z.object({
    domain: z.string(),
    organization: text,
    pattern: text,
    accept_all: flag,
    webmail: flag,
    disposable: flag,
    emails: z.array(domainSearchEmail).nullish(),
  }),
  meta: z.object({ results: int, limit: int, offset: int }).partial().nullish(),
});

export const emailFinderResponse = z.object({
  data: z.object({
    email: text,
    score: int,
    domain: text,
    first_name: text,
    last_name: text,
    position: text,
    accept_all: flag,
    verification,
  }),
});

export const emailVerifierResponse = z.object({
  data: z.object({
    email: z.string(),
    status: verificationStatus,
    score: int,
    accept_all: flag,
    webmail: flag,
    disposable: flag,
    mx_records: flag,
    smtp_check: flag,
  }),
});

const usage = z
  .object({ used: int, available: int })
  .nullish()
  .transform((u) => {
    const used = u?.used ?? 0;
    const available = u?.available ?? 0;
    // Hunter's `available` is the period's allowance, not what is left of it.
    return { used, available, remaining: Math.max(0, available - used) };
  });

export const accountResponse = z.object({
  data: z.object({
    plan_name: text,
    plan_level: int,
    reset_date: text,
    requests: z.object({ searches: usage, verifications: usage }).nullish(),
  }),
});

export const errorResponse = z.object({
  errors: z.array(
    z.object({
      id: z.string().catch('unknown'),
      code: z.number().catch(0),
      details: z.string().catch(''),
    }),
  ),
});

// ---------------------------------------------------------------- what the client returns

export interface HunterVerification {
  status: VerificationStatus | null;
  date: string | null;
}

export interface HunterEmail {
  value: string;
  type: 'personal' | 'generic' | null;
  confidence: number | null;
  firstName: string | null;
  lastName: string | null;
  position: string | null;
  seniority: string | null;
  department: string | null;
  linkedin: string | null;
  verification: HunterVerification | null;
}

/** One domain search: the people found, and what Hunter knows about the domain's mail. */
export interface DomainSearchResult {
  domain: string;
  organization: string | null;
  /** Hunter's pattern for the domain, in its own template syntax: `{first}.{last}`. */
  pattern: string | null;
  acceptAll: boolean | null;
  webmail: boolean | null;
  disposable: boolean | null;
  emails: HunterEmail[];
  /** How many emails Hunter has for the domain in all (a search returns at most `limit`). */
  totalResults: number | null;
}

export interface EmailFinderResult {
  email: string | null;
  score: number | null;
  domain: string | null;
  firstName: string | null;
  lastName: string | null;
  position: string | null;
  acceptAll: boolean | null;
  verification: HunterVerification | null;
}

export interface EmailVerification {
  email: string;
  status: VerificationStatus | null;
  score: number | null;
  acceptAll: boolean | null;
  webmail: boolean | null;
  disposable: boolean | null;
  mxRecords: boolean | null;
  smtpCheck: boolean | null;
  /** True when Hunter answered 202 every time: the check did not finish, so `status` is unknown. */
  pending: boolean;
}

export interface HunterUsage {
  used: number;
  available: number;
  remaining: number;
}

/** `/v2/account`: what to sync into the quota ledger. The call itself is free. */
export interface HunterAccount {
  planName: string | null;
  planLevel: number | null;
  resetDate: string | null;
  searches: HunterUsage;
  verifications: HunterUsage;
}

export function toDomainSearchResult(body: z.infer<typeof domainSearchResponse>): DomainSearchResult {
  const d = body.data;
  return {
    domain: d.domain.toLowerCase(),
    organization: d.organization,
    pattern: d.pattern,
    acceptAll: d.accept_all,
    webmail: d.webmail,
    disposable: d.disposable,
    emails: (d.emails ?? []).map((e) => ({
      value: e.value.toLowerCase(),
      type: e.type === 'personal' || e.type === 'generic' ? e.type : null,
      confidence: e.confidence,
      firstName: e.first_name,
      lastName: e.last_name,
      position: e.position,
      seniority: e.seniority,
      department: e.department,
      linkedin: e.linkedin,
      verification: e.verification,
    })),
    totalResults: body.meta?.results ?? null,
  };
}

export function toEmailFinderResult(body: z.infer<typeof emailFinderResponse>): EmailFinderResult {
  const d = body.data;
  return {
    email: d.email?.toLowerCase() ?? null,
    score: d.score,
    domain: d.domain,
    firstName: d.first_name,
    lastName: d.last_name,
    position: d.position,
    acceptAll: d.accept_all,
    verification: d.verification,
  };
}

export function toEmailVerification(body: z.infer<typeof emailVerifierResponse>): EmailVerification {
  const d = body.data;
  return {
    email: d.email.toLowerCase(),
    status: d.status,
    score: d.score,
    acceptAll: d.accept_all,
    webmail: d.webmail,
    disposable: d.disposable,
    mxRecords: d.mx_records,
    smtpCheck: d.smtp_check,
    pending: false,
  };
}

export function toHunterAccount(body: z.infer<typeof accountResponse>): HunterAccount {
  const d = body.data;
  const none = { used: 0, available: 0, remaining: 0 };
  return {
    planName: d.plan_name,
    planLevel: d.plan_level,
    resetDate: d.reset_date,
    searches: d.requests?.searches ?? none,
    verifications: d.requests?.verifications ?? none,
  };
}
