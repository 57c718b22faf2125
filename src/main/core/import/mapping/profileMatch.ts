import type { FieldId } from '@shared/domain/import/fields';
import type { ColumnMapping } from '@shared/domain/import/types';
import type { ImportProfile } from './profiles';
import { headerKey } from './headerKey';

/**
 * The profile that fits a file: for a file with a header, the one whose required headers are all
 * there and which covers most of the file's columns; for a headerless file, the one whose shape
 * test passes on the first rows.
 */
export function matchProfile(
  profiles: readonly ImportProfile[],
  headers: readonly string[],
  hasHeader: boolean,
  sample: readonly string[][],
): ImportProfile | null {
  if (!hasHeader) return profiles.find((p) => p.headerless?.recognise(sample as string[][])) ?? null;
  const present = new Set(headers.map(headerKey));
  let best: { profile: ImportProfile; score: number } | null = null;
  for (const profile of profiles) {
    if (profile.headerless || profile.required.length === 0) continue;
    if (!profile.required.every((h) => present.has(headerKey(h)))) continue;
    const known = Object.keys(profile.columns).filter((h) => present.has(headerKey(h))).length;
    // Most specific wins: more of its required headers present, then more of its columns.
    const score = profile.required.length * 100 + known;
    if (!best || score > best.score) best = { profile, score };
  }
  return best?.profile ?? null;
}

/** Column names of a file read through a profile (headerless files take the profile's layout). */
export function profileHeaders(profile: ImportProfile, width: number, headers: string[]): string[] {
  if (!profile.headerless) return headers;
  return Array.from({ length: width }, (_, i) => profile.headerless!.layout[i] ?? `Column ${i + 1}`);
}

/** The mapping a profile gives, column by column (columns it does not know stay unmapped). */
export function profileMapping(profile: ImportProfile, headers: readonly string[]): ColumnMapping[] {
  const byKey = new Map<string, FieldId | null>(
    Object.entries(profile.columns).map(([h, f]) => [headerKey(h), f]),
  );
  return headers.map((header, column) => {
    const field = byKey.get(headerKey(header)) ?? null;
    return {
      column,
      header,
      field,
      confidence: field ? 100 : 0,
      reason: field ? `profile ${profile.label}` : '',
    };
  });
}
