import { companyBlockingKeys, personBlockingKeys } from './blockingKeys';
import { weighCompanies } from './companyMatcher';
import { DEFAULT_COMPANY_MATCH_SETTINGS, type CompanyMatchSettings } from './companySettings';
import {
  DEFAULT_ENGINE_SETTINGS,
  DEFAULT_PERSON_ENGINE_SETTINGS,
  EntityIndex,
  type EngineSettings,
  type ResolveResult,
} from './engine';
import { weighPeople } from './personMatcher';
import { DEFAULT_PERSON_MATCH_SETTINGS, type PersonMatchSettings } from './personSettings';
import {
  prepareCompany,
  preparePerson,
  type CompanyRecord,
  type PersonRecord,
  type PreparedCompany,
  type PreparedPerson,
} from './records';

/** The entry points the app calls: resolve a batch, or look one record up. */

export interface ResolveInput<R> {
  /** Records already in the database, already deduplicated (never merged with each other). */
  existing?: readonly R[];
  /** The new records: matched against `existing` and against each other. */
  incoming: readonly R[];
}

export interface CompanyResolveOptions {
  match?: CompanyMatchSettings;
  engine?: EngineSettings;
}

export interface PersonResolveOptions {
  match?: PersonMatchSettings;
  engine?: EngineSettings;
}

export function createCompanyIndex(
  existing: Iterable<CompanyRecord>,
  options: CompanyResolveOptions = {},
): EntityIndex<CompanyRecord, PreparedCompany> {
  const match = options.match ?? DEFAULT_COMPANY_MATCH_SETTINGS;
  return new EntityIndex(
    {
      prepare: prepareCompany,
      keys: companyBlockingKeys,
      weigh: (a, b, pruneBelow) => weighCompanies(a, b, match, pruneBelow),
      thresholds: match.thresholds,
      engine: options.engine ?? DEFAULT_ENGINE_SETTINGS,
    },
    existing,
  );
}

export function createPersonIndex(
  existing: Iterable<PersonRecord>,
  options: PersonResolveOptions = {},
): EntityIndex<PersonRecord, PreparedPerson> {
  const match = options.match ?? DEFAULT_PERSON_MATCH_SETTINGS;
  return new EntityIndex(
    {
      prepare: preparePerson,
      keys: personBlockingKeys,
      weigh: (a, b, pruneBelow) => weighPeople(a, b, match, pruneBelow),
      thresholds: match.thresholds,
      engine: options.engine ?? DEFAULT_PERSON_ENGINE_SETTINGS,
    },
    existing,
  );
}

/** Companies: `incoming` against `existing` and itself (leave `existing` out to dedupe one list). */
export function resolveCompanies(
  input: ResolveInput<CompanyRecord>,
  options: CompanyResolveOptions = {},
): ResolveResult {
  return createCompanyIndex(input.existing ?? [], options).resolve(input.incoming);
}

/** People: `incoming` against `existing` and itself (leave `existing` out to dedupe one list). */
export function resolvePeople(
  input: ResolveInput<PersonRecord>,
  options: PersonResolveOptions = {},
): ResolveResult {
  return createPersonIndex(input.existing ?? [], options).resolve(input.incoming);
}
