import { systemClock } from '../clock';
import { DEFAULT_CONFIDENCE_RULES, type MxEvidence } from './confidence';
import { emailDomain, isFreeMailDomain } from './domains';
import type {
  ContactEnrichment,
  EnrichContactInput,
  EnrichDeps,
  EnrichmentRun,
  EnrichmentSummary,
  EnrichOptions,
  FoundEmail,
} from './enrichTypes';
import { dedupeEmails, hunterEmail, importedEmail, verifiedGuess } from './foundEmails';
import { guessEmails, type DomainKnowledge } from './guessEmails';
import { EMAILS_PER_SEARCH_CREDIT } from './hunterClient';
import { HunterError } from './hunterErrors';
import type { DomainSearchResult, EmailVerification, HunterEmail } from './hunterTypes';
import { matchHunterEmail } from './matchPeople';
import type { MxResult } from './mx';
import { parsePersonName, type PersonName } from './names';
import { mergeLearnedPattern, type LearnedPattern, type PatternSource } from './patternStore';
import { detectTemplate, normalizeTemplate, type PatternTemplate } from './patterns';
import { runPool } from './pool';
import { memoizedGuess, resolveContactDomain } from './resolveDomain';
import type { CreditKind, CreditRef, DomainSearchCache } from './spend';
import { monthKey } from './time';

interface Person {
  index: number;
  input: EnrichContactInput;
  name: PersonName | null;
  result: ContactEnrichment;
}

interface DomainGroup {
  domain: string;
  people: Person[];
  priority: number;
  mx: MxResult | null;
  learned: LearnedPattern | undefined;
  search: DomainSearchResult | null;
  searchFromCache: boolean;
}

/**
 * Domain searches in flight, per cache, so two runs sharing a cache in one process never pay for
 * the same domain twice in a month. Across job workers the ledger's unique `ref.key` does that.
 */
const searchesInFlight = new WeakMap<DomainSearchCache, Map<string, Promise<DomainSearchResult | null>>>();

const mxEvidence = (mx: MxResult | null): MxEvidence =>
  mx === null || mx.status === 'error' ? 'unchecked' : mx.status;

const scoreOf = (p: Person) => p.input.score ?? 0;

/**
 * Finds work emails for contacts. Contacts are grouped by company domain; a domain's known pattern
 * (learned from a verified address, or Hunter's) is used first; Hunter is asked once per domain per
 * month, highest-scoring domains first, and only with a credit the budget granted; everyone else
 * gets addresses guessed from patterns and checked against the domain's MX. Cancelling stops new
 * work at once and returns what was finished.
 */
export async function enrichContacts(
  contacts: readonly EnrichContactInput[],
  deps: EnrichDeps,
  options: EnrichOptions = {},
): Promise<EnrichmentRun> {
  const clock = deps.clock ?? systemClock;
  const rules = options.rules ?? DEFAULT_CONFIDENCE_RULES;
  const signal = options.signal;
  const month = monthKey(clock.now());
  const maxGuesses = options.maxGuesses ?? 3;
  const searchLimit = options.search?.limit ?? EMAILS_PER_SEARCH_CREDIT;
  const summary: EnrichmentSummary = {
    contacts: contacts.length,
    withEmail: 0,
    domains: 0,
    domainSearches: 0,
    cachedSearches: 0,
    finderCalls: 0,
    verifierCalls: 0,
    creditsRefused: 0,
    patternsLearned: 0,
    hunterStopped: null,
    cancelled: false,
  };
  const finished: Person[] = [];
  let hunterStop: HunterError | null = null;

  const finish = (person: Person) => {
    const emails = dedupeEmails(person.result.emails);
    person.result.emails = emails;
    if (emails.length > 0) summary.withEmail++;
    finished.push(person);
    options.onProgress?.({ done: finished.length, total: contacts.length, result: person.result });
  };

  /** Reserve, call, and refund when Hunter surely did not charge; null when the budget said no. */
  async function paid<T>(kind: CreditKind, units: number, ref: CreditRef, call: () => Promise<T>) {
    if (!deps.hunter || hunterStop) return { ok: false as const, why: hunterStopNote() };
    if (!(await deps.budget.tryReserve(kind, units, ref))) {
      summary.creditsRefused++;
      return {
        ok: false as const,
        refused: true,
        why: `no ${kind} credit left in this month's Hunter budget`,
      };
    }
    if (hunterStop || signal?.aborted) {
      await deps.budget.refund?.(kind, units, ref);
      if (signal?.aborted) throw signal.reason;
      return { ok: false as const, why: hunterStopNote() };
    }
    try {
      return { ok: true as const, value: await call() };
    } catch (error) {
      if (!(error instanceof HunterError)) throw error; // a cancel mid-call may have been charged: keep it booked
      // Hunter charges only answers it gave; a 200 we could not read was one of them.
      const answered = error.kind === 'bad_response' && error.status !== null && error.status < 300;
      if (!answered) await deps.budget.refund?.(kind, units, ref);
      if (error.stopsRun) {
        hunterStop ??= error;
        summary.hunterStopped ??= { kind: error.kind, message: error.message };
      }
      return { ok: false as const, why: `Hunter call failed: ${error.message}` };
    }
  }
  const hunterStopNote = () =>
    hunterStop
      ? `Hunter stopped for this run: ${hunterStop.message}`
      : 'no Hunter key: guessed from patterns only';

  async function learn(
    group: DomainGroup,
    template: PatternTemplate | null,
    source: PatternSource,
    example: string | null,
  ) {
    if (!template) return;
    const before = group.learned;
    const next = mergeLearnedPattern(before, { template, source, example }, clock.now().toISOString());
    if (next === before) return;
    group.learned = next;
    if (next.template !== before?.template || next.source !== before?.source) summary.patternsLearned++;
    await deps.patterns.set(group.domain, next);
  }

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
        deps.searchCache.get(group.domain, month),
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
      if (verified) await learn(group, found.pattern, 'verified_address', email);
    }
  }

  // ---------------------------------------------------------------- 3. Hunter, then patterns, per domain
  ordered.sort(
    (a, b) => b.priority - a.priority || b.people.length - a.people.length || (a.domain < b.domain ? -1 : 1),
  );

  async function searchDomain(group: DomainGroup): Promise<DomainSearchResult | null> {
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
      const units = Math.max(1, Math.ceil(searchLimit / EMAILS_PER_SEARCH_CREDIT));
      const outcome = await paid('search', units, ref, () =>
        deps.hunter!.domainSearch({ ...options.search, domain: group.domain }, { signal }),
      );
      if (!outcome.ok) {
        // A budget shared with other runs may refuse because another run is paying for this very
        // domain right now (see store/onceBudget.ts); its answer is then in the cache.
        const late = await deps.searchCache.get(group.domain, month);
        if (late) {
          if ('refused' in outcome) summary.creditsRefused--;
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

  function needsSearch(group: DomainGroup): boolean {
    if (group.search || !deps.hunter) return false;
    if (group.mx?.status === 'absent' || group.mx?.status === 'nxdomain') {
      for (const p of group.people)
        p.result.notes.push(`${group.domain} takes no mail, so no Hunter credit was spent on it`);
      return false;
    }
    if (group.learned?.source === 'verified_address') return false;
    return group.people.some((p) => p.name && !p.result.emails.some((e) => e.source === 'import'));
  }

  async function processDomain(group: DomainGroup) {
    if (needsSearch(group)) group.search = await searchDomain(group);
    if (group.searchFromCache) summary.cachedSearches++;
    const search = group.search;
    if (search) {
      for (const e of search.emails) {
        if (e.verification?.status !== 'valid') continue;
        const name = parsePersonName({ firstName: e.firstName, lastName: e.lastName });
        const local = e.value.slice(0, e.value.indexOf('@'));
        if (name && emailDomain(e.value) === group.domain) {
          await learn(group, detectTemplate(name, local), 'verified_address', e.value);
        }
      }
      const hunterPattern = normalizeTemplate(search.pattern);
      if (hunterPattern) await learn(group, hunterPattern, 'hunter', null);
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
      const match = search ? matchHunterEmail(person.name, search.emails) : null;
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
        const found = await findPerson(group, person);
        if (found) {
          person.result.emails.push(found);
          continue;
        }
      }
      guessing.push(person);
    }

    if (guessing.length > 0 && (options.verifyGuessesPerDomain ?? 0) > 0)
      await verifyGuesses(group, guessing, knowledge);
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

  async function findPerson(group: DomainGroup, person: Person): Promise<FoundEmail | null> {
    const name = person.name!;
    const ref: CreditRef = {
      action: 'email_finder',
      domain: group.domain,
      month,
      contactId: person.input.id,
      key: `email_finder:${group.domain}:${name.first.value}.${name.last.value}:${month}`,
    };
    const firstName = person.input.firstName ?? undefined;
    const lastName = person.input.lastName ?? undefined;
    const fullName = person.input.fullName ?? undefined;
    const outcome = await paid('search', 1, ref, () =>
      deps.hunter!.emailFinder({ domain: group.domain, firstName, lastName, fullName }, { signal }),
    );
    if (!outcome.ok) {
      person.result.notes.push(`${outcome.why}; the email finder was not asked`);
      return null;
    }
    summary.finderCalls++;
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
      await learn(
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
      rules,
    );
  }

  /**
   * Verifies the best guesses of the highest-scoring person until one is valid (which teaches the
   * domain's pattern), the domain shows it is catch-all, or the per-domain allowance is spent.
   */
  async function verifyGuesses(group: DomainGroup, guessing: Person[], knowledge: () => DomainKnowledge) {
    if (group.learned?.source === 'verified_address' || group.mx?.status !== 'present') return;
    if (group.search?.acceptAll) return;
    const person = guessing[0]!;
    const { emails } = guessEmails(person.name!, knowledge(), rules, options.verifyGuessesPerDomain ?? 0);
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
        const outcome = await paid('verification', 1, ref, () =>
          deps.hunter!.emailVerifier(guess.email, { signal }),
        );
        if (!outcome.ok) {
          person.result.notes.push(`${outcome.why}; ${guess.email} was not verified`);
          return;
        }
        summary.verifierCalls++;
        v = outcome.value;
        if (!v.pending) await deps.verificationCache?.set(guess.email, month, v);
      }
      const checked = verifiedGuess(guess, v, rules);
      if (v.status === 'valid') {
        person.result.emails.push(checked);
        await learn(group, guess.pattern, 'verified_address', guess.email);
        return;
      }
      if (v.status !== 'invalid') return; // accept_all, unknown: nothing more can be learned here
      person.result.emails.push(checked);
    }
  }

  await runPool(ordered, options.concurrency ?? 16, processDomain, signal);

  summary.cancelled = signal?.aborted === true;
  finished.sort((a, b) => a.index - b.index);
  return { results: finished.map((p) => p.result), summary };
}
