import { getDomain } from 'tldts';
import { FREE_MAIL_DOMAINS, SHARED_HOST_DOMAINS } from './freeMailDomains';

/**
 * The registrable domain ("example.co.uk") of a website, URL, bare host or email address, lower
 * case; undefined when there is none. tldts reads the Public Suffix List, so "shop.acme.co.uk" →
 * "acme.co.uk" and, with private suffixes on, "acme.blogspot.com" stays the business's own.
 */
export function domainOf(raw: string | null | undefined): string | undefined {
  if (!raw) return undefined;
  let text = raw.trim().toLowerCase();
  if (text.length === 0) return undefined;
  const at = text.lastIndexOf('@');
  if (at >= 0) text = text.slice(at + 1);
  // "www.acme.com/about" and "acme.com" without a scheme are common in spreadsheets.
  text = text.replace(/^mailto:/, '').replace(/[>\s].*$/, '');
  const domain = getDomain(text, { allowPrivateDomains: true });
  return domain ?? undefined;
}

export function isFreeMailDomain(domain: string): boolean {
  return FREE_MAIL_DOMAINS.has(domain);
}

/**
 * The domain as evidence of a company: undefined for a free-mail provider (gmail.com) or a site
 * that hosts many businesses (facebook.com/acme, yelp.com), which say nothing about who it is.
 */
export function companyDomainOf(raw: string | null | undefined): string | undefined {
  const domain = domainOf(raw);
  if (!domain || FREE_MAIL_DOMAINS.has(domain) || SHARED_HOST_DOMAINS.has(domain)) return undefined;
  return domain;
}

/** A lower-cased email address, or undefined when the text is not one. */
export function normalizeEmail(raw: string | null | undefined): string | undefined {
  if (!raw) return undefined;
  const text = raw
    .trim()
    .toLowerCase()
    .replace(/^mailto:/, '');
  // Deliberately loose: local@domain.tld, no spaces. Deliverability is enrichment's job.
  return /^[^\s@]+@[^\s@]+\.[a-z0-9-]{2,}$/.test(text) ? text : undefined;
}
