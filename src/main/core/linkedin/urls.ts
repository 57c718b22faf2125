/**
 * LinkedIn addresses. The session navigates under a configurable base (https://www.linkedin.com in
 * the app, a fixture server on 127.0.0.1 in tests), but the profile URLs it reports are always the
 * canonical public form, so a person found in a test looks like one found for real, and one found
 * by search dedupes against the same person in the seller's Connections.csv.
 */

export const LINKEDIN_ORIGIN = 'https://www.linkedin.com';

/** `https://www.linkedin.com/in/<slug>`: lower case, no query, no trailing slash, encoded. */
export function canonicalProfileUrl(slug: string): string {
  return `${LINKEDIN_ORIGIN}/in/${encodeURIComponent(slug)}`;
}

function isLinkedInHost(host: string): boolean {
  return host === 'linkedin.com' || host.endsWith('.linkedin.com');
}

/**
 * The profile slug in a link from a LinkedIn page (absolute, relative, with `?miniProfileUrn=…`,
 * `/overlay/…`, a country subdomain, percent-encoded), or null when it is not a public profile link
 * (`/in/me`, a Sales Navigator lead, a search link). Links to other sites are not profiles, except
 * when they point at the page's own host (the fixture server in tests).
 */
export function profileSlug(href: string | null | undefined, pageUrl?: string): string | null {
  if (!href) return null;
  let url: URL;
  try {
    url = new URL(href, pageUrl ?? LINKEDIN_ORIGIN);
  } catch {
    return null;
  }
  const sameHostAsPage = pageUrl !== undefined && url.host === new URL(pageUrl).host;
  if (!isLinkedInHost(url.hostname) && !sameHostAsPage) return null;
  const match = /^\/in\/([^/]+)/.exec(url.pathname);
  if (!match?.[1]) return null;
  let slug: string;
  try {
    slug = decodeURIComponent(match[1]);
  } catch {
    return null;
  }
  slug = slug.normalize('NFC').toLowerCase().trim();
  if (slug === '' || slug === 'me' || slug.includes('/')) return null;
  return slug;
}

export function normalizeProfileUrl(href: string | null | undefined, pageUrl?: string): string | null {
  const slug = profileSlug(href, pageUrl);
  return slug === null ? null : canonicalProfileUrl(slug);
}

/** What a caller may pass as "a profile": any LinkedIn profile link, or a bare slug. */
export function profileUrlFromInput(input: string): string | null {
  const trimmed = input.trim();
  if (/^[^/:?#\s]+$/.test(trimmed)) return normalizeProfileUrl(`/in/${trimmed}`);
  return normalizeProfileUrl(trimmed);
}

/** A Sales Navigator lead link without its tracking query: `https://www.linkedin.com/sales/lead/…`. */
export function normalizeSalesLeadUrl(href: string | null | undefined, pageUrl?: string): string | null {
  if (!href) return null;
  try {
    const url = new URL(href, pageUrl ?? LINKEDIN_ORIGIN);
    const match = /^\/sales\/lead\/([^/?#]+)/.exec(url.pathname);
    return match?.[1] ? `${LINKEDIN_ORIGIN}/sales/lead/${match[1]}` : null;
  } catch {
    return null;
  }
}

export interface PeopleSearchQuery {
  /** Free keywords; the company's name when its LinkedIn id is unknown. */
  keywords?: string;
  /** LinkedIn's numeric company ids (the "Current company" filter). */
  companyIds?: readonly string[];
  /** Title words, joined with OR in LinkedIn's title filter. */
  titleKeywords?: readonly string[];
}

/** Builds the pages the session visits, under the configured base URL. */
export class LinkedInUrls {
  readonly base: string;

  constructor(baseUrl: string = LINKEDIN_ORIGIN) {
    const url = new URL(baseUrl);
    if (url.protocol !== 'https:' && url.hostname !== '127.0.0.1' && url.hostname !== 'localhost')
      throw new RangeError(`The LinkedIn address must be https (got ${baseUrl}).`);
    this.base = url.origin;
  }

  private at(path: string, query?: Record<string, string | undefined>): string {
    const url = new URL(path, this.base);
    for (const [key, value] of Object.entries(query ?? {})) if (value) url.searchParams.set(key, value);
    return url.toString();
  }

  feed(): string {
    return this.at('/feed/');
  }

  login(): string {
    return this.at('/login');
  }

  /** People search, page 1-based. LinkedIn pages results by `page=` (10 a page). */
  peopleSearch(query: PeopleSearchQuery, page = 1): string {
    return this.at('/search/results/people/', {
      keywords: query.keywords,
      currentCompany: query.companyIds?.length ? JSON.stringify(query.companyIds) : undefined,
      titleFreeText: query.titleKeywords?.length
        ? query.titleKeywords.map((k) => (/\s/.test(k) ? `"${k}"` : k)).join(' OR ')
        : undefined,
      origin: 'FACETED_SEARCH',
      page: page > 1 ? String(page) : undefined,
    });
  }

  /** A company's People tab, optionally narrowed by keywords (LinkedIn matches titles there). */
  companyPeople(companySlug: string, keywords?: string): string {
    return this.at(`/company/${encodeURIComponent(companySlug)}/people/`, { keywords });
  }

  /** A profile under the base, from a canonical URL, any LinkedIn profile link or a bare slug. */
  profile(profileUrlOrSlug: string): string {
    const slug = profileUrlOrSlug.includes('/')
      ? profileSlug(profileUrlOrSlug)
      : profileUrlOrSlug.toLowerCase();
    if (!slug) throw new RangeError(`Not a LinkedIn profile address: ${profileUrlOrSlug}`);
    return this.at(`/in/${encodeURIComponent(slug)}/`);
  }

  connections(): string {
    return this.at('/mynetwork/invite-connect/connections/');
  }

  /** Whether a page's address is under the configured base (and so is LinkedIn to us). */
  owns(url: string): boolean {
    try {
      return new URL(url).origin === this.base;
    } catch {
      return false;
    }
  }
}
