import { z } from 'zod';

/** A test server on this computer: how the tests stand in for Hunter, Close and LinkedIn. */
const isLoopback = (url: URL) =>
  url.protocol === 'http:' && (url.hostname === '127.0.0.1' || url.hostname === 'localhost');

/**
 * Whether an address belongs to the service it is set for: one of its own hosts over https, or a
 * test server on this computer. The app sends an API key (Hunter, Close) or the seller's signed-in
 * browser (LinkedIn) there, so "any https address" would let a page that went wrong point the keys
 * at a host of its choosing.
 */
export function isServiceUrl(text: string, hosts: readonly string[]): boolean {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return false;
  }
  if (isLoopback(url)) return true;
  return (
    url.protocol === 'https:' && url.username === '' && url.password === '' && hosts.includes(url.hostname)
  );
}

/** A settings field holding such an address; `home` is the service's own (the default). */
export const serviceUrl = (what: string, home: string, hosts: readonly string[]) =>
  z
    .string()
    .trim()
    .url(`Use an address like ${home}.`)
    .refine((u) => isServiceUrl(u, hosts), {
      message: `The ${what} address must be ${home} (or a test server on 127.0.0.1).`,
    })
    .default(home);
