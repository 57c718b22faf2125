import { civilOf } from '../quotas/windows';
import { systemTimeZone } from '../safety/zonedTime';
import { setTimeout as delay } from 'node:timers/promises';
import type { Clock } from '../clock';

/**
 * Waits `ms`, or rejects with the signal's reason when it is aborted. Everything in enrichment that
 * waits (rate limiting, back-off) takes one of these, so tests run on a fake clock in no real time.
 */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export const realSleep: Sleep = async (ms, signal) => {
  await delay(Math.max(0, ms), undefined, signal ? { signal } : undefined);
};

/** A number in [0, 1), like Math.random; injected so jitter is reproducible in tests. */
export type Random = () => number;

/** The error a cancelled operation rejects with, the same one fetch and timers use. */
export function abortError(signal?: AbortSignal): unknown {
  return signal?.reason ?? new DOMException('This operation was aborted', 'AbortError');
}

export function isAbortError(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

/**
 * The calendar month that a credit or a cached search belongs to ("2025-06"), on the seller's
 * calendar: in `timeZone` (the quota ledger's, from Settings) when given, else this computer's.
 * The same month as the ledger's, so a search cached at 23:30 on the 31st is not bought again
 * because the two disagreed about which month it was.
 */
export function monthKey(date: Date, timeZone = systemTimeZone()): string {
  const { year, month } = civilOf(date, timeZone);
  return `${year}-${String(month).padStart(2, '0')}`;
}

export const nowMs = (clock: Clock): number => clock.now().getTime();
