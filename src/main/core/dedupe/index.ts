/**
 * The entity-resolution engine's public surface: what the import job, the review queue and the
 * merge code call. Everything here is pure and synchronous (no database, no clock, no electron).
 */
export { resolveCompanies, resolvePeople, createCompanyIndex, createPersonIndex } from './resolve';
export type { ResolveInput, CompanyResolveOptions, PersonResolveOptions } from './resolve';
export { EntityIndex, DEFAULT_ENGINE_SETTINGS, DEFAULT_PERSON_ENGINE_SETTINGS } from './engine';
export type { EngineSettings, MatchPair, ResolveResult, ResolveStats } from './engine';
export { matchCompanies, companyNameSimilarity } from './companyMatcher';
export { matchPeople, namesDisagree } from './personMatcher';
export { DEFAULT_COMPANY_MATCH_SETTINGS } from './companySettings';
export type { CompanyMatchSettings } from './companySettings';
export { DEFAULT_PERSON_MATCH_SETTINGS } from './personSettings';
export type { PersonMatchSettings } from './personSettings';
export { DEFAULT_THRESHOLDS, decide } from './score';
export type { Agreement, Decision, MatchReason, MatchResult, Thresholds } from './score';
export { prepareCompany, preparePerson, normalizeIdentifier } from './records';
export type { CompanyRecord, PersonRecord, PreparedCompany, PreparedPerson } from './records';
export { normalizeAddress, addressKey, normalizeZip } from './address';
export { clusterLinks, groupClusters } from './cluster';
export { pairwiseScores, clustersFromKeys } from './evaluate';
export type { PairwiseScores } from './evaluate';
