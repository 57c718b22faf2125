import { parse } from 'tldts';
import { normalizeEmail } from '../normalize/email';
import { linkedinKey } from '../normalize/linkedin';

export type SuppressionKind = 'email' | 'domain' | 'linkedin';

/**
 * The stored form of a do-not-contact entry, compared exactly against the stored form of contacts:
 * a lowercased address; a registrable domain (from "acme.com", "@acme.com", "https://www.acme.com/x"
 * or an address at it); a LinkedIn profile key (the slug). Null when the value is not one.
 * A domain entry may be a free-mail host: the seller may really mean "nobody @gmail.com".
 */
export function suppressionValue(kind: SuppressionKind, raw: string): string | null {
  const text = raw.trim();
  if (!text) return null;
  if (kind === 'email') return normalizeEmail(text) ?? null;
  if (kind === 'linkedin') return linkedinKey(text) ?? null;
  const host = text.includes('@') ? text.slice(text.lastIndexOf('@') + 1) : text;
  const info = parse(host.includes('://') ? host : `https://${host.replace(/^\/+/, '')}`);
  return info.domain && info.isIcann ? info.domain.toLowerCase() : null;
}

/** Which kind a bare value is, for a list pasted or imported without a kind column. */
export function guessSuppressionKind(raw: string): SuppressionKind | null {
  const text = raw.trim();
  if (/linkedin\.com\//i.test(text)) return 'linkedin';
  if (/^[^@\s]+@[^@\s]+$/.test(text)) return 'email';
  if (/^@?[a-z0-9.-]+\.[a-z]{2,}\/?$/i.test(text)) return 'domain';
  return null;
}
