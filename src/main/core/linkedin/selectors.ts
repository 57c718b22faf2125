import type { ActionKind } from '../safety/actionGate';

/**
 * Every selector and page text the LinkedIn actions rely on, and nothing else: when LinkedIn
 * changes its markup, this is the one file to fix (then the fixtures in tests/fixtures/linkedin/,
 * which copy the same structure). Each entry says which structure of the real page it relies on.
 *
 * They follow LinkedIn's 2023–2025 "artdeco" markup (class names like entity-result__*, pvs-*,
 * mn-connection-card__*) and prefer what changes least: aria-labels (LinkedIn keeps them for screen
 * readers), data-* attributes (data-view-name, data-anonymize in Sales Navigator, data-test-*),
 * then BEM class names. LinkedIn duplicates visible text for screen readers
 * (`<span aria-hidden="true">Dana</span><span class="visually-hidden">View Dana’s profile</span>`),
 * so text is always read from the aria-hidden copy where one exists.
 *
 * The build machines cannot reach linkedin.com, so these were checked against the fixtures only.
 * Check them against the live site before a release.
 */

/** Signs that the seller is signed in: the global navigation bar with the "Me" menu. */
export const SIGNED_IN = {
  /** `<header id="global-nav">` on every signed-in LinkedIn page; Sales Navigator has its own nav. */
  globalNav: '#global-nav, header.global-nav, nav[aria-label="Sales Navigator"]',
} as const;

/** People search results (`/search/results/people/`), 10 a page. */
export const PEOPLE_SEARCH = {
  /** Each person is an `li.reusable-search__result-container` holding a `div.entity-result`; ads
   * and banners share the li but have no entity-result. data-view-name is the newer, steadier hook. */
  card: 'li.reusable-search__result-container div.entity-result, div[data-view-name="search-entity-result-universal-template"]',
  /** The name link: `span.entity-result__title-text > a.app-aware-link[href="…/in/<slug>?miniProfileUrn=…"]`.
   * Out-of-network rows link to `/search/results/people/headless` and read "LinkedIn Member". */
  profileLink: '.entity-result__title-text a[href]',
  name: '.entity-result__title-text a span[aria-hidden="true"]',
  /** Headline under the name ("CEO at Acme Roofing | …"). */
  headline: '.entity-result__primary-subtitle',
  location: '.entity-result__secondary-subtitle',
  /** `<span class="entity-result__badge-text"><span aria-hidden="true">• 2nd</span><span class="visually-hidden">2nd degree connection</span>` */
  degree: '.entity-result__badge-text .visually-hidden, .entity-result__badge-text span[aria-hidden="true"]',
  /** Optional "Current: <strong>CEO</strong> at Acme Roofing" line when the match is the current job. */
  summary: 'p.entity-result__summary',
  /** `div.artdeco-pagination` with `li[data-test-pagination-page-btn="N"]` and a Next button. */
  pageButton: '[data-test-pagination-page-btn]',
  nextButton: 'button.artdeco-pagination__button--next, .artdeco-pagination button[aria-label="Next"]',
  /** Shown instead of results when the search finds nobody. */
  noResults: '.search-reusable-search-no-results, .artdeco-empty-state',
} as const;

/** A company's People tab (`/company/<slug>/people/`): cards in a finite scroll, no pages. */
export const COMPANY_PEOPLE = {
  /** `li.org-people-profile-card__profile-card-spacing` > `section.artdeco-card` > artdeco-entity-lockup. */
  card: 'li.org-people-profile-card__profile-card-spacing',
  /** The title link wraps `div.org-people-profile-card__profile-title`; "LinkedIn Member" has no link. */
  profileLink: '.artdeco-entity-lockup__title a[href]',
  name: '.org-people-profile-card__profile-title',
  headline: '.artdeco-entity-lockup__subtitle',
  /** `<span class="artdeco-entity-lockup__degree">· 2nd</span>` */
  degree: '.artdeco-entity-lockup__degree',
  /** The finite scroll's "Show more results" button; gone when everyone is shown. */
  loadMore: 'button.scaffold-finite-scroll__load-button',
} as const;

/** A member's profile (`/in/<slug>/`). */
export const PROFILE = {
  /** The top card: the first `section.artdeco-card` in `main` (it carries data-member-id). The
   * sticky header outside `main` repeats the action buttons, hidden; never use those. */
  topCard: 'main section.artdeco-card[data-member-id], main section.artdeco-card:has(h1)',
  name: 'h1',
  headline: '.text-body-medium.break-words',
  location: 'span.text-body-small.inline.t-black--light.break-words',
  /** `<span class="distance-badge"><span class="dist-value">2nd</span>` */
  degree: '.distance-badge .dist-value, .distance-badge .visually-hidden',
  /** The link to the shared-connections search: "<b>Jordan Lee</b>, <b>Sam Patel</b>, and 12 other
   * mutual connections"; the bold spans are the named ones. */
  mutualLink: 'a[href*="facetConnectionOf"]',
  mutualNames: '.t-bold',
  /** The top card's action bar: Connect/Follow/Message, and More (a dropdown). */
  actions: '.pvs-profile-actions',
  /** "Invite Dana Whitfield to connect": a primary button, or a `div[role=button]` under More. */
  connectButton: 'button[aria-label^="Invite "][aria-label$=" to connect"]',
  moreButton: 'button[aria-label="More actions"]',
  connectMenuItem: '[role="button"][aria-label^="Invite "][aria-label$=" to connect"]',
  /** "Pending, click to withdraw invitation sent to …" replaces Connect once an invite is out. */
  pendingButton: 'button[aria-label^="Pending"]',
  /** "Message Dana Whitfield": opens the messaging overlay (an InMail composer for non-connections). */
  messageButton: 'button[aria-label^="Message "], a[aria-label^="Message "]',
  /** The experience card: `section` holding the `#experience` anchor, entries as direct `li`s of its
   * list. An entry with several roles at one company nests them in `.pvs-entity__sub-components`. */
  experienceSection: 'section:has(> #experience)',
  experienceEntry: '.pvs-list__outer-container > ul > li',
  entryBold: '.t-bold span[aria-hidden="true"]',
  /** The line under the title: "Acme Roofing · Full-time" (or "Full-time · 7 yrs" on a group). */
  entrySubtitle: 'span.t-14.t-normal:not(.t-black--light) > span[aria-hidden="true"]',
  /** The date range: "Jan 2019 - Present · 6 yrs 11 mos". */
  entryDates: '.pvs-entity__caption-wrapper',
  groupedRole: '.pvs-entity__sub-components li:has(.pvs-entity__caption-wrapper)',
} as const;

/** Words in a date range that mean the position is current ("Jan 2019 - Present"). */
export const PRESENT = /\b(present|heute|aujourd’hui|actualidad|presente)\b/i;

/** The invitation dialog opened by Connect. */
export const INVITE = {
  /** `div.artdeco-modal[role=dialog]` in `#artdeco-modal-outlet`: "Add a note to your invitation?" */
  dialog: '.artdeco-modal[role="dialog"], div[role="dialog"]:has(button[aria-label="Add a note"])',
  addNoteButton: 'button[aria-label="Add a note"]',
  /** `textarea#custom-message[name=message][maxlength=300]` with a "0/300" counter under it. */
  noteTextarea: 'textarea#custom-message, textarea[name="message"]',
  /** Named here so it is clear what we must never click: the seller sends. */
  sendButton: 'button[aria-label="Send invitation"], button[aria-label="Send now"]',
  /** The dialog's × (`button.artdeco-modal__dismiss[aria-label=Dismiss]`): closes without sending. */
  dismissButton: 'button.artdeco-modal__dismiss, button[aria-label="Dismiss"]',
  /** The success toast: "Your invitation to Dana Whitfield was sent." */
  sentToast: '.artdeco-toast-item',
  sentToastText: /invitation.*\bsent\b/i,
} as const;

/** The messaging overlay as an InMail composer (subject + body), opened from a profile. */
export const INMAIL = {
  composer: '.msg-overlay-conversation-bubble:has(.msg-form)',
  subject: '.msg-form__subject input, input[name="subject"]',
  body: '.msg-form__contenteditable[contenteditable="true"]',
  /** Each sent message appears as `li.msg-s-message-list__event` in the thread above the form. */
  sentMessage: '.msg-s-message-list__event',
  sendButton: '.msg-form__send-button',
  /** "Close your conversation with Tom Becker" in the bubble header; LinkedIn keeps the draft. */
  closeButton: 'button[aria-label^="Close your conversation"]',
} as const;

/** The seller's connections (`/mynetwork/invite-connect/connections/`): a finite scroll. */
export const CONNECTIONS = {
  card: 'li.mn-connection-card',
  profileLink: 'a.mn-connection-card__link',
  name: '.mn-connection-card__name',
  occupation: '.mn-connection-card__occupation',
  /** "Connected on March 3, 2024" */
  connectedOn: 'time.time-badge',
  loadMore: 'button.scaffold-finite-scroll__load-button',
} as const;

/** A Sales Navigator lead list (`/sales/lists/people/<id>`): a table paged in place. */
export const LEAD_LIST = {
  /** Sales Navigator marks personal data with data-anonymize; those attributes are the steadiest hook. */
  row: 'tr.artdeco-models-table-row:has([data-anonymize="person-name"])',
  name: '[data-anonymize="person-name"]',
  title: '[data-anonymize="job-title"]',
  company: '[data-anonymize="company-name"]',
  location: '[data-anonymize="location"]',
  degree: '.artdeco-entity-lockup__degree',
  listName: 'main h1',
  nextButton: 'button.artdeco-pagination__button--next',
  /** Paths of a lead list page, to find it among the seller's open tabs. */
  path: /^\/sales\/lists\/people\/[^/]+/,
} as const;

/** Pages and markers that mean: stop everything and let the seller deal with it. */
export const STOPS = {
  /** Paths LinkedIn sends a signed-out visitor to. */
  loggedOutPath: /^\/(login|uas\/login|authwall|signup|m\/login|checkpoint\/lg\/)/,
  /** The sign-in form (`form.login__form` with `session_key`) or the guest join wall. */
  loggedOutMarker:
    'form.login__form, input[name="session_key"], form.join-form, .authwall-join-form, a.nav__button-secondary[href*="/login"]',
  /** Security checks live under /checkpoint/challenge (PIN by email, "verify it's you"). */
  checkpointPath: /^\/checkpoint\/(challenge|challengesV2|restricted)/,
  checkpointMarker: 'form#email-pin-challenge, form.pin-verification-form, input[name="pin"]',
  /** LinkedIn's captcha is an Arkose Labs puzzle in `iframe#captcha-internal`; reCAPTCHA rarely. */
  captchaMarker:
    'iframe#captcha-internal, iframe[src*="arkoselabs"], iframe[title*="captcha" i], form#captcha-challenge, .g-recaptcha, iframe[src*="recaptcha"]',
  /** Limit notices appear in dialogs, alerts and banners; page text elsewhere (a headline about
   * "invitation limits") must not stop anything, so only these containers are read. */
  noticeContainer:
    '[role="dialog"], [role="alertdialog"], [role="alert"], .artdeco-modal, .artdeco-toast-item, .ip-fuse-limit-alert, .search-paywall__info',
} as const;

/** LinkedIn's own limit notices, and which kind of action each one stops. */
export const LIMIT_NOTICES: readonly { text: RegExp; kind: ActionKind }[] = [
  { text: /reached the weekly invitation limit|weekly limit for invitations/i, kind: 'invite' },
  { text: /monthly limit for (profile )?searches|commercial use limit/i, kind: 'search' },
  {
    text: /out of InMail credits|no (more )?InMail credits|used all (of )?your InMail credits/i,
    kind: 'inmail',
  },
  { text: /reached the (daily|weekly) limit for messages/i, kind: 'message' },
];
