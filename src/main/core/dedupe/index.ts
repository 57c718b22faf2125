/**
 * The entity-resolution engine's public surface: what the import job, the review queue and the
 * merge code call. Everything here is pure and synchronous (no database, no clock, no electron).
 */
export { resolveCompanies, resolvePeople, createCompanyIndex, createPersonIndex } from './resolve';
export type { ResolveInput, CompanyResolveOptions, PersonResolveOptions } from './resolve';
export { EntityIndex, DEFAULT_ENGINE_SETTINGS, DEFAULT_PERSON_ENGINE_SETTINGS } from './engine';
export type { EngineSettings, MatchPair, ResolveResult, ResolveStats } from './engine';
export { matchCompanies, companyNameSimilarity } from './companyMatcher';
export { matchPeople } from './personMatcher';
export { DEFAULT_COMPANY_MATCH_SETTINGS } from './companySettings';
export type { CompanyMatchSettings } from './companySettings';
export { DEFAULT_PERSON_MATCH_SETTINGS } from './personSettings';
export type { PersonMatchSettings } from './personSettings';
export { DEFAULT_THRESHOLDS, decide } from './score';
export type { Agreement, Decision, MatchReason, MatchResult, Thresholds } from './score';
export { prepareCompany, preparePerson, normalizeIdentifier } from './records';
export type { CompanyRecord, PersonRecord, PreparedCompany, PreparedPerson } from './records';
export { companyNameKey, companyNameTokens, LEGAL_SUFFIXES } from './companyName';
export { personNameKey, splitPersonName } from './personName';
export { normalizePhone, phone10 } from './phone';
export { domainOf, companyDomainOf, isFreeMailDomain, normalizeEmail } from './domain';
export { FREE_MAIL_DOMAINS, SHARED_HOST_DOMAINS } from './freeMailDomains';
export { linkedinKey } from './linkedin';
export { normalizeAddress, addressKey, normalizeZip } from './address';
export { clusterLinks, groupClusters } from './cluster';
export { pairwiseScores, clustersFromKeys } from './evaluate';
export type { PairwiseScores } from './evaluate';
