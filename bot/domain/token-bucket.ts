/**
 * A rate limiter of `ratePerSecond` with bursts up to `burst`, kept as the next free send time
 * (the generic cell rate algorithm). Each caller reserves its own slot, so many waiting sends
 * are paced evenly instead of racing for each freed token. Time comes from the caller so it can
 * be tested without waiting.
 */
export class TokenBucket {
  private nextAt: number;

  constructor(
    private ratePerSecond: number,
    private readonly burst: number,
    now: number,
  ) {
    this.nextAt = now;
  }

  private get interval(): number {
    return 1000 / this.ratePerSecond;
  }

  private get tolerance(): number {
    return (this.burst - 1) * this.interval;
  }

  setRate(ratePerSecond: number): void {
    this.ratePerSecond = ratePerSecond;
  }

  /** Books the next free slot; resolves how long to wait before using it (0: now). */
  reserve(now: number): number {
    const at = Math.max(now, this.nextAt - this.tolerance);
    this.nextAt = Math.max(this.nextAt, at) + this.interval;
    return at - now;
  }
}
