import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { BrowserContext } from 'playwright-core';
import { openLinkedInBrowser } from '../../../../src/main/core/linkedin/launch';
import { DEFAULT_WORKING_HOURS, type WorkingHours } from '../../../../src/main/core/safety/workingHours';
import { chromiumPath, CHROMIUM_TEST_ARGS } from '../../../e2e/harness/browser';
import { ROOT, tempDir } from '../../../helpers/paths';

export const FIXTURES = path.join(ROOT, 'tests/fixtures/linkedin');

/** The seller works from Austin: 09:00–17:00, Monday to Friday, Central time. */
export const AUSTIN_HOURS: WorkingHours = { ...DEFAULT_WORKING_HOURS, timeZone: 'America/Chicago' };

type Route = string | ((url: URL) => string);

/** LinkedIn's paths, answered with the fixture pages that copy their structure. */
const ROUTES: Record<string, Route> = {
  '/feed/': 'feed.html',
  '/login': 'login.html',
  '/authwall': 'authwall.html',
  '/search/results/people/': (url) =>
    url.searchParams.get('page') === '2' ? 'search-people-page2.html' : 'search-people-page1.html',
  '/company/acme-roofing/people/': 'company-people.html',
  '/in/dana-whitfield/': 'profile-dana-whitfield.html',
  '/in/marcus-oyelaran-4b2a1b19/': 'profile-marcus-oyelaran.html',
  '/in/tom-becker-8812/': 'profile-tom-becker.html',
  '/in/priya-raman/': 'profile-priya-raman.html',
  '/in/renee-castillo-cpa/': 'profile-renee-castillo.html',
  '/in/alicia-moreno-tx/': 'invite-limit-notice.html',
  '/sales/lists/people/7012345678901234567': 'sales-nav-lead-list.html',
  '/mynetwork/invite-connect/connections/': 'connections.html',
  '/checkpoint/challenge/AgFZsecuritycheck': 'checkpoint.html',
  '/checkpoint/challenge/AgHcaptcha': 'captcha.html',
};

export interface SiteRequest {
  path: string;
  search: string;
}

/**
 * A stand-in for www.linkedin.com on 127.0.0.1: LinkedIn's paths (query strings included, for
 * paging) answered with the fixture pages, redirects like LinkedIn's to its walls, and a log of
 * every request so a test can say "nothing was loaded after the stop".
 */
export interface FixtureSite {
  url: string;
  requests: SiteRequest[];
  /** Answer `from` (a path, or a path with its exact query) with a 302 to `to`, as LinkedIn
   * sends a visitor to /authwall or /checkpoint. */
  redirect(from: string, to: string): void;
  /** Answer `route` with another fixture file. */
  serve(route: string, file: string): void;
  /** Answer `path` only after `ms`, like a slow LinkedIn page (to see what waits for it). */
  delay(path: string, ms: number): void;
  /** Back to the default routes. */
  reset(): void;
  close(): Promise<void>;
}

export async function startFixtureSite(): Promise<FixtureSite> {
  let redirects = new Map<string, string>();
  let overrides = new Map<string, string>();
  let delays = new Map<string, number>();
  const requests: SiteRequest[] = [];
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const pathname = decodeURIComponent(url.pathname);
    requests.push({ path: pathname, search: url.search });
    const wait = delays.get(pathname);
    if (wait) await new Promise((resolve) => setTimeout(resolve, wait));
    const target = redirects.get(pathname + url.search) ?? redirects.get(pathname);
    if (target) {
      res.writeHead(302, { Location: target }).end();
      return;
    }
    // LinkedIn answers with and without the trailing slash; so do we.
    const route =
      overrides.get(pathname) ??
      ROUTES[pathname] ??
      ROUTES[`${pathname}/`] ??
      ROUTES[pathname.replace(/\/$/, '')];
    const file = typeof route === 'function' ? route(url) : route;
    if (!file) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    fs.createReadStream(path.join(FIXTURES, file)).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    redirect: (from, to) => void redirects.set(from, to),
    serve: (route, file) => void overrides.set(route, file),
    delay: (route, ms) => void delays.set(route, ms),
    reset: () => {
      redirects = new Map();
      overrides = new Map();
      delays = new Map();
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The seller's browser as the app opens it (persistent profile), headless for the tests. */
export async function openTestBrowser(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = tempDir('pd-linkedin-profile-');
  const context = await openLinkedInBrowser({
    executablePath: chromiumPath(),
    profileDir: profile.dir,
    headless: true,
    args: [...CHROMIUM_TEST_ARGS],
  });
  return {
    context,
    close: async () => {
      await context.close();
      profile.cleanup();
    },
  };
}
