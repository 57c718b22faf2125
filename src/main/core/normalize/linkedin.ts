export interface NormalLinkedin {
  /** https://www.linkedin.com/in/<slug> */
  url: string;
  /** The profile's identity: its slug, lowercased and percent-decoded. */
  key: string;
}

/**
 * A LinkedIn profile URL in one form, whatever was pasted: with or without scheme or www, a
 * country subdomain, tracking parameters, a trailing slash, or the legacy /pub/name/x/y/z form.
 * Null for anything that is not a person's public profile (a company page, a Sales Navigator link).
 */
export function normalizeLinkedinUrl(raw: string): NormalLinkedin | null {
  const text = raw.trim();
  if (!text) return null;
  let url: URL;
  try {
    url = new URL(/^https?:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    return null;
  }
  const host = url.hostname.toLowerCase();
  if (host !== 'linkedin.com' && !host.endsWith('.linkedin.com')) return null;
  const parts = url.pathname.split('/').filter(Boolean);
  let slug: string | null = null;
  if (parts[0] === 'in' && parts[1]) slug = parts[1];
  else if (parts[0] === 'pub' && parts.length >= 2) slug = parts.slice(1).join('-');
  if (!slug) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(slug);
  } catch {
    decoded = slug;
  }
  const key = decoded.toLowerCase();
  return { url: `https://www.linkedin.com/in/${encodeURIComponent(key)}`, key };
}
