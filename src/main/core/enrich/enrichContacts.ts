import type { EnrichContactInput, EnrichDeps, EnrichmentRun, EnrichOptions } from './enrichTypes';
import { emailDomain, isFreeMailDomain } from './domains';
import { dedupeEmails, hunterEmail, importedEmail } from './foundEmails';
import { guessEmails, type DomainKnowledge } from './guessEmails';
import { matchHunterEmail } from './matchPeople';
import { parsePersonName } from './names';
import { detectTemplate, normalizeTemplate } from './patterns';
import { runPool } from './pool';
import { memoizedGuess, resolveContactDomain } from './resolveDomain';
import { EnrichRun, mxEvidence, type DomainGroup, type Person } from './enrichRun';
import { findPerson, needsSearch, searchDomain, verifyGuesses } from './hunterSteps';

const scoreOf = (p: Person) => p.input.score ?? 0;

/**
 * Finds work emails for contacts. Contacts are grouped by company domain; a domain's known pattern
 * (learned from a verified address, or Hunter's) is used first; Hunter is asked once per domain per
 * month, highest-scoring domains first, and only with a credit the budget granted (hunterSteps.ts);
 * everyone else gets addresses guessed from patterns and checked against the domain's MX.
 * Cancelling stops new work at once and returns what was finished.
 */
export async function enrichContacts(
  contacts: readonly EnrichContactInput[],
  deps: EnrichDeps,
  options: EnrichOptions = {},
): Promise<EnrichmentRun> {
  const run = new EnrichRun(contacts.length, deps, options);
  const { summary, signal, rules } = run;
  const maxGuesses = options.maxGuesses ?? 3;
  const finished: Person[] = [];

  const finish = (person: Person) => {
    const emails = dedupeEmails(person.result.emails);
    person.result.emails = emails;
    // A guess is not an email to write to: only one of their own or a verified one counts.
    if (emails.some((e) => e.source === 'import' || e.status === 'verified')) summary.withEmail++;
    finished.push(person);
    options.onProgress?.({ done: finished.length, total: contacts.length, result: person.result });
  };

  // ---------------------------------------------------------------- 1. a domain for each contact
  const people: Person[] = contacts.map((input, index) => ({
    index,
    input,
    name: parsePersonName(input),
    result: { contactId: input.id, domain: null, domainSource: null, emails: [], notes: [] },
  }));
  const guess = options.guessDomains === false ? null : memoizedGuess(deps.mx, signal);
  const groups = new Map<string, DomainGroup>();
  await runPool(
    people,
    16,
    async (person) => {
      const resolved = await resolveContactDomain(person.input, guess);
      person.result.notes.push(...resolved.notes);
      if (!person.name)
        person.result.notes.push('no usable first and last name, so no address can be guessed');
      if (!resolved.domain) return finish(person);
      person.result.domain = resolved.domain;
      person.result.domainSource = resolved.source;
      let group = groups.get(resolved.domain);
      if (!group) {
        group = {
          domain: resolved.domain,
          people: [],
          priority: 0,
          mx: null,
          learned: undefined,
          search: null,
          searchFromCache: false,
        };
        groups.set(resolved.domain, group);
      }
      group.people.push(person);
    },
    signal,
  );
  summary.domains = groups.size;

  // ---------------------------------------------------------------- 2. what each domain already has
  const ordered = [...groups.values()];
  await runPool(
    ordered,
    16,
    async (group) => {
      group.people.sort((a, b) => scoreOf(b) - scoreOf(a) || a.index - b.index);
      group.priority = Math.max(...group.people.map(scoreOf));
      const [mx, learned, cached] = await Promise.all([
        deps.mx.lookup(group.domain, signal),
        deps.patterns.get(group.domain),
        deps.searchCache.get(group.domain, run.month),
      ]);
      group.mx = mx;
      group.learned = learned;
      if (cached) {
        group.search = cached;
        group.searchFromCache = true;
      }
      for (const person of group.people) await takeImports(group, person);
    },
    signal,
  );

  async function takeImports(group: DomainGroup, person: Person) {
    for (const { address, verified } of person.input.emails ?? []) {
      const email = address.trim().toLowerCase();
      const domain = emailDomain(email);
      if (!domain || isFreeMailDomain(domain)) continue;
      if (domain !== group.domain && !domain.endsWith(`.${group.domain}`)) {
        person.result.notes.push(`${email} is not at ${group.domain}, so it was left out`);
        continue;
      }
      const found = importedEmail(email, verified === true, person.name, mxEvidence(group.mx), rules);
      person.result.emails.push(found);
      if (verified) await run.learn(group, found.pattern, 'verified_address', email);
    }
  }

  // ---------------------------------------------------------------- 3. Hunter, then patterns, per domain
  ordered.sort(
    (a, b) => b.priority - a.priority || b.people.length - a.people.length || (a.domain < b.domain ? -1 : 1),
  );

  async function processDomain(group: DomainGroup) {
    if (needsSearch(run, group)) group.search = await searchDomain(run, group);
    if (group.searchFromCache) summary.cachedSearches++;
    const search = group.search;
    if (search) {
      for (const e of search.emails) {
        if (e.verification?.status !== 'valid') continue;
        const name = parsePersonName({ firstName: e.firstName, lastName: e.lastName });
        const local = e.value.slice(0, e.value.indexOf('@'));
        if (name && emailDomain(e.value) === group.domain) {
          await run.learn(group, detectTemplate(name, local), 'verified_address', e.value);
        }
      }
      const hunterPattern = normalizeTemplate(search.pattern);
      if (hunterPattern) await run.learn(group, hunterPattern, 'hunter', null);
    }
    const knowledge = (): DomainKnowledge => ({
      domain: group.domain,
      mx: mxEvidence(group.mx),
      catchAll: search?.acceptAll === true,
      learned: group.learned,
      hunterPattern: normalizeTemplate(search?.pattern),
    });

    const guessing: Person[] = [];
    for (const person of group.people) {
      signal?.throwIfAborted();
      if (!person.name) continue;
      const hasImport = person.result.emails.some((e) => e.source === 'import');
      // The others at the domain, so a short-form match never takes one of theirs.
      const colleagues = group.people.flatMap((p) => (p !== person && p.name ? [p.name] : []));
      const match = search ? matchHunterEmail(person.name, search.emails, colleagues) : null;
      if (match) {
        person.result.emails.push(
          hunterEmail(
            match,
            'domain_search',
            group.domain,
            mxEvidence(group.mx),
            search?.acceptAll === true,
            rules,
          ),
        );
        continue;
      }
      if (hasImport) continue;
      if (
        options.useEmailFinder &&
        group.learned?.source !== 'verified_address' &&
        group.mx?.status !== 'absent'
      ) {
        const found = await findPerson(run, group, person);
        if (found) {
          person.result.emails.push(found);
          continue;
        }
      }
      guessing.push(person);
    }

    if (guessing.length > 0 && (options.verifyGuessesPerDomain ?? 0) > 0)
      await verifyGuesses(run, group, guessing, knowledge);
    for (const person of guessing) {
      const checked = person.result.emails.filter((e) => e.verification);
      if (checked.some((e) => e.verification?.status === 'valid')) continue;
      const guessed = guessEmails(person.name!, knowledge(), rules, maxGuesses + checked.length);
      const fresh = guessed.emails
        .filter((e) => !checked.some((c) => c.email === e.email))
        .slice(0, maxGuesses);
      person.result.emails.push(...fresh);
      if (guessed.note) person.result.notes.push(guessed.note);
    }
    for (const person of group.people) finish(person);
  }

  await runPool(ordered, options.concurrency ?? 16, processDomain, signal);

  summary.cancelled = signal?.aborted === true;
  finished.sort((a, b) => a.index - b.index);
  return { results: finished.map((p) => p.result), summary };
}
