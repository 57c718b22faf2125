import { AppFailure } from '@shared/contract/result';
import { fieldSpec, type FieldId } from '@shared/domain/import/fields';
import type { ColumnMapping, SourceKind } from '@shared/domain/import/types';
import type { Db } from '../../db/database';
import type { OpenedSheet } from '../read/openSheet';
import { autoMap } from './autoMap';
import { BUILT_IN_PROFILES, type ImportProfile } from './profiles';
import { matchProfile, profileHeaders, profileMapping } from './profileMatch';
import { headerSignature, loadSavedProfiles } from './savedProfiles';

export interface ResolvedMapping {
  profile: ImportProfile | null;
  headers: string[];
  mapping: ColumnMapping[];
  sourceKind: SourceKind;
}

export interface MappingChoice {
  profile?: string | null;
  mapping?: Record<number, FieldId | null>;
  sourceKind?: SourceKind;
}

/**
 * How a file's columns map: the profile the seller chose, else a saved profile with the same header
 * shape, else a built-in profile that recognises the file, else automatic mapping — then the
 * seller's own changes on top. Columns the profile does not know are mapped automatically.
 */
export function resolveMapping(db: Db, sheet: OpenedSheet, choice: MappingChoice): ResolvedMapping {
  const hasHeader = sheet.headerLine !== null;
  const width = Math.max(sheet.headers.length, ...sheet.sample.map((r) => r.length));
  const saved = loadSavedProfiles(db);
  let profile: ImportProfile | null = null;
  if (choice.profile) {
    profile =
      [...BUILT_IN_PROFILES, ...saved].find((p) => p.id === choice.profile || p.label === choice.profile) ??
      null;
    if (!profile) {
      const names = BUILT_IN_PROFILES.map((p) => p.id).join(', ');
      throw new AppFailure(
        'not_found',
        `There is no mapping profile "${choice.profile}". Built-in profiles: ${names}.`,
      );
    }
  } else {
    const signature = hasHeader ? headerSignature(sheet.headers) : null;
    profile = saved.find((p) => p.signature === signature) ?? null;
  }
  // A saved profile holds the seller's mapping of a header shape; when a built-in profile also
  // knows the file (a HubSpot export mapped once and remembered), what the file *is* still comes
  // from the built-in: which CRM its records live in, for "already in the CRM" and CRM-id upserts.
  const builtIn = matchProfile(BUILT_IN_PROFILES, sheet.headers, hasHeader, sheet.sample);
  if (!profile) profile = builtIn;
  else if (profile.id.startsWith('saved:') && builtIn?.crmSource && !profile.crmSource)
    profile = { ...profile, crmSource: builtIn.crmSource };

  const headers = profile
    ? profileHeaders(profile, width, sheet.headers)
    : sheet.headers.length
      ? sheet.headers
      : profileless(width);
  const automatic = autoMap(headers, sheet.sample, hasHeader || Boolean(profile?.headerless));
  let mapping = automatic;
  if (profile) {
    const fromProfile = profileMapping(profile, headers);
    const taken = new Set(fromProfile.filter((m) => m.field).map((m) => m.field));
    const known = new Set(Object.keys(profile.columns).map((h) => h.toLowerCase()));
    // A column the profile names (even as "not imported") follows the profile; others are guessed.
    mapping = fromProfile.map((m, i) => {
      if (m.field || known.has(m.header.toLowerCase()) || profile.headerless) return m;
      const guess = automatic[i]!;
      return guess.field && !fieldSpec(guess.field)!.multiple && taken.has(guess.field) ? m : guess;
    });
  }
  if (choice.mapping) {
    mapping = mapping.map((m) => {
      if (!(m.column in choice.mapping!)) return m;
      const field = choice.mapping![m.column] ?? null;
      return { ...m, field, confidence: 100, reason: field ? 'chosen by you' : 'left out by you' };
    });
    const seen = new Map<FieldId, number>();
    for (const m of mapping) {
      if (!m.field || fieldSpec(m.field)!.multiple) continue;
      if (seen.has(m.field)) {
        throw new AppFailure(
          'invalid_input',
          `${fieldSpec(m.field)!.label} is mapped to two columns ("${headers[seen.get(m.field)!]}" and "${m.header}"); choose one.`,
        );
      }
      seen.set(m.field, m.column);
    }
  }
  return {
    profile,
    headers,
    mapping,
    sourceKind: choice.sourceKind ?? profile?.sourceKind ?? guessSourceKind(mapping),
  };
}

const profileless = (width: number) => Array.from({ length: width }, (_, i) => `Column ${i + 1}`);

function guessSourceKind(mapping: readonly ColumnMapping[]): SourceKind {
  const fields = new Set(mapping.map((m) => m.field));
  if (fields.has('license_number')) return 'license_roster';
  if (fields.has('crm_id')) return 'crm_export';
  return fields.has('company_name') || fields.has('email') ? 'gtm_list' : 'other';
}
