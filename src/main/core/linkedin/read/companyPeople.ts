import type { Page } from 'playwright-core';
import { normalizeProfileUrl } from '../urls';
import { COMPANY_PEOPLE } from '../selectors';
import type { PersonRow } from '../types';
import { attributeIn, companyFromLine, parseDegree, textIn } from './text';

export interface CompanyPeopleCards {
  rows: PersonRow[];
  /** "LinkedIn Member" cards (out of network): counted, not returned. */
  hiddenMembers: number;
  /** Whether the finite scroll offers "Show more results". */
  hasMore: boolean;
}

/** Reads every card the company's People tab shows so far (the list only grows). */
export async function readCompanyPeopleCards(page: Page): Promise<CompanyPeopleCards> {
  const rows: PersonRow[] = [];
  let hiddenMembers = 0;
  for (const card of await page.locator(COMPANY_PEOPLE.card).all()) {
    const profileUrl = normalizeProfileUrl(
      await attributeIn(card, COMPANY_PEOPLE.profileLink, 'href'),
      page.url(),
    );
    const name = await textIn(card, COMPANY_PEOPLE.name);
    if (!profileUrl || !name) {
      hiddenMembers++;
      continue;
    }
    const title = await textIn(card, COMPANY_PEOPLE.headline);
    rows.push({
      name,
      title,
      profileUrl,
      salesNavLeadUrl: null,
      // The People tab shows no location on its cards.
      location: null,
      degree: parseDegree(await textIn(card, COMPANY_PEOPLE.degree)),
      company: companyFromLine(title),
      source: 'company_page',
      via: 'company_people',
    });
  }
  const hasMore = (await page.locator(COMPANY_PEOPLE.loadMore).filter({ visible: true }).count()) > 0;
  return { rows, hiddenMembers, hasMore };
}
