import { systemClock, type Clock } from '../clock';

export type BreakerState = 'closed' | 'open' | 'half_open';

export interface CircuitBreakerOptions {
  /** Consecutive failures (5xx, network) that open the breaker. */
  failureThreshold: number;
  /** How long it stays open before one trial call is let through. */
  coolDownMs: number;
  clock?: Clock;
  onStateChange?: (state: BreakerState) => void;
}

/**
 * Stops calling a service that keeps failing, so a Hunter outage costs one short wait instead of
 * every contact's full retry ladder. Closed: calls go through and failures are counted. Open: calls
 * are refused at once. After the cool-down, half-open: exactly one trial call goes through; its
 * success closes the breaker, its failure opens it for another cool-down.
 */
export class CircuitBreaker {
  private state: BreakerState = 'closed';
  private failures = 0;
  private openedAt = 0;
  private trialInFlight = false;
  private readonly clock: Clock;

  constructor(private readonly options: CircuitBreakerOptions) {
    this.clock = options.clock ?? systemClock;
  }

  /** The state as a caller would find it now (an open breaker past its cool-down reads half-open). */
  current(): BreakerState {
    if (this.state === 'open' && this.clock.now().getTime() - this.openedAt >= this.options.coolDownMs) {
      return 'half_open';
    }
    return this.state;
  }

  /** Milliseconds until an open breaker lets a trial through; 0 otherwise. */
  retryInMs(): number {
    if (this.state !== 'open') return 0;
    return Math.max(0, this.openedAt + this.options.coolDownMs - this.clock.now().getTime());
  }

  /** True if a call may go now. In half-open, only the first caller gets the trial. */
  tryPass(): boolean {
    const state = this.current();
    if (state === 'closed') return true;
    if (state === 'open') return false;
    if (this.state === 'open') this.move('half_open');
    if (this.trialInFlight) return false;
    this.trialInFlight = true;
    return true;
  }

  success(): void {
    this.failures = 0;
    this.trialInFlight = false;
    if (this.state !== 'closed') this.move('closed');
  }

  failure(): void {
    this.trialInFlight = false;
    // Calls that were already in flight when it opened say nothing new.
    if (this.state === 'open') return;
    this.failures++;
    if (this.state === 'half_open' || this.failures >= this.options.failureThreshold) {
      this.openedAt = this.clock.now().getTime();
      this.failures = 0;
      this.move('open');
    }
  }

  /** A call that let the breaker through ended without telling anything about the service. */
  release(): void {
    this.trialInFlight = false;
  }

  private move(state: BreakerState): void {
    this.state = state;
    this.options.onStateChange?.(state);
  }
}
