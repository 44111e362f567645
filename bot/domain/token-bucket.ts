/**
 * A rate limiter of `ratePerSecond` with bursts up to `burst`, kept as the next free send time
 * (the generic cell rate algorithm). Each caller reserves its own slot, so many waiting sends
 * are paced evenly instead of racing for each freed token. Time comes from the caller so it can
 * be tested without waiting. `pauseUntil` honours a Retry-After for everyone.
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

  get rate(): number {
    return this.ratePerSecond;
  }

  private get interval(): number {
    return 1000 / this.ratePerSecond;
  }

  private get tolerance(): number {
    return (this.burst - 1) * this.interval;
  }

  setRate(ratePerSecond: number, _now: number): void {
    this.ratePerSecond = ratePerSecond;
  }

  pauseUntil(until: number): void {
    this.nextAt = Math.max(this.nextAt, until);
  }

  /** Books the next free slot; resolves how long to wait before using it (0: now). */
  reserve(now: number): number {
    const at = Math.max(now, this.nextAt - this.tolerance);
    this.nextAt = Math.max(this.nextAt, at) + this.interval;
    return at - now;
  }

  /** Takes a slot only if one is free right now; otherwise says how long until one is. */
  tryTake(now: number): { ok: true } | { ok: false; waitMs: number } {
    const at = Math.max(now, this.nextAt - this.tolerance);
    if (at > now) return { ok: false, waitMs: Math.ceil(at - now) };
    this.reserve(now);
    return { ok: true };
  }
}
