import { parse } from 'tldts';
import { FREE_MAIL_DOMAINS, SHARED_HOST_DOMAINS } from './freeMail';
import { emailDomain } from './email';

export { isFreeMailDomain } from './freeMail';

/** A website as a link: scheme added when missing, lowercased host; null when it is not one. */
export function normalizeWebsite(raw: string): string | null {
  const text = raw.trim();
  if (!text || /\s/.test(text) || text.includes('@')) return null;
  const withScheme = /^https?:\/\//i.test(text) ? text : `https://${text.replace(/^\/+/, '')}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return null;
  }
  const info = parse(url.hostname);
  if (!info.domain || !info.isIcann) return null;
  const path = url.pathname === '/' ? '' : url.pathname.replace(/\/+$/, '');
  return `${url.protocol}//${url.hostname.toLowerCase()}${path}`;
}

/**
 * The company's own registrable domain from its website (`https://www.shop.acme.co.uk/x` →
 * `acme.co.uk`), using the public-suffix list (tldts). Null for site builders, social profiles
 * and free-mail hosts, which many unrelated businesses share.
 */
export function domainFromWebsite(raw: string): string | null {
  const website = normalizeWebsite(raw);
  if (!website) return null;
  const info = parse(website);
  const domain = info.domain?.toLowerCase() ?? null;
  if (!domain || SHARED_HOST_DOMAINS.has(domain) || FREE_MAIL_DOMAINS.has(domain)) return null;
  return domain;
}

/** The company domain behind a work email; null for free-mail addresses (gmail.com and the like). */
export function domainFromEmail(email: string): string | null {
  const host = emailDomain(email);
  const domain = parse(host).domain?.toLowerCase() ?? null;
  if (!domain || FREE_MAIL_DOMAINS.has(domain) || FREE_MAIL_DOMAINS.has(host)) return null;
  return domain;
}

/** A bare domain typed in a "domain" column ("www.Acme.com", "acme.com/"). */
export function normalizeDomain(raw: string): string | null {
  return domainFromWebsite(raw);
}

/**
 * A company's domain from whatever the value is — a website, a bare domain or an email address —
 * or undefined when it says nothing about the company (free mail, a site builder, a profile page).
 */
export function companyDomainOf(raw: string | null | undefined): string | undefined {
  if (!raw) return undefined;
  return (raw.includes('@') ? domainFromEmail(raw.trim()) : domainFromWebsite(raw)) ?? undefined;
}
