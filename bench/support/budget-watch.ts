import type { SendBudgetStore } from '../../bot/store/send-budget-store.js';

/**
 * Who holds a tenant's send budget over a fleet round: reads the budget's slices every 250 ms and
 * keeps, for each read, the share of slices held by an instance that is alive. A slice nobody holds
 * (given back at a join and not yet taken) or one a killed process held (until its lease runs out)
 * sends nothing: what a handover costs the fleet's rate, apart from how busy the machine was.
 */
export class BudgetWatch {
  /** Requests the watch made to the leases table, to leave out of the fleet's own count. */
  reads = 0;
  private readonly samples: Array<{ at: number; heldByLive: number }> = [];
  private timer: ReturnType<typeof setInterval> | undefined;
  private reading = false;

  constructor(
    private readonly store: SendBudgetStore,
    private readonly tenantId: string,
    private readonly isAlive: (holder: string) => boolean,
  ) {}

  start(everyMs = 250): void {
    this.timer = setInterval(() => void this.sample(), everyMs);
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** The mean share of the budget live instances held over the reads from `fromMs` (inclusive) to `toMs` (exclusive). */
  heldShare(fromMs: number, toMs: number): number | undefined {
    const within = this.samples.filter((s) => s.at >= fromMs && s.at < toMs);
    return within.length ? within.reduce((sum, s) => sum + s.heldByLive, 0) / within.length : undefined;
  }

  private async sample(): Promise<void> {
    if (this.reading) return;
    this.reading = true;
    const at = Date.now();
    try {
      this.reads++;
      const { slices } = await this.store.read(this.tenantId);
      if (slices.length > 0)
        this.samples.push({ at, heldByLive: slices.filter((s) => s.holder !== '' && this.isAlive(s.holder)).length / slices.length });
    } catch {
      // A read that failed leaves a gap in the samples, nothing more.
    } finally {
      this.reading = false;
    }
  }
}
