import type { QuotaKey } from '@shared/domain/quotas';
import type { Db } from '../db/database';
import { systemClock, type Clock } from '../clock';
import type { ActionGate, ActionKind, ActionRef, GateDecision } from '../safety/actionGate';
import { readQuotaConfig, type QuotaConfig } from './config';
import { recordNotice, refundBooking, reserveUnits } from './ledger';

/** The ledger key each LinkedIn action books under. */
export const ACTION_KEYS: Record<ActionKind, QuotaKey> = {
  search: 'linkedin.search',
  profile_view: 'linkedin.profile_view',
  invite: 'linkedin.invite',
  inmail: 'linkedin.inmail',
  message: 'linkedin.message',
};

export interface LedgerGateOptions {
  clock?: Clock;
  /** The limits and zone; read from Settings on every action by default. */
  config?: () => QuotaConfig;
}

/**
 * The app's ActionGate: the quota ledger in the database. Each reserve is one BEGIN IMMEDIATE
 * transaction, so counts hold across connections, processes and restarts. Wrap it with
 * `withWorkingHours` (safety) for the LinkedIn browser actions; the manual queue marks what the
 * seller already did by hand, so it books through the same ledger without the hours rule.
 */
export class LedgerActionGate implements ActionGate {
  private readonly clock: Clock;
  private readonly config: () => QuotaConfig;

  constructor(
    private readonly db: Db,
    options: LedgerGateOptions = {},
  ) {
    this.clock = options.clock ?? systemClock;
    this.config = options.config ?? (() => readQuotaConfig(db));
  }

  async reserve(kind: ActionKind, ref?: ActionRef): Promise<GateDecision> {
    const result = reserveUnits(this.db, ACTION_KEYS[kind], this.clock.now(), 1, this.config(), ref);
    if (result.ok) return { ok: true, id: result.id };
    const refusal: GateDecision = { ok: false, reason: result.reason, message: result.message };
    if (result.retryAt) refusal.retryAt = result.retryAt;
    return refusal;
  }

  async refund(id: number): Promise<void> {
    refundBooking(this.db, id);
  }

  async recordLimitNotice(kind: ActionKind, message: string): Promise<void> {
    recordNotice(this.db, ACTION_KEYS[kind], message, this.clock.now(), this.config().timeZone);
  }
}
