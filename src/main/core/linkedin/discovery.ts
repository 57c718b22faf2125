import { AppFailure } from '@shared/contract/result';
import type { ActionRef } from '../safety/actionGate';
import type { PageDriver } from './pageDriver';
import { readCompanyPeopleCards } from './read/companyPeople';
import { readConnectionCards } from './read/connections';
import { readLeadListPage } from './read/leadList';
import { readPeopleSearchPage, type PeopleSearchPage } from './read/peopleSearch';
import { readProfilePage } from './read/profile';
import { COMPANY_PEOPLE, CONNECTIONS, LEAD_LIST, PEOPLE_SEARCH, PROFILE } from './selectors';
import type { PersonRow, ProfileDetails } from './types';
import { profileUrlFromInput, type LinkedInUrls, type PeopleSearchQuery } from './urls';

/**
 * The reading actions, each run by the session with the page to itself. They navigate and click
 * only through the driver, so every load is paced, booked with the gate and checked for a stop.
 */

/** How long new cards may take to appear after "Show more results" or Next. */
const MORE_TIMEOUT_MS = 15_000;

async function waitForCountAbove(count: () => Promise<number>, before: number, what: string): Promise<void> {
  const deadline = Date.now() + MORE_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if ((await count()) > before) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new AppFailure('unavailable', `LinkedIn did not load more ${what}.`);
}

export async function searchPeoplePage(
  driver: PageDriver,
  urls: LinkedInUrls,
  query: PeopleSearchQuery,
  pageNumber: number,
): Promise<PeopleSearchPage> {
  await driver.visit(
    'search',
    urls.peopleSearch(query, pageNumber),
    'search_results',
    `${PEOPLE_SEARCH.card}, ${PEOPLE_SEARCH.noResults}`,
  );
  return readPeopleSearchPage(driver.page);
}

/**
 * A company's People tab: the first screen, then "Show more results" up to `maxLoads` times in all
 * (each load is one 'search' action). Returns every card read; the caller filters.
 */
export async function readCompanyPeople(
  driver: PageDriver,
  urls: LinkedInUrls,
  companySlug: string,
  maxLoads: number,
  onLoad?: (rows: PersonRow[], load: number) => Promise<void> | void,
): Promise<{ rows: PersonRow[]; hiddenMembers: number; loads: number; complete: boolean }> {
  await driver.visit('search', urls.companyPeople(companySlug), 'company_people', COMPANY_PEOPLE.card);
  let cards = await readCompanyPeopleCards(driver.page);
  let loads = 1;
  await onLoad?.(cards.rows, loads);
  while (cards.hasMore && loads < maxLoads) {
    const before = await driver.page.locator(COMPANY_PEOPLE.card).count();
    await driver.clickForMore(
      'search',
      driver.page.locator(COMPANY_PEOPLE.loadMore).filter({ visible: true }).first(),
      'Show more results',
      'company_people',
      () => waitForCountAbove(() => driver.page.locator(COMPANY_PEOPLE.card).count(), before, 'people'),
    );
    const shown = cards.rows.length;
    cards = await readCompanyPeopleCards(driver.page);
    loads++;
    await onLoad?.(cards.rows.slice(shown), loads);
  }
  return { rows: cards.rows, hiddenMembers: cards.hiddenMembers, loads, complete: !cards.hasMore };
}

export async function readProfile(
  driver: PageDriver,
  urls: LinkedInUrls,
  profileUrl: string,
  ref?: ActionRef,
): Promise<ProfileDetails> {
  const canonical = profileUrlFromInput(profileUrl);
  if (!canonical) throw new AppFailure('invalid_input', `Not a LinkedIn profile address: ${profileUrl}`);
  await driver.visit('profile_view', urls.profile(canonical), 'profile', PROFILE.topCard, ref);
  return readProfilePage(driver.page, canonical);
}

/** The seller's connections, newest first, with "Show more results" up to `maxLoads` loads. */
export async function readConnections(
  driver: PageDriver,
  urls: LinkedInUrls,
  maxLoads: number,
): Promise<{ rows: PersonRow[]; loads: number; complete: boolean }> {
  await driver.visit('search', urls.connections(), 'list', CONNECTIONS.card);
  let cards = await readConnectionCards(driver.page);
  let loads = 1;
  while (cards.hasMore && loads < maxLoads) {
    const before = await driver.page.locator(CONNECTIONS.card).count();
    await driver.clickForMore(
      'search',
      driver.page.locator(CONNECTIONS.loadMore).filter({ visible: true }).first(),
      'Show more results',
      'list',
      () => waitForCountAbove(() => driver.page.locator(CONNECTIONS.card).count(), before, 'connections'),
    );
    cards = await readConnectionCards(driver.page);
    loads++;
  }
  return { rows: cards.rows, loads, complete: !cards.hasMore };
}

/**
 * The lead list already open in the driver's page, page by page with Next (Sales Navigator pages
 * in place, so "done" is when the first row changes). The first page is not a new action: the
 * seller opened it.
 */
export async function readOpenLeadList(
  driver: PageDriver,
  maxPages: number,
): Promise<{ listName: string | null; rows: PersonRow[]; pagesRead: number; complete: boolean }> {
  await driver.checkStop();
  await driver.waitReady(LEAD_LIST.row, 'the lead list');
  let page = await readLeadListPage(driver.page);
  const rows = [...page.rows];
  let pagesRead = 1;
  while (page.hasNext && pagesRead < maxPages) {
    const firstLead = page.rows[0]?.salesNavLeadUrl ?? null;
    await driver.clickForMore(
      'search',
      driver.page.locator(LEAD_LIST.nextButton).first(),
      'Next page of the lead list',
      'list',
      async () => {
        const deadline = Date.now() + MORE_TIMEOUT_MS;
        while (Date.now() < deadline) {
          const now = await readLeadListPage(driver.page);
          if (now.rows.length > 0 && now.rows[0]?.salesNavLeadUrl !== firstLead) return;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        throw new AppFailure('unavailable', 'The next page of the lead list did not load.');
      },
    );
    page = await readLeadListPage(driver.page);
    rows.push(...page.rows);
    pagesRead++;
  }
  return { listName: page.listName, rows, pagesRead, complete: !page.hasNext };
}

/** Whether a page address is a Sales Navigator lead list. */
export function isLeadListUrl(url: string): boolean {
  try {
    return LEAD_LIST.path.test(new URL(url).pathname);
  } catch {
    return false;
  }
}
