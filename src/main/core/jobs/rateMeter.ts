/**
 * Units per second over a sliding window, and the time left at that rate. A window, not the
 * average since the start, so the estimate follows a job that speeds up or slows down.
 */
export class RateMeter {
  private samples: { t: number; done: number }[] = [];

  constructor(private readonly windowMs = 5000) {}

  add(done: number, t = performance.now()): void {
    this.samples.push({ t, done });
    while (this.samples.length > 2 && t - this.samples[1]!.t > this.windowMs) this.samples.shift();
  }

  rate(): number | null {
    if (this.samples.length < 2) return null;
    const first = this.samples[0]!;
    const last = this.samples[this.samples.length - 1]!;
    const seconds = (last.t - first.t) / 1000;
    if (seconds <= 0) return null;
    return (last.done - first.done) / seconds;
  }

  etaSeconds(done: number, total: number | null): number | null {
    const rate = this.rate();
    if (total === null || rate === null || rate <= 0) return null;
    return Math.max(0, (total - done) / rate);
  }
}
