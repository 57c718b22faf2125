import type { Locator, Page } from 'playwright-core';
import { PRESENT, PROFILE } from '../selectors';
import type { ProfileDetails } from '../types';
import { clean, parseDegree, parseMutualConnections, textIn } from './text';

/** The top card of a profile page; throws when the page is not a profile. */
export function topCard(page: Page): Locator {
  return page.locator(PROFILE.topCard).first();
}

async function visibleCount(scope: Locator, selector: string): Promise<number> {
  return scope.locator(selector).filter({ visible: true }).count();
}

/** First experience role whose dates run to "Present"; grouped entries hold several roles. */
async function currentPosition(page: Page): Promise<ProfileDetails['currentPosition']> {
  const entries = await page
    .locator(PROFILE.experienceSection)
    .first()
    .locator(PROFILE.experienceEntry)
    .all();
  for (const entry of entries) {
    const roles = entry.locator(PROFILE.groupedRole);
    if ((await roles.count()) > 0) {
      // A company with several roles: the bold header is the company, each role has its own title.
      const company = await textIn(entry, PROFILE.entryBold);
      for (const role of await roles.all()) {
        const dates = await textIn(role, PROFILE.entryDates);
        const title = await textIn(role, PROFILE.entryBold);
        if (title && dates && PRESENT.test(dates)) return { title, company };
      }
      continue;
    }
    const dates = await textIn(entry, PROFILE.entryDates);
    const title = await textIn(entry, PROFILE.entryBold);
    if (!title || !dates || !PRESENT.test(dates)) continue;
    // "Acme Roofing · Full-time": the company is before the first middle dot.
    const subtitle = await textIn(entry, PROFILE.entrySubtitle);
    return { title, company: clean(subtitle?.split(' · ')[0]) };
  }
  return null;
}

/** Reads a profile page as shown; `profileUrl` is the canonical URL the caller asked for. */
export async function readProfilePage(page: Page, profileUrl: string): Promise<ProfileDetails> {
  const card = topCard(page);
  const name = await textIn(card, PROFILE.name);
  if (!name) throw new Error(`No profile on ${page.url()}: the page has no name heading.`);
  const degree = parseDegree(await textIn(card, PROFILE.degree));
  const mutualLink = card.locator(PROFILE.mutualLink).first();
  const mutualText = (await mutualLink.count()) > 0 ? clean(await mutualLink.textContent()) : null;
  const mutualNames =
    (await mutualLink.count()) > 0
      ? (await mutualLink.locator(PROFILE.mutualNames).allTextContents())
          .map(clean)
          .filter((n): n is string => !!n)
      : [];
  const actions = card.locator(PROFILE.actions);
  let relationship: ProfileDetails['relationship'] = 'unknown';
  if (degree === 1) relationship = 'connected';
  else if ((await visibleCount(actions, PROFILE.pendingButton)) > 0) relationship = 'pending';
  else if ((await actions.locator(`${PROFILE.connectButton}, ${PROFILE.connectMenuItem}`).count()) > 0)
    relationship = 'connectable';
  return {
    profileUrl,
    name,
    headline: await textIn(card, PROFILE.headline),
    location: await textIn(card, PROFILE.location),
    degree,
    currentPosition: await currentPosition(page),
    mutualConnections: parseMutualConnections(mutualText, mutualNames),
    relationship,
  };
}
