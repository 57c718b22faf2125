/**
 * The only places the app will open in the system browser. A link from imported data (a LinkedIn
 * URL in a spreadsheet cell) is untrusted, so it must be https and on one of these hosts.
 */
export const EXTERNAL_HOSTS = [
  'linkedin.com',
  'hunter.io',
  'close.com',
  'hubspot.com',
  'salesforce.com',
  'force.com',
] as const;

export function isAllowedExternalUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:') return false;
  if (url.username || url.password) return false;
  if (url.port && url.port !== '443') return false;
  const host = url.hostname.toLowerCase();
  return EXTERNAL_HOSTS.some((allowed) => host === allowed || host.endsWith(`.${allowed}`));
}
