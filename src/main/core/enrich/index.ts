// The enrichment core's public face: what jobs, handlers and the database layer import.
export { enrichContacts } from './enrichContacts';
export type {
  ContactEnrichment,
  EmailSource,
  EnrichContactInput,
  EnrichDeps,
  EnrichmentRun,
  EnrichmentSummary,
  EnrichOptions,
  EnrichProgress,
  FoundBy,
  FoundEmail,
} from './enrichTypes';
export {
  HunterClient,
  HUNTER_RATE_LIMITS,
  type HunterApi,
  type HunterClientOptions,
  type HunterEvent,
  type DomainSearchParams,
  type EmailFinderParams,
} from './hunterClient';
export { HunterError, hunterErrorToAppFailure, type HunterErrorKind } from './hunterErrors';
export type {
  DomainSearchResult,
  EmailFinderResult,
  EmailVerification,
  HunterAccount,
  HunterEmail,
  VerificationStatus,
} from './hunterTypes';
export {
  InMemoryCreditBudget,
  InMemoryDomainSearchCache,
  type CreditBudget,
  type CreditKind,
  type CreditRef,
  type DomainSearchCache,
  type VerificationCache,
} from './spend';
export { PatternTable } from './store/patternTable';
export { SearchCacheTable } from './store/searchCacheTable';
export { VerificationTable } from './store/verificationTable';
export { MxCacheTable } from './store/mxCacheTable';
export { OnceBudget } from './store/onceBudget';
export { runEnrichment, hunterClientFor } from './job/runEnrichment';
export {
  InMemoryPatternStore,
  mergeLearnedPattern,
  type LearnedPattern,
  type PatternStore,
} from './patternStore';
export { InMemoryMxCache, MxLookup, MX_TTL_MS, type MxCache, type MxRecord, type MxResult } from './mx';
export { DEFAULT_CONFIDENCE_RULES, statusFor, type ConfidenceRules, type EmailStatus } from './confidence';
export { DEFAULT_PATTERNS, detectTemplate, patternName } from './patterns';
export { parsePersonName } from './names';
export { domainFromEmail, domainFromWebsite, domainGuesses, isFreeMailDomain } from './domains';
export { monthKey } from './time';
