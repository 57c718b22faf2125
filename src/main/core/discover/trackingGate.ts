import type { Db } from '../db/database';
import type { Clock } from '../clock';
import type { ActionGate, ActionKind, ActionRef, GateDecision } from '../safety/actionGate';
import { LedgerActionGate } from '../quotas/ledgerActionGate';

/**
 * The quota ledger as the browser session's gate, remembering which booking each queue item's send
 * made. An assisted send that goes out is then recorded by the queue's own mark (which books the
 * unit with the status change, in one transaction), and the session's booking is given back, so
 * the ledger counts the send once.
 */
export class TrackingGate implements ActionGate {
  private readonly ledger: LedgerActionGate;
  private readonly bookings = new Map<string, number>();

  constructor(db: Db, clock: Clock) {
    this.ledger = new LedgerActionGate(db, { clock });
  }

  private static key(kind: ActionKind, ref: ActionRef): string {
    return `${kind}:${ref.type}:${ref.id}`;
  }

  async reserve(kind: ActionKind, ref?: ActionRef): Promise<GateDecision> {
    const decision = await this.ledger.reserve(kind, ref);
    if (decision.ok && ref) this.bookings.set(TrackingGate.key(kind, ref), decision.id);
    return decision;
  }

  async refund(id: number): Promise<void> {
    for (const [key, booked] of this.bookings) if (booked === id) this.bookings.delete(key);
    await this.ledger.refund(id);
  }

  recordLimitNotice(kind: ActionKind, message: string): Promise<void> {
    return this.ledger.recordLimitNotice(kind, message);
  }

  /** Gives back the booking the session made for `ref`, if any (the mark books it instead). */
  async handOver(kind: ActionKind, ref: ActionRef): Promise<void> {
    const id = this.bookings.get(TrackingGate.key(kind, ref));
    if (id !== undefined) await this.refund(id);
  }
}
