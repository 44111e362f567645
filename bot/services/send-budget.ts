/**
 * How much of Teams' per-tenant request budget (50 requests a second for the app, across every
 * instance) this instance may use right now. The outbound pacer asks it before every request to
 * Teams; the fleet implementation shares the budget between live instances through Table Storage,
 * so it changes within a second when an instance joins, leaves or dies.
 */
export interface SendBudget {
  /** Requests a second this instance may send to the tenant now; 0 while it holds no share. */
  rateFor(tenantId: string, nowMs: number): number;
  /**
   * The part of the tenant's budget this instance holds now (0 to 1). Each conversation's windows
   * are cut to it, so instances sending to one conversation at once (votes on one share's card
   * arriving at several) stay within its limits together.
   */
  shareOf(tenantId: string, nowMs: number): number;
  /** When the tenant may be sent to again after Teams answered 429 (0 or a past time: now). */
  throttledUntil(tenantId: string, nowMs: number): number;
  /** Teams answered 429: no instance sends to the tenant before `untilMs`. */
  throttle(tenantId: string, untilMs: number): void;
  /** Calls `listener` whenever a rate or a throttle changes, so waiting requests are paced anew; returns the unsubscribe. */
  onChange(listener: () => void): () => void;
}
