import { systemClock, type Clock } from '../clock';
import { DEFAULT_CONFIDENCE_RULES, type ConfidenceRules, type MxEvidence } from './confidence';
import type {
  ContactEnrichment,
  EnrichContactInput,
  EnrichDeps,
  EnrichmentSummary,
  EnrichOptions,
} from './enrichTypes';
import { HunterError } from './hunterErrors';
import type { DomainSearchResult } from './hunterTypes';
import type { MxResult } from './mx';
import type { PersonName } from './names';
import { mergeLearnedPattern, type LearnedPattern, type PatternSource } from './patternStore';
import type { PatternTemplate } from './patterns';
import type { CreditKind, CreditRef } from './spend';
import { monthKey } from './time';

/** One contact on its way through a run. */
export interface Person {
  index: number;
  input: EnrichContactInput;
  name: PersonName | null;
  result: ContactEnrichment;
}

/** The contacts of one company domain, and what the run knows about the domain. */
export interface DomainGroup {
  domain: string;
  people: Person[];
  priority: number;
  mx: MxResult | null;
  learned: LearnedPattern | undefined;
  search: DomainSearchResult | null;
  searchFromCache: boolean;
}

export const mxEvidence = (mx: MxResult | null): MxEvidence =>
  mx === null || mx.status === 'error' ? 'unchecked' : mx.status;

export type Paid<T> = { ok: true; value: T } | { ok: false; refused?: true; why: string };

/**
 * What one enrichment run shares between its steps: its settings, its running summary, the
 * patterns it learns, and the one way it spends Hunter credit (`paid`).
 */
export class EnrichRun {
  readonly clock: Clock;
  readonly rules: ConfidenceRules;
  readonly signal: AbortSignal | undefined;
  /** The month credits and cached searches are counted in. */
  readonly month: string;
  readonly summary: EnrichmentSummary;
  /** The Hunter error that stopped Hunter for the rest of the run (a bad key, no credit left). */
  private hunterStop: HunterError | null = null;

  constructor(
    contacts: number,
    readonly deps: EnrichDeps,
    readonly options: EnrichOptions,
  ) {
    this.clock = deps.clock ?? systemClock;
    this.rules = options.rules ?? DEFAULT_CONFIDENCE_RULES;
    this.signal = options.signal;
    this.month = monthKey(this.clock.now(), options.timeZone);
    this.summary = {
      contacts,
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
  }

  /** Reserve, call, and refund when Hunter surely did not charge; not ok when the budget said no. */
  async paid<T>(kind: CreditKind, units: number, ref: CreditRef, call: () => Promise<T>): Promise<Paid<T>> {
    const { deps, signal } = this;
    if (!deps.hunter || this.hunterStop) return { ok: false, why: this.hunterStopNote() };
    if (!(await deps.budget.tryReserve(kind, units, ref))) {
      // The same question asked again this month (a re-run): not bought twice, and not "no credit".
      if (await deps.budget.spentBefore?.(kind, ref))
        return { ok: false, why: 'the same question was paid for already this month' };
      this.summary.creditsRefused++;
      return { ok: false, refused: true, why: `no ${kind} credit left in this month's Hunter budget` };
    }
    if (this.hunterStop || signal?.aborted) {
      await deps.budget.refund?.(kind, units, ref);
      if (signal?.aborted) throw signal.reason;
      return { ok: false, why: this.hunterStopNote() };
    }
    try {
      return { ok: true, value: await call() };
    } catch (error) {
      if (!(error instanceof HunterError)) throw error; // a cancel mid-call may have been charged: keep it booked
      // Hunter charges only answers it gave; a 200 we could not read was one of them.
      const answered = error.kind === 'bad_response' && error.status !== null && error.status < 300;
      if (!answered) await deps.budget.refund?.(kind, units, ref);
      if (error.stopsRun) {
        this.hunterStop ??= error;
        this.summary.hunterStopped ??= { kind: error.kind, message: error.message };
      }
      return { ok: false, why: `Hunter call failed: ${error.message}` };
    }
  }

  private hunterStopNote(): string {
    return this.hunterStop
      ? `Hunter stopped for this run: ${this.hunterStop.message}`
      : 'no Hunter key: guessed from patterns only';
  }

  /** Teaches a domain a pattern (kept when it is better evidence than what the domain had). */
  async learn(
    group: DomainGroup,
    template: PatternTemplate | null,
    source: PatternSource,
    example: string | null,
  ): Promise<void> {
    if (!template) return;
    const before = group.learned;
    const next = mergeLearnedPattern(before, { template, source, example }, this.clock.now().toISOString());
    if (next === before) return;
    group.learned = next;
    if (next.template !== before?.template || next.source !== before?.source) this.summary.patternsLearned++;
    await this.deps.patterns.set(group.domain, next);
  }
}
