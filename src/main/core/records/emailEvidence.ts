import type { EmailEvidence } from '@shared/domain/records';

const METHODS: Record<string, string> = {
  domain_search: 'Hunter domain search',
  email_finder: 'Hunter email finder',
  import: 'came with the imported row',
};

function parse(text: string): Record<string, unknown> {
  try {
    const value = JSON.parse(text) as unknown;
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/**
 * A `contact_emails` row as the drawer shows it: how the address was found and why it has its
 * confidence, read from the evidence JSON that enrichment (enrich/job/saveEmails.ts), the import
 * or a manual edit stored with it.
 */
export function emailEvidenceOf(row: Record<string, unknown>): EmailEvidence {
  const raw = (row.evidence as string | null) ?? '{}';
  const ev = parse(raw);
  const source = row.source as string;
  const method = typeof ev.method === 'string' ? ev.method : null;
  const patternName = typeof ev.patternName === 'string' ? ev.patternName : null;
  const how =
    method === 'pattern'
      ? `guessed: ${patternName ?? 'a common'} pattern`
      : method && METHODS[method]
        ? METHODS[method]
        : source === 'manual'
          ? 'typed in'
          : source === 'import'
            ? 'came with the imported row'
            : source;
  const verification =
    ev.verification && typeof ev.verification === 'object'
      ? (((ev.verification as { status?: unknown }).status as string | null | undefined) ?? null)
      : null;
  return {
    email: row.email as string,
    source,
    confidence: row.confidence as number,
    status: row.status as EmailEvidence['status'],
    pattern: (row.pattern as string | null) ?? null,
    catchAll: row.catch_all === 1,
    evidence: raw,
    how,
    reasons: Array.isArray(ev.reasons) ? ev.reasons.filter((r): r is string => typeof r === 'string') : [],
    verification,
    mx: typeof ev.mx === 'string' ? ev.mx : null,
  };
}
