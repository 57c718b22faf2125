import { emailDomain } from './domains';
import type { FoundEmail } from './enrichTypes';
import { hunterEmail, verifiedGuess } from './foundEmails';
import { guessEmails, type DomainKnowledge } from './guessEmails';
import { EMAILS_PER_SEARCH_CREDIT } from './hunterClient';
import type { DomainSearchResult, EmailVerification, HunterEmail } from './hunterTypes';
import { detectTemplate } from './patterns';
import type { CreditRef, DomainSearchCache } from './spend';
import { mxEvidence, type DomainGroup, type EnrichRun, type Person } from './enrichRun';

/** The steps of a run that spend Hunter credit: a domain search, the email finder, the verifier. */

/**
 * Domain searches in flight, per cache, so two runs sharing a cache in one process never pay for
 * the same domain twice in a month. Across job workers the ledger's unique `ref.key` does that.
 */
const searchesInFlight = new WeakMap<DomainSearchCache, Map<string, Promise<DomainSearchResult | null>>>();

/** Whether a domain is worth a search credit: it takes mail, and someone there still needs an address. */
export function needsSearch(run: EnrichRun, group: DomainGroup): boolean {
  if (group.search || !run.deps.hunter) return false;
  if (group.mx?.status === 'absent' || group.mx?.status === 'nxdomain') {
    for (const p of group.people)
      p.result.notes.push(`${group.domain} takes no mail, so no Hunter credit was spent on it`);
    return false;
  }
  if (group.learned?.source === 'verified_address') return false;
  return group.people.some((p) => p.name && !p.result.emails.some((e) => e.source === 'import'));
}

/** Hunter's domain search for a group, once per domain per month whatever runs ask at once. */
export function searchDomain(run: EnrichRun, group: DomainGroup): Promise<DomainSearchResult | null> {
  const { deps, month, summary } = run;
  let inFlight = searchesInFlight.get(deps.searchCache);
  if (!inFlight) searchesInFlight.set(deps.searchCache, (inFlight = new Map()));
  const key = `${month} ${group.domain}`;
  const running = inFlight.get(key);
  if (running) return running;
  const attempt = (async () => {
    // Another run may have paid for it while this one was getting ready.
    const cached = await deps.searchCache.get(group.domain, month);
    if (cached) {
      group.searchFromCache = true;
      return cached;
    }
    const ref: CreditRef = {
      action: 'domain_search',
      domain: group.domain,
      month,
      key: `domain_search:${group.domain}:${month}`,
    };
    const limit = run.options.search?.limit ?? EMAILS_PER_SEARCH_CREDIT;
    const units = Math.max(1, Math.ceil(limit / EMAILS_PER_SEARCH_CREDIT));
    const outcome = await run.paid('search', units, ref, () =>
      deps.hunter!.domainSearch({ ...run.options.search, domain: group.domain }, { signal: run.signal }),
    );
    if (!outcome.ok) {
      // A budget shared with other runs may refuse because another run is paying for this very
      // domain right now (see store/onceBudget.ts); its answer is then in the cache.
      const late = await deps.searchCache.get(group.domain, month);
      if (late) {
        if (outcome.refused) summary.creditsRefused--;
        group.searchFromCache = true;
        return late;
      }
      for (const p of group.people)
        p.result.notes.push(`${outcome.why}; no domain search for ${group.domain}`);
      return null;
    }
    summary.domainSearches++;
    await deps.searchCache.set(group.domain, month, outcome.value);
    return outcome.value;
  })().finally(() => inFlight.delete(key));
  inFlight.set(key, attempt);
  return attempt;
}

/** Hunter's email finder for one person a domain search did not list (one search credit). */
export async function findPerson(
  run: EnrichRun,
  group: DomainGroup,
  person: Person,
): Promise<FoundEmail | null> {
  const name = person.name!;
  const ref: CreditRef = {
    action: 'email_finder',
    domain: group.domain,
    month: run.month,
    contactId: person.input.id,
    key: `email_finder:${group.domain}:${name.first.value}.${name.last.value}:${run.month}`,
  };
  const firstName = person.input.firstName ?? undefined;
  const lastName = person.input.lastName ?? undefined;
  const fullName = person.input.fullName ?? undefined;
  const outcome = await run.paid('search', 1, ref, () =>
    run.deps.hunter!.emailFinder(
      { domain: group.domain, firstName, lastName, fullName },
      { signal: run.signal },
    ),
  );
  if (!outcome.ok) {
    person.result.notes.push(`${outcome.why}; the email finder was not asked`);
    return null;
  }
  run.summary.finderCalls++;
  const f = outcome.value;
  if (!f.email || emailDomain(f.email) !== group.domain) return null;
  const asEmail: HunterEmail = {
    value: f.email,
    type: 'personal',
    confidence: f.score,
    firstName: f.firstName,
    lastName: f.lastName,
    position: f.position,
    seniority: null,
    department: null,
    linkedin: null,
    verification: f.verification,
  };
  if (f.verification?.status === 'valid') {
    await run.learn(
      group,
      detectTemplate(name, f.email.slice(0, f.email.indexOf('@'))),
      'verified_address',
      f.email,
    );
  }
  return hunterEmail(
    asEmail,
    'email_finder',
    group.domain,
    mxEvidence(group.mx),
    f.acceptAll === true,
    run.rules,
  );
}

/**
 * Verifies the best guesses of the highest-scoring person until one is valid (which teaches the
 * domain's pattern), the domain shows it is catch-all, or the per-domain allowance is spent.
 */
export async function verifyGuesses(
  run: EnrichRun,
  group: DomainGroup,
  guessing: Person[],
  knowledge: () => DomainKnowledge,
): Promise<void> {
  if (group.learned?.source === 'verified_address' || group.mx?.status !== 'present') return;
  if (group.search?.acceptAll) return;
  const { deps, month, rules } = run;
  const person = guessing[0]!;
  const { emails } = guessEmails(person.name!, knowledge(), rules, run.options.verifyGuessesPerDomain ?? 0);
  for (const guess of emails) {
    const ref: CreditRef = {
      action: 'email_verifier',
      domain: group.domain,
      month,
      contactId: person.input.id,
      email: guess.email,
      key: `email_verifier:${guess.email}:${month}`,
    };
    // A verdict paid for earlier this month (by a run that was then stopped) is not bought again.
    let v: EmailVerification | undefined = await deps.verificationCache?.get(guess.email, month);
    if (!v) {
      const outcome = await run.paid('verification', 1, ref, () =>
        deps.hunter!.emailVerifier(guess.email, { signal: run.signal }),
      );
      if (!outcome.ok) {
        person.result.notes.push(`${outcome.why}; ${guess.email} was not verified`);
        return;
      }
      run.summary.verifierCalls++;
      v = outcome.value;
      if (!v.pending) await deps.verificationCache?.set(guess.email, month, v);
    }
    const checked = verifiedGuess(guess, v, rules);
    if (v.status === 'valid') {
      person.result.emails.push(checked);
      await run.learn(group, guess.pattern, 'verified_address', guess.email);
      return;
    }
    if (v.status !== 'invalid') return; // accept_all, unknown: nothing more can be learned here
    person.result.emails.push(checked);
  }
}
