import type { Page } from 'playwright-core';
import { normalizeProfileUrl } from '../urls';
import { PEOPLE_SEARCH } from '../selectors';
import type { PersonRow } from '../types';
import { attributeIn, companyFromLine, parseDegree, textIn } from './text';

export interface PeopleSearchPage {
  rows: PersonRow[];
  /** 1-based page shown, and how many pages the paginator offers (1 when it is absent). */
  page: number;
  totalPages: number;
  hasNext: boolean;
  /** Rows LinkedIn hides as "LinkedIn Member" (out of network): counted, not returned. */
  hiddenMembers: number;
}

/** Reads one page of people search results as it is on screen. */
export async function readPeopleSearchPage(page: Page): Promise<PeopleSearchPage> {
  const rows: PersonRow[] = [];
  let hiddenMembers = 0;
  for (const card of await page.locator(PEOPLE_SEARCH.card).all()) {
    const profileUrl = normalizeProfileUrl(
      await attributeIn(card, PEOPLE_SEARCH.profileLink, 'href'),
      page.url(),
    );
    const name = await textIn(card, PEOPLE_SEARCH.name);
    if (!profileUrl || !name) {
      hiddenMembers++;
      continue;
    }
    const title = await textIn(card, PEOPLE_SEARCH.headline);
    const summary = await textIn(card, PEOPLE_SEARCH.summary);
    rows.push({
      name,
      title,
      profileUrl,
      salesNavLeadUrl: null,
      location: await textIn(card, PEOPLE_SEARCH.location),
      degree: parseDegree(await textIn(card, PEOPLE_SEARCH.degree)),
      company: companyFromLine(summary) ?? companyFromLine(title),
      source: 'search',
      via: 'people_search',
    });
  }
  const pageNumbers: number[] = [];
  for (const button of await page.locator(PEOPLE_SEARCH.pageButton).all()) {
    const n = Number(await button.getAttribute('data-test-pagination-page-btn', { timeout: 2000 }));
    if (Number.isInteger(n) && n > 0) pageNumbers.push(n);
  }
  const current = Number(new URL(page.url()).searchParams.get('page') ?? '1') || 1;
  const next = page.locator(PEOPLE_SEARCH.nextButton).first();
  const hasNext = (await next.count()) > 0 && (await next.isEnabled());
  return {
    rows,
    page: current,
    totalPages: Math.max(current, ...pageNumbers, 1),
    hasNext,
    hiddenMembers,
  };
}
