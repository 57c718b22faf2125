import { domainFromEmail, domainFromWebsite, domainGuesses, type DomainSource } from './domains';
import type { EnrichContactInput } from './enrichTypes';
import type { MxLookupApi } from './mx';

export interface ResolvedDomain {
  domain: string | null;
  source: DomainSource | null;
  notes: string[];
}

export interface GuessedDomain {
  domain: string | null;
  note: string;
}

/**
 * A company's domain guessed from its name, accepted only if DNS shows an MX record for it: a
 * guessed domain that takes no mail is worse than none. All candidates are looked up at once and
 * the most likely one with mail wins.
 */
export async function guessCompanyDomain(
  companyName: string,
  mx: MxLookupApi,
  signal?: AbortSignal,
): Promise<GuessedDomain> {
  const candidates = domainGuesses(companyName);
  if (candidates.length === 0)
    return { domain: null, note: `no domain can be guessed from "${companyName}"` };
  const answers = await Promise.all(candidates.map((d) => mx.lookup(d, signal)));
  const hit = answers.find((a) => a.status === 'present');
  if (hit && hit.status === 'present') {
    return {
      domain: hit.domain,
      note: `domain ${hit.domain} guessed from the company name "${companyName}"; accepted because it has an MX record (${hit.hosts[0]})`,
    };
  }
  return {
    domain: null,
    note: `guessed ${candidates.join(', ')} from "${companyName}"; none has an MX record, so none was used`,
  };
}

/**
 * Where a contact's company domain comes from, best first: the one already on the company, a work
 * address, the website, then a guess from the company name (`guess` is shared per company name, so
 * 30 contacts at one company cost one set of lookups).
 */
export async function resolveContactDomain(
  contact: EnrichContactInput,
  guess: ((companyName: string) => Promise<GuessedDomain>) | null,
): Promise<ResolvedDomain> {
  const notes: string[] = [];
  if (contact.domain) {
    const known = domainFromWebsite(contact.domain);
    if (known.ok) return { domain: known.domain, source: 'known', notes };
    notes.push(`the company's domain was not used: ${known.reason}`);
  }
  for (const { address } of contact.emails ?? []) {
    const fromEmail = domainFromEmail(address);
    if (fromEmail.ok) return { domain: fromEmail.domain, source: 'email', notes };
    notes.push(fromEmail.reason);
  }
  if (contact.website) {
    const fromSite = domainFromWebsite(contact.website);
    if (fromSite.ok) return { domain: fromSite.domain, source: 'website', notes };
    notes.push(fromSite.reason);
  }
  if (guess && contact.company?.trim()) {
    const guessed = await guess(contact.company.trim());
    notes.push(guessed.note);
    if (guessed.domain) return { domain: guessed.domain, source: 'guessed', notes };
  }
  if (!contact.company?.trim() && !contact.website)
    notes.push('no company name or website to find a domain from');
  return { domain: null, source: null, notes };
}

/** One guess per company name per run. */
export function memoizedGuess(
  mx: MxLookupApi,
  signal?: AbortSignal,
): (companyName: string) => Promise<GuessedDomain> {
  const memo = new Map<string, Promise<GuessedDomain>>();
  return (companyName) => {
    const key = companyName.toLowerCase().replace(/\s+/g, ' ');
    let pending = memo.get(key);
    if (!pending) {
      pending = guessCompanyDomain(companyName, mx, signal);
      memo.set(key, pending);
    }
    return pending;
  };
}
