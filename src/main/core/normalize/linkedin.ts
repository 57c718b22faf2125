export interface NormalLinkedin {
  /** https://www.linkedin.com/in/<slug> */
  url: string;
  /** The profile's identity: its slug, lowercased and percent-decoded. */
  key: string;
}

/**
 * A LinkedIn profile URL in one form, whatever was pasted: with or without scheme or www, a
 * country subdomain, tracking parameters, a trailing slash or sub-page, percent-encoding and
 * case, or the legacy /pub/name/a/b/c form.
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
  const decoded = parts.map((p) => safeDecode(p).toLowerCase());
  let key: string | null = null;
  if (decoded[0] === 'in' && decoded[1]) key = decoded[1];
  else if (decoded[0] === 'pub' && decoded[1]) {
    // The legacy public form /pub/<name>/<a>/<b>/<c> is the profile /in/<name>-<c><b><a>, with <a>
    // and <b> zero-padded to 2 and 3 characters (LinkedIn redirects one to the other).
    const [, name, a, b, c] = decoded;
    key =
      a && b && c && /^[0-9a-f]+$/.test(a + b + c)
        ? `${name}-${c}${b.padStart(3, '0')}${a.padStart(2, '0')}`
        : name!;
  }
  if (!key) return null;
  return { url: `https://www.linkedin.com/in/${encodeURIComponent(key)}`, key };
}

/** The profile's key alone, for matching: every spelling of one profile gives the same key. */
export function linkedinKey(raw: string | null | undefined): string | undefined {
  return raw ? (normalizeLinkedinUrl(raw)?.key ?? undefined) : undefined;
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
