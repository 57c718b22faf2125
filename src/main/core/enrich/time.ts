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
 * The calendar month, in local time, that a credit or a cached search belongs to ("2025-06"). Local
 * because the seller's quota resets on the 1st where the seller is.
 */
export function monthKey(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}`;
}

export const nowMs = (clock: Clock): number => clock.now().getTime();
