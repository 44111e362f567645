/**
 * Teams' rate limits for a bot, as the connector stand-in holds them: sliding windows over the
 * times requests arrived. Every request counts, answered or refused, as Teams counts it.
 */
export interface WindowLimit {
  /** Names the limit in the stand-in's figures. */
  name: LimitName;
  windowMs: number;
  max: number;
}

export type LimitName = 'tenant1s' | 'conversation1s' | 'conversation2s' | 'conversation30s' | 'conversation1h';

/** The app's requests to one tenant, across every instance of the bot: 50 in any second. */
export const TENANT_LIMITS: readonly WindowLimit[] = [{ name: 'tenant1s', windowMs: 1_000, max: 50 }];

/** One bot's sends (or conversation creations) in one conversation. */
export const CONVERSATION_LIMITS: readonly WindowLimit[] = [
  { name: 'conversation1s', windowMs: 1_000, max: 7 },
  { name: 'conversation2s', windowMs: 2_000, max: 8 },
  { name: 'conversation30s', windowMs: 30_000, max: 60 },
  { name: 'conversation1h', windowMs: 3_600_000, max: 1_800 },
];

/** A limit a request found already used up, and how long until the window has room again. */
export interface Exceeded {
  limit: WindowLimit;
  /** Milliseconds until enough earlier requests leave the window for one more to fit. */
  roomInMs: number;
}

/**
 * The arrival times of one key's requests (a tenant's, a conversation's), kept for the longest
 * of its windows. A window of `windowMs` ending at `now` holds the requests that arrived after
 * `now - windowMs` and up to `now`: two requests exactly a window apart are in different windows.
 */
export class RequestWindows {
  private readonly times: number[] = [];
  private start = 0;
  private readonly longestMs: number;

  constructor(private readonly limits: readonly WindowLimit[]) {
    this.longestMs = Math.max(...limits.map((l) => l.windowMs));
  }

  /** The limits a request arriving at `now` exceeds, judged on the requests before it. */
  exceeded(now: number): Exceeded[] {
    this.forget(now);
    const found: Exceeded[] = [];
    for (const limit of this.limits) {
      const first = this.firstAfter(now - limit.windowMs);
      const inWindow = this.times.length - first;
      if (inWindow < limit.max) continue;
      // The oldest `inWindow - max + 1` requests must leave before one more fits.
      const mustLeave = this.times[first + inWindow - limit.max]!;
      found.push({ limit, roomInMs: Math.max(0, mustLeave + limit.windowMs - now) });
    }
    return found;
  }

  /** Counts a request that arrived at `now`, whatever it was answered. */
  add(now: number): void {
    this.forget(now);
    // Times come nearly in order; one a little out of it (a request whose body took longer to read) is put in its place.
    if (this.times.length > this.start && now < this.times[this.times.length - 1]!) this.times.splice(this.firstAfter(now), 0, now);
    else this.times.push(now);
  }

  /** Requests in the window of `windowMs` that ends at `now`. */
  countWithin(windowMs: number, now: number): number {
    return this.times.length - this.firstAfter(now - windowMs);
  }

  private firstAfter(time: number): number {
    let low = this.start;
    let high = this.times.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.times[mid]! <= time) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  private forget(now: number): void {
    this.start = this.firstAfter(now - this.longestMs);
    // Drop the forgotten head now and then rather than shifting on every request.
    if (this.start > 1_024 && this.start * 2 > this.times.length) {
      this.times.splice(0, this.start);
      this.start = 0;
    }
  }
}
