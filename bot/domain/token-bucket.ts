/**
 * A token bucket: `ratePerSecond` sends on average, bursts up to `burst`. Time comes from the
 * caller so it can be tested without waiting. `pauseUntil` honours a Retry-After for everyone.
 */
export class TokenBucket {
  private tokens: number;
  private updatedAt: number;
  private pausedUntil = 0;

  constructor(
    private ratePerSecond: number,
    private readonly burst: number,
    now: number,
  ) {
    this.tokens = burst;
    this.updatedAt = now;
  }

  setRate(ratePerSecond: number, now: number): void {
    this.refill(now);
    this.ratePerSecond = ratePerSecond;
  }

  get rate(): number {
    return this.ratePerSecond;
  }

  pauseUntil(until: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, until);
  }

  /** Gives back a token for an attempt the service refused (it did not count against the limit). */
  refund(now: number): void {
    this.refill(now);
    this.tokens = Math.min(this.burst, this.tokens + 1);
  }

  /** Takes a token if one is free; otherwise says how long until one will be. */
  tryTake(now: number): { ok: true } | { ok: false; waitMs: number } {
    if (now < this.pausedUntil) return { ok: false, waitMs: this.pausedUntil - now };
    this.refill(now);
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return { ok: true };
    }
    return { ok: false, waitMs: Math.ceil(((1 - this.tokens) / this.ratePerSecond) * 1000) };
  }

  private refill(now: number): void {
    const elapsed = Math.max(0, now - this.updatedAt) / 1000;
    this.tokens = Math.min(this.burst, this.tokens + elapsed * this.ratePerSecond);
    this.updatedAt = now;
  }
}
