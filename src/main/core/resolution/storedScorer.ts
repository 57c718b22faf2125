import type { EntityKind } from '@shared/domain/resolution';
import type { DedupeSettings } from '@shared/domain/settings/dedupe';
import type { Db } from '../db/database';
import { DEFAULT_COMPANY_MATCH_SETTINGS, type CompanyMatchSettings } from '../dedupe/companySettings';
import { DEFAULT_PERSON_MATCH_SETTINGS, type PersonMatchSettings } from '../dedupe/personSettings';
import { matchCompanies } from '../dedupe/companyMatcher';
import { matchPeople } from '../dedupe/personMatcher';
import { prepareCompany, preparePerson, type PreparedCompany, type PreparedPerson } from '../dedupe/records';
import type { MatchResult } from '../dedupe/score';
import { loadCompany, loadContact } from './loadRecords';

/** The matcher's settings with the seller's thresholds (Settings → Duplicates). */
export function companyMatchSettings(settings: DedupeSettings): CompanyMatchSettings {
  return { ...DEFAULT_COMPANY_MATCH_SETTINGS, thresholds: settings.companies };
}

export function personMatchSettings(settings: DedupeSettings): PersonMatchSettings {
  return { ...DEFAULT_PERSON_MATCH_SETTINGS, thresholds: settings.contacts };
}

/**
 * Scores two stored records as they stand now, with the same matcher the engine uses. What the
 * review queue shows and what a merge records must be the score of the two records it names,
 * not of some other pair that led to them. Prepared records are cached until `forget()`
 * (call it after the records changed, e.g. after merges).
 */
export class StoredScorer {
  private readonly cache = new Map<number, PreparedCompany | PreparedPerson | null>();
  readonly thresholds: { same: number; review: number };

  constructor(
    private readonly db: Db,
    readonly kind: EntityKind,
    private readonly settings: DedupeSettings,
  ) {
    this.thresholds = kind === 'company' ? settings.companies : settings.contacts;
  }

  private prepared(id: number): PreparedCompany | PreparedPerson | null {
    let p = this.cache.get(id);
    if (p === undefined) {
      if (this.kind === 'company') {
        const r = loadCompany(this.db, id);
        p = r ? prepareCompany(r) : null;
      } else {
        const r = loadContact(this.db, id);
        p = r ? preparePerson(r) : null;
      }
      this.cache.set(id, p);
    }
    return p;
  }

  /** The pair's match, or null when either record is no longer standing. */
  score(a: number, b: number): MatchResult | null {
    const pa = this.prepared(a);
    const pb = this.prepared(b);
    if (!pa || !pb) return null;
    return this.kind === 'company'
      ? matchCompanies(pa as PreparedCompany, pb as PreparedCompany, companyMatchSettings(this.settings))
      : matchPeople(pa as PreparedPerson, pb as PreparedPerson, personMatchSettings(this.settings));
  }

  forget(): void {
    this.cache.clear();
  }
}
