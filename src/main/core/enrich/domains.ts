import { parse } from 'tldts';
import { foldToAscii } from './names';
import { isFreeMailDomain, SHARED_HOST_DOMAINS } from '../normalize/freeMail';

/**
 * Where a company's mail domain comes from, and the domains that never are one. The free-mail list
 * is the `email-providers` package (8,700 domains, ISP mail such as comcast.net and sbcglobal.net
 * included, which contractor rosters are full of); a short hand list would miss most of them.
 */

export type DomainSource = 'known' | 'email' | 'website' | 'guessed';

export type DomainVerdict = { ok: true; domain: string } | { ok: false; reason: string };

export { isFreeMailDomain };

/**
 * Sites where a company has a page but not its own domain: a "website" there tells nothing about
 * its mail. Matched on the registrable domain, or on the host for Google's page builders.
 */
const PLATFORM_DOMAINS = SHARED_HOST_DOMAINS;
const PLATFORM_HOSTS = new Set(['sites.google.com', 'maps.google.com', 'business.google.com']);

function checkDomain(host: string | null | undefined, what: string): DomainVerdict {
  if (!host) return { ok: false, reason: `${what} has no domain` };
  const info = parse(host);
  if (info.isIp) return { ok: false, reason: `${what} is an IP address, not a domain` };
  if (!info.domain || info.isIcann !== true) return { ok: false, reason: `${what} is not a public domain` };
  const domain = info.domain.toLowerCase();
  if (isFreeMailDomain(domain))
    return { ok: false, reason: `${domain} is a free-mail provider, not a company` };
  if (PLATFORM_DOMAINS.has(domain) || PLATFORM_HOSTS.has((info.hostname ?? '').toLowerCase())) {
    return { ok: false, reason: `${what} is a page on ${domain}, not the company's own domain` };
  }
  return { ok: true, domain };
}

/** "https://www.Acme-Roofing.com/about" → acme-roofing.com; a subdomain gives its registrable domain. */
export function domainFromWebsite(website: string | null | undefined): DomainVerdict {
  const raw = website?.trim() ?? '';
  if (!raw) return { ok: false, reason: 'no website' };
  if (raw.includes('@') && !raw.includes('/')) return domainFromEmail(raw);
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `http://${raw}`;
  let host: string;
  try {
    host = new URL(withScheme).hostname;
  } catch {
    return { ok: false, reason: `the website "${raw}" is not a web address` };
  }
  return checkDomain(host, `the website ${host}`);
}

/** The domain of a work address; free-mail addresses are refused. */
export function domainFromEmail(email: string | null | undefined): DomainVerdict {
  const raw = email?.trim().toLowerCase() ?? '';
  const at = raw.lastIndexOf('@');
  if (at <= 0 || at === raw.length - 1) return { ok: false, reason: 'no email address' };
  return checkDomain(raw.slice(at + 1), `the address ${raw}`);
}

/** The bare address domain (not the registrable one): mail.acme.com stays mail.acme.com. */
export function emailDomain(email: string): string | null {
  const at = email.lastIndexOf('@');
  return at > 0 ? email.slice(at + 1).toLowerCase() : null;
}

const LEGAL_SUFFIXES = new Set([
  'inc',
  'incorporated',
  'llc',
  'llp',
  'lp',
  'ltd',
  'limited',
  'corp',
  'corporation',
  'co',
  'company',
  'plc',
  'pc',
  'pllc',
  'gmbh',
  'ag',
  'sa',
  'sas',
  'sarl',
  'srl',
  'bv',
  'nv',
  'pty',
  'oy',
  'ab',
]);

/** The name's words for a domain: "The Smith & Sons Co., Inc." → [smith, and, sons]. */
function nameWords(companyName: string): string[] {
  const text = foldToAscii(companyName)
    .toLowerCase()
    .replace(/\bd\/?b\/?a\b.*$/, '') // "Acme LLC dba Acme Roofing": the legal name is enough
    .replace(/&/g, ' and ')
    .replace(/['’`]/g, '')
    .replace(/\b([a-z])\.(?=[a-z]\.)/g, '$1') // "L.L.C." → "LLC"
    .replace(/[^a-z0-9]+/g, ' ');
  const list = text.split(' ').filter(Boolean);
  while (list.length > 1 && LEGAL_SUFFIXES.has(list[list.length - 1]!)) list.pop();
  if (list.length > 1 && list[0] === 'the') list.shift();
  return list;
}

const GUESS_TLDS = ['com', 'net', 'co', 'us'];

/**
 * Domains a company with this name may use, most likely first: the name run together and
 * hyphenated on .com, without "and", then other common endings. Each is a guess until DNS shows an
 * MX record for it.
 */
export function domainGuesses(companyName: string, max = 6): string[] {
  const list = nameWords(companyName);
  if (list.length === 0) return [];
  const joined = list.join('');
  const labels = [joined];
  if (list.length > 1) labels.push(list.join('-'));
  const withoutAnd = list.filter((w) => w !== 'and');
  if (withoutAnd.length !== list.length && withoutAnd.length > 0) labels.push(withoutAnd.join(''));
  const out: string[] = [];
  for (const label of labels) out.push(`${label}.com`);
  for (const tld of GUESS_TLDS.slice(1)) out.push(`${joined}.${tld}`);
  return out
    .filter((d) => d.split('.')[0]!.length >= 2 && d.split('.')[0]!.length <= 63)
    .filter((d) => checkDomain(d, d).ok)
    .slice(0, max);
}
