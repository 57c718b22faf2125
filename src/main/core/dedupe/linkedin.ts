/**
 * A LinkedIn profile URL reduced to one key, "linkedin.com/in/<slug>", so every spelling of one
 * profile meets: any scheme or none, www/mobile/country subdomains (uk.linkedin.com), query and
 * fragment (?trk=…), a trailing slash or sub-page (/in/x/details/…), percent-encoding and case.
 * The legacy public form /pub/<name>/<a>/<b>/<c> is the same profile as /in/<name>-<c><b><a>
 * (LinkedIn redirects one to the other); <a> and <b> are zero-padded to 2 and 3 characters.
 * Returns undefined for anything that is not a person's profile (a company page, a post, a search).
 */
export function linkedinKey(raw: string | null | undefined): string | undefined {
  if (!raw) return undefined;
  let text = raw.trim();
  if (text.length === 0) return undefined;
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) text = `https://${text}`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  const host = url.hostname.toLowerCase();
  if (host !== 'linkedin.com' && !host.endsWith('.linkedin.com')) return undefined;
  const parts = url.pathname
    .split('/')
    .filter((p) => p.length > 0)
    .map((p) => safeDecode(p).toLowerCase());
  if (parts[0] === 'in' && parts[1]) return `linkedin.com/in/${parts[1]}`;
  if (parts[0] === 'pub' && parts[1]) {
    const [, name, a, b, c] = parts;
    if (a && b && c && /^[0-9a-f]+$/.test(a + b + c)) {
      return `linkedin.com/in/${name}-${c}${b.padStart(3, '0')}${a.padStart(2, '0')}`;
    }
    return `linkedin.com/in/${name}`;
  }
  return undefined;
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
