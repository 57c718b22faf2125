import type { Page } from 'playwright-core';
import { normalizeProfileUrl } from '../urls';
import { CONNECTIONS } from '../selectors';
import type { PersonRow } from '../types';
import { attributeIn, clean, companyFromLine, textIn } from './text';

export interface ConnectionCards {
  rows: PersonRow[];
  hasMore: boolean;
}

/** Reads every connection card shown so far on the seller's connections page. */
export async function readConnectionCards(page: Page): Promise<ConnectionCards> {
  const rows: PersonRow[] = [];
  for (const card of await page.locator(CONNECTIONS.card).all()) {
    const profileUrl = normalizeProfileUrl(
      await attributeIn(card, CONNECTIONS.profileLink, 'href'),
      page.url(),
    );
    const name = await textIn(card, CONNECTIONS.name);
    if (!profileUrl || !name) continue;
    const title = await textIn(card, CONNECTIONS.occupation);
    const connectedOn = clean(
      (await textIn(card, CONNECTIONS.connectedOn))?.replace(/^connected\s+on\s+/i, ''),
    );
    const row: PersonRow = {
      name,
      title,
      profileUrl,
      salesNavLeadUrl: null,
      location: null,
      degree: 1,
      company: companyFromLine(title),
      source: 'existing_connection',
      via: 'connections_list',
    };
    if (connectedOn) row.connectedOn = connectedOn;
    rows.push(row);
  }
  const hasMore = (await page.locator(CONNECTIONS.loadMore).filter({ visible: true }).count()) > 0;
  return { rows, hasMore };
}
