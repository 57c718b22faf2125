import type { Page } from 'playwright-core';
import { normalizeSalesLeadUrl } from '../urls';
import { LEAD_LIST } from '../selectors';
import type { PersonRow } from '../types';
import { attributeIn, parseDegree, textIn } from './text';

export interface LeadListPage {
  listName: string | null;
  rows: PersonRow[];
  hasNext: boolean;
}

/**
 * Reads the rows of a Sales Navigator lead list as shown. Sales Navigator links to its own lead
 * pages, not to public profiles, so `profileUrl` is null; the lead URL identifies the person.
 * A saved list is the seller's own search, so its rows count as found by search.
 */
export async function readLeadListPage(page: Page): Promise<LeadListPage> {
  const rows: PersonRow[] = [];
  for (const row of await page.locator(LEAD_LIST.row).all()) {
    const name = await textIn(row, LEAD_LIST.name);
    const salesNavLeadUrl = normalizeSalesLeadUrl(await attributeIn(row, LEAD_LIST.name, 'href'), page.url());
    if (!name || !salesNavLeadUrl) continue;
    rows.push({
      name,
      title: await textIn(row, LEAD_LIST.title),
      profileUrl: null,
      salesNavLeadUrl,
      location: await textIn(row, LEAD_LIST.location),
      degree: parseDegree(await textIn(row, LEAD_LIST.degree)),
      company: await textIn(row, LEAD_LIST.company),
      source: 'search',
      via: 'sales_nav_lead_list',
    });
  }
  const next = page.locator(LEAD_LIST.nextButton).first();
  const hasNext = (await next.count()) > 0 && (await next.isEnabled());
  return { listName: await textIn(page.locator('body'), LEAD_LIST.listName), rows, hasNext };
}
