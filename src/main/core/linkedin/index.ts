/**
 * The LinkedIn browser actions, as the jobs and the Today queue use them. Start with
 * `LinkedInSession.launch` (or `new LinkedInSession({ context })`); everything else is its helpers.
 */
export { LinkedInSession } from './session';
export type {
  FindPeopleOptions,
  FindPeopleResult,
  LaunchSessionOptions,
  LinkedInSessionOptions,
  TaskOptions,
} from './session';
export type { SessionActivity } from './pageDriver';
export { LinkedInStop, type LinkedInStopKind } from './stop';
export {
  INVITE_NOTE_MAX,
  INMAIL_BODY_MAX,
  INMAIL_SUBJECT_MAX,
  checkInMail,
  checkInviteNote,
  type AssistedSendOptions,
  type AssistedSendOutcome,
  type NotSentReason,
} from './assistedSend';
export { DEFAULT_ATL_KEYWORDS, isAtlTitle, matchAtlTitle, type AtlMatch } from '../titles/atlTitle';
export { locateBrowser, type BrowserLocation, type LocateOptions, type LocateResult } from './browserLocator';
export { linkedInProfileDir, openLinkedInBrowser, type OpenBrowserOptions } from './launch';
export { canonicalProfileUrl, normalizeProfileUrl, profileUrlFromInput, LinkedInUrls } from './urls';
export type * from './types';
