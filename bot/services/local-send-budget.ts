import type { SendBudget } from './send-budget.js';

/**
 * The budget as one instance sees it without the fleet: the app's limit shared evenly between the
 * instances it is told are live, and a tenant throttled by Teams held back on this instance only.
 */
export class LocalSendBudget implements SendBudget {
  private share: number;
  private readonly throttled = new Map<string, number>();
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly appPerSecond: number,
    liveInstances = 1,
  ) {
    this.share = appPerSecond / Math.max(1, liveInstances);
  }

  /** The instances sharing the app's limit changed (a test says how many). */
  liveInstances(count: number): void {
    const share = this.appPerSecond / Math.max(1, count);
    if (share === this.share) return;
    this.share = share;
    this.changed();
  }

  rateFor(): number {
    return this.share;
  }

  shareOf(): number {
    return this.share / this.appPerSecond;
  }

  throttledUntil(tenantId: string, nowMs: number): number {
    const until = this.throttled.get(tenantId) ?? 0;
    if (until > nowMs) return until;
    this.throttled.delete(tenantId);
    return 0;
  }

  throttle(tenantId: string, untilMs: number): void {
    if (untilMs <= (this.throttled.get(tenantId) ?? 0)) return;
    this.throttled.set(tenantId, untilMs);
    this.changed();
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    for (const listener of [...this.listeners]) listener();
  }
}
