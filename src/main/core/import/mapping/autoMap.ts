import Fuse from 'fuse.js';
import { IMPORT_FIELDS, fieldSpec, type FieldId, type FieldKind } from '@shared/domain/import/fields';
import type { ColumnMapping } from '@shared/domain/import/types';
import { isEmail } from '../../normalize/email';
import { normalizeLinkedinUrl } from '../../normalize/linkedin';
import { normalizePhone } from '../../normalize/phone';
import { normalizeWebsite } from '../../normalize/domain';
import { parseDate } from '../../normalize/date';
import { headerKey } from './headerKey';

interface Synonym {
  field: FieldId;
  text: string;
}

const SYNONYMS: Synonym[] = IMPORT_FIELDS.flatMap((f) =>
  f.synonyms.map((text) => ({ field: f.id as FieldId, text })),
);
const FIELDS_BY_SYNONYM = new Map<string, Set<FieldId>>();
for (const { text, field } of SYNONYMS)
  FIELDS_BY_SYNONYM.set(text, (FIELDS_BY_SYNONYM.get(text) ?? new Set()).add(field));
const fuse = new Fuse(SYNONYMS, { keys: ['text'], includeScore: true, threshold: 0.3, ignoreLocation: true });

interface Proposal {
  field: FieldId;
  confidence: number;
  reason: string;
}

/** What a column's values are, when at least 80% of its sample agrees, and the field that fits. */
function sniffValues(
  values: string[],
): { kind: FieldKind | 'linkedin'; field: FieldId | null; share: number } | null {
  const filled = values.map((v) => v.trim()).filter(Boolean);
  if (filled.length < 2) return null;
  const tests: [FieldKind | 'linkedin', FieldId | null, (v: string) => boolean][] = [
    ['email', 'email', isEmail],
    ['linkedin', 'linkedin_url', (v) => normalizeLinkedinUrl(v) !== null],
    ['url', 'website', (v) => /^(https?:\/\/|www\.)/i.test(v) && normalizeWebsite(v) !== null],
    ['phone', 'phone', (v) => /\d{3}\D*\d{4}/.test(v) && normalizePhone(v) !== null],
    // A column of dates could be any date field: this only confirms a date header.
    ['date', null, (v) => parseDate(v, false) !== null],
  ];
  for (const [kind, field, test] of tests) {
    const share = filled.filter(test).length / filled.length;
    if (share >= 0.8) return { kind, field, share };
  }
  return null;
}

/** The field a header names: an exact synonym, else the closest one (fuse.js). */
function byHeader(header: string): Proposal | null {
  const key = headerKey(header);
  if (!key) return null;
  const exact = FIELDS_BY_SYNONYM.get(key);
  if (exact) {
    const [field] = exact;
    // A name shared by several fields ("name", "url", "status") is a weaker hint.
    return exact.size > 1
      ? {
          field: field!,
          confidence: 70,
          reason: `header "${header}" usually means ${fieldSpec(field!)!.label}`,
        }
      : { field: field!, confidence: 95, reason: `header "${header}"` };
  }
  const [hit] = fuse.search(key, { limit: 1 });
  if (!hit || hit.score === undefined) return null;
  const confidence = Math.round((1 - hit.score) * 85);
  return confidence < 60
    ? null
    : { field: hit.item.field, confidence, reason: `header "${header}" is close to "${hit.item.text}"` };
}

const kindOf = (field: FieldId) => {
  const kind = fieldSpec(field)!.kind;
  return field === 'linkedin_url' ? 'linkedin' : kind;
};

/** Header and values together: the values win when they clearly say something else. */
function propose(header: string, values: string[], hasHeader: boolean): Proposal | null {
  const fromHeader = hasHeader ? byHeader(header) : null;
  const sniff = sniffValues(values);
  if (!sniff) return fromHeader;
  const valueConfidence = Math.round(70 + 25 * sniff.share);
  if (fromHeader && kindOf(fromHeader.field) === sniff.kind) {
    return { ...fromHeader, confidence: Math.max(fromHeader.confidence, valueConfidence) };
  }
  if (sniff.field && (!fromHeader || valueConfidence > fromHeader.confidence)) {
    return {
      field: sniff.field,
      confidence: valueConfidence,
      reason: `values look like ${fieldSpec(sniff.field)!.label.toLowerCase()}s`,
    };
  }
  return fromHeader;
}

/**
 * Maps each column to a field by its header (synonyms, then fuzzy matching with fuse.js) and by
 * its values (a column of emails is an email column whatever it is called), with a confidence
 * the seller sees. A field that takes one column goes to the most confident one; the others stay
 * unmapped and are kept in the raw row.
 */
export function autoMap(
  headers: readonly string[],
  sample: readonly string[][],
  hasHeader: boolean,
): ColumnMapping[] {
  const proposals = headers.map((header, column) => ({
    column,
    header,
    proposal: propose(
      header,
      sample.map((row) => row[column] ?? ''),
      hasHeader,
    ),
  }));
  const taken = new Set<FieldId>();
  const chosen = new Map<number, ColumnMapping>();
  for (const { column, header, proposal } of [...proposals].sort(
    (a, b) => (b.proposal?.confidence ?? 0) - (a.proposal?.confidence ?? 0),
  )) {
    if (proposal && (fieldSpec(proposal.field)!.multiple || !taken.has(proposal.field))) {
      taken.add(proposal.field);
      chosen.set(column, { column, header, ...proposal });
    } else {
      const reason = proposal
        ? `${fieldSpec(proposal.field)!.label} is already mapped to another column`
        : '';
      chosen.set(column, { column, header, field: null, confidence: 0, reason });
    }
  }
  return headers.map((_, column) => chosen.get(column)!);
}
