import type { Logger } from 'pino';
import { RowAges, fairShare, takeableSlices } from '../domain/budget-slices.js';
import type { HeldSlice, SendBudgetStore, StoredMember, TenantBudgetRows } from '../store/send-budget-store.js';
import { pause, settle, within } from './abortable-waits.js';
import type { SendBudget } from './send-budget.js';
import { readThrottle, shareThrottle, type ThrottleState } from './shared-throttle.js';

export interface FleetSendBudgetOptions {
  store: SendBudgetStore;
  instanceId: string;
  logger: Logger;
  /** A tenant's requests a second across the whole fleet (Teams: 50). */
  perTenantPerSecond: number;
  /** How many slices a tenant's budget is cut into: the finest step of an instance's share. */
  slices?: number;
  /** How long a slice stays its holder's after the holder's last renewal was sent. */
  leaseMs?: number;
  /** How often an instance renews its slices and its heartbeat, and looks at the others'. */
  renewEveryMs?: number;
  /**
   * A holder stops using a slice this long before its lease ends, so a handover never doubles the
   * rate: it covers a request released just before then and reaching Teams late (a stalled event
   * loop), and clocks that run at slightly different speeds.
   */
  marginMs?: number;
  /** A tenant not asked about for this long is left: its slices go back and it costs no more requests. */
  idleMs?: number;
  clock?: () => number;
  /** A signal that aborts after `ms`: how long a storage request is waited for (tests: on their own clock). */
  timeout?: (ms: number) => AbortSignal;
  /** False: nothing runs by itself and a test moves the budget on with `tick()`, under its own clock. */
  autoRun?: boolean;
}

interface Held {
  etag: string;
  /** Local time from which this instance no longer sends on the slice unless it was renewed. */
  usableUntil: number;
}

interface TenantState extends ThrottleState {
  wantedAt: number;
  held: Map<number, Held>;
  /**
   * Slices this instance wrote itself holder of (renewed or took) without an answer yet, or whose
   * answer never came (timed out, connection lost): when the first such write was sent. Such a
   * write may have landed all the same; a read that finds the slice held by this instance under an
   * ETag it does not know finds that write, which cannot have been sent before this time.
   */
  unanswered: Map<number, number>;
  ages: RowAges;
  loop: Promise<void> | undefined;
  failing: boolean;
}

/**
 * Teams' per-tenant budget (50 requests a second for the app) shared by every instance of the
 * service through Table Storage. Each tenant being sent to is cut into slices (10 × 5/s), each
 * leased by at most one instance (ETag-conditional writes, a 2 s lease renewed every 250 ms).
 * Every instance sending to a tenant beats in the tenant's partition and aims at an even split of
 * the slices between the live ones: it gives back slices beyond its share as soon as it sees
 * another instance join, takes free ones up to its share, and takes a dead instance's once their
 * lease has run out. A holder uses a slice until `marginMs` before the lease its last confirmed
 * write began, and a taker waits the whole lease from when it first saw the slice unchanged, so
 * the rates the instances use never add up to more than the tenant's at any instant, whatever
 * their clocks say (each measures only its own durations).
 *
 * One slow or lost answer does not cost the slices: a slice stays usable for 1.5 s after each
 * renewal was sent, and a renewal goes out every round even when the round's read is not answered
 * in time. A write whose answer never came may have landed: the next read that finds the slice
 * held by this instance under an unknown ETag keeps it, usable from when that write was sent.
 * (When every storage request takes longer than those waits, the slices still lapse: see
 * bench/README.md, `fanoutFleet`.)
 *
 * Cost: for each tenant it is sending to, an instance reads the tenant's partition and writes one
 * transaction (heartbeat and renewals) every `renewEveryMs`: 8 storage requests a second at the
 * defaults, plus one per slice it takes. A tenant nobody sends to costs nothing: an instance joins
 * a tenant when the pacer first asks about it and leaves it after `idleMs` without a question.
 */
export class FleetSendBudget implements SendBudget {
  private readonly tenants = new Map<string, TenantState>();
  private readonly listeners = new Set<() => void>();
  private readonly notified = new Map<string, string>();
  private readonly stopping = new AbortController();
  private readonly clock: () => number;
  private readonly slices: number;
  private readonly sliceRate: number;
  private readonly leaseMs: number;
  private readonly renewEveryMs: number;
  private readonly marginMs: number;
  private readonly idleMs: number;
  private readonly autoRun: boolean;
  private readonly timeout: (ms: number) => AbortSignal;
  /** How long a round waits for its read before it renews the slices it holds without it. */
  private readonly readWithinMs: number;
  /** How long a round waits for its writes' answers (one that lands later is found by the next read). */
  private readonly writeWithinMs: number;
  private expiryTimer: NodeJS.Timeout | undefined;

  constructor(private readonly options: FleetSendBudgetOptions) {
    this.clock = options.clock ?? Date.now;
    this.slices = options.slices ?? 10;
    this.sliceRate = options.perTenantPerSecond / this.slices;
    this.leaseMs = options.leaseMs ?? 2000;
    this.renewEveryMs = options.renewEveryMs ?? 250;
    this.marginMs = options.marginMs ?? 500;
    this.idleMs = options.idleMs ?? 5000;
    this.autoRun = options.autoRun ?? true;
    this.timeout = options.timeout ?? ((ms) => AbortSignal.timeout(ms));
    // A renewal sent, its answer waited for, the next round's read waited for: the next renewal
    // still goes out with a quarter of the usable time to spare.
    const usableMs = this.leaseMs - this.marginMs;
    this.readWithinMs = Math.round(usableMs / 3);
    this.writeWithinMs = Math.round(usableMs / 2);
  }

  rateFor(tenantId: string, nowMs: number): number {
    const state = this.want(tenantId, nowMs);
    return state ? this.usable(state, nowMs) * this.sliceRate : 0;
  }

  shareOf(tenantId: string, nowMs: number): number {
    const state = this.tenants.get(tenantId);
    return state && !this.stopping.signal.aborted ? this.usable(state, nowMs) / this.slices : 0;
  }

  /** The tenant's slices this instance may send on at `nowMs`, by index (no two instances' ever share one). */
  slicesInUse(tenantId: string, nowMs: number): number[] {
    const state = this.tenants.get(tenantId);
    return state && !this.stopping.signal.aborted ? this.inUse(state, nowMs) : [];
  }

  throttledUntil(tenantId: string, _nowMs: number): number {
    return this.tenants.get(tenantId)?.throttledUntil ?? 0;
  }

  throttle(tenantId: string, untilMs: number): void {
    const state = this.want(tenantId, this.clock());
    if (!state || untilMs <= state.throttledUntil) return;
    state.throttledUntil = untilMs;
    this.notifyIfChanged();
    // Written at once rather than with the next heartbeat: the others see it on their next read.
    void this.shareThrottle(state);
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** One renewal round for every tenant being sent to (tests drive the budget with this; the loops call `renew`). */
  async tick(): Promise<void> {
    await Promise.all([...this.tenants.values()].map((state) => this.renew(state)));
    this.notifyIfChanged();
  }

  /**
   * Stops sending at once, then hands every slice back and leaves each tenant: the others take
   * the slices on their next renewal, without waiting for a lease to run out.
   */
  async stop(): Promise<void> {
    if (this.stopping.signal.aborted) return;
    this.stopping.abort();
    clearTimeout(this.expiryTimer);
    this.notifyIfChanged();
    const states = [...this.tenants.values()];
    await Promise.all(states.map((s) => s.loop));
    await Promise.all(states.map((s) => this.leave(s)));
    this.tenants.clear();
  }

  private want(tenantId: string, nowMs: number): TenantState | undefined {
    if (this.stopping.signal.aborted) return undefined;
    let state = this.tenants.get(tenantId);
    if (!state) {
      state = {
        tenantId,
        wantedAt: nowMs,
        held: new Map(),
        unanswered: new Map(),
        ages: new RowAges(),
        throttledUntil: 0,
        storedThrottle: undefined,
        throttleWrite: undefined,
        loop: undefined,
        failing: false,
      };
      this.tenants.set(tenantId, state);
      if (this.autoRun) state.loop = this.run(state);
    }
    state.wantedAt = Math.max(state.wantedAt, nowMs);
    return state;
  }

  private usable(state: TenantState, nowMs: number): number {
    let n = 0;
    for (const slice of state.held.values()) if (slice.usableUntil > nowMs) n++;
    return n;
  }

  private inUse(state: TenantState, nowMs: number): number[] {
    return [...state.held].filter(([, s]) => s.usableUntil > nowMs).map(([index]) => index);
  }

  private async run(state: TenantState): Promise<void> {
    while (!this.stopping.signal.aborted && this.tenants.get(state.tenantId) === state) {
      const started = this.clock();
      await this.renew(state);
      this.notifyIfChanged();
      this.armExpiryTimer();
      await pause(this.renewEveryMs - (this.clock() - started), this.stopping.signal);
    }
  }

  /**
   * Reads the tenant's partition, then renews, gives back, takes and clears out as it finds. A read
   * not answered in time still leaves a renewal of every slice held: a slow read never costs them.
   */
  private async renew(state: TenantState): Promise<void> {
    const me = this.options.instanceId;
    const startedAt = this.clock();
    try {
      if (this.idle(state)) {
        await this.leave(state);
        // Asked about again while leaving: it joins afresh on the next round.
        if (this.idle(state)) this.tenants.delete(state.tenantId);
        return;
      }
      const read = await settle(this.options.store.read(state.tenantId, this.timeout(this.readWithinMs)));
      const readMs = this.clock() - startedAt;
      const plan: RoundPlan =
        read.status === 'fulfilled'
          ? this.plan(state, read.value)
          : { keep: this.heldSlices(state), release: [], take: [], dead: [], shareThrottle: false };

      const sentAt = this.clock();
      for (const s of plan.keep) if (!state.unanswered.has(s.index)) state.unanswered.set(s.index, sentAt);
      const settled = await Promise.allSettled([
        this.options.store.renew(state.tenantId, me, plan.keep, plan.release, this.timeout(this.writeWithinMs)).then((etags) => {
          // Refused: one of ours was taken over (or an earlier write landed late); the next read says which.
          for (const [index, etag] of etags ?? []) this.confirm(state, index, etag, sentAt);
        }),
        ...plan.take.map((slice) => this.take(state, slice)),
        ...plan.dead.map((m) =>
          within(this.options.store.removeMember(state.tenantId, m.instanceId, m.etag), this.timeout(this.writeWithinMs)),
        ),
        ...(plan.shareThrottle ? [within(this.shareThrottle(state), this.timeout(this.writeWithinMs))] : []),
      ]);
      // Every write has landed (or failed) before the round ends, so the next read sees them all.
      const failed = read.status === 'rejected' ? read : settled.find((s) => s.status === 'rejected');
      const now = this.clock();
      this.options.logger.debug(
        {
          tenantId: state.tenantId,
          readMs,
          writeMs: now - sentAt,
          storageRequests: 2 + plan.take.length + plan.dead.length + (plan.shareThrottle ? 1 : 0),
          inUse: this.inUse(state, now),
          unanswered: state.unanswered.size,
        },
        'send budget round',
      );
      if (failed) throw failed.reason;
      if (state.failing) this.options.logger.info({ tenantId: state.tenantId }, 'send budget renewed again');
      state.failing = false;
    } catch (error) {
      // Storage slow or unreachable: each slice runs out on its own (this instance stops sending on it first).
      if (!state.failing) this.options.logger.warn({ err: error, tenantId: state.tenantId }, 'could not renew the send budget; retrying');
      state.failing = true;
    }
  }

  /** What one round writes, from what its read found. */
  private plan(state: TenantState, rows: TenantBudgetRows): RoundPlan {
    const me = this.options.instanceId;
    const seenAt = this.clock();
    const others = rows.members.filter((m) => m.instanceId !== me);
    state.ages.observe(
      [
        ...others.map((m) => ({ key: `member ${m.instanceId}`, etag: m.etag })),
        ...rows.slices.map((s) => ({ key: `slice ${s.index}`, etag: s.etag })),
      ],
      seenAt,
    );
    readThrottle(state, rows.throttle);
    this.reconcile(state, rows);

    const alive = (id: string) => state.ages.unchangedFor(`member ${id}`, seenAt) < this.leaseMs;
    const live = others.filter((m) => alive(m.instanceId)).map((m) => m.instanceId);
    const dead = others.filter((m) => !alive(m.instanceId));
    const target = fairShare(this.slices, live, me);
    const mine = this.heldSlices(state);
    const keep = mine.slice(0, target);
    const release = mine.slice(target);
    // Stop sending on what is given back before anyone can see it free.
    for (const s of release) {
      state.held.delete(s.index);
      state.unanswered.delete(s.index);
    }
    if (release.length > 0) this.notifyIfChanged();
    const take = takeableSlices(
      this.slices,
      rows.slices,
      (index) => state.held.has(index),
      (index) => state.ages.unchangedFor(`slice ${index}`, seenAt) >= this.leaseMs,
    ).slice(0, Math.max(0, target - keep.length));
    return { keep, release, take, dead, shareThrottle: state.throttledUntil > (rows.throttle?.untilMs ?? 0) };
  }

  /**
   * Brings what this instance believes it holds in line with the rows: a slice another instance
   * wrote (or that is gone) is no longer its own; a slice written by this instance under an ETag it
   * never learnt was renewed or taken by a write whose answer never came, and is kept, usable a
   * lease (less the margin) from when the first such write was sent: the others count the lease
   * from when they first saw that ETag, which was after it landed.
   */
  private reconcile(state: TenantState, rows: TenantBudgetRows): void {
    const me = this.options.instanceId;
    const byIndex = new Map(rows.slices.map((s) => [s.index, s]));
    for (const index of state.held.keys()) if (!byIndex.has(index)) state.held.delete(index);
    for (const row of rows.slices) {
      if (row.holder !== me) {
        state.held.delete(row.index);
        state.unanswered.delete(row.index);
        continue;
      }
      if (state.held.get(row.index)?.etag === row.etag) continue;
      const sentAt = state.unanswered.get(row.index);
      if (sentAt === undefined) state.held.delete(row.index);
      else this.confirm(state, row.index, row.etag, sentAt);
    }
  }

  /** A write sent at `sentAt` made this instance the slice's holder, leaving `etag`. */
  private confirm(state: TenantState, index: number, etag: string, sentAt: number): void {
    state.held.set(index, { etag, usableUntil: sentAt + this.leaseMs - this.marginMs });
    state.unanswered.delete(index);
  }

  private heldSlices(state: TenantState): HeldSlice[] {
    return [...state.held].sort(([a], [b]) => a - b).map(([index, h]) => ({ index, etag: h.etag }));
  }

  private async take(state: TenantState, slice: { index: number; etag?: string }): Promise<void> {
    const me = this.options.instanceId;
    const sentAt = this.clock();
    if (!state.unanswered.has(slice.index)) state.unanswered.set(slice.index, sentAt);
    const etag = await within(
      slice.etag === undefined
        ? this.options.store.create(state.tenantId, slice.index, me)
        : this.options.store.take(state.tenantId, slice.index, me, slice.etag),
      this.timeout(this.writeWithinMs),
    );
    if (etag !== undefined) this.confirm(state, slice.index, etag, sentAt);
  }

  /** One write of the tenant's throttle at a time; a later 429 meanwhile is written by the next renewal. */
  private shareThrottle(state: TenantState): Promise<void> {
    return shareThrottle(this.options.store, this.options.logger, state);
  }

  private idle(state: TenantState): boolean {
    const now = this.clock();
    return now - state.wantedAt > this.idleMs && now >= state.throttledUntil;
  }

  private async leave(state: TenantState): Promise<void> {
    const me = this.options.instanceId;
    let held = this.heldSlices(state);
    state.held.clear();
    this.notifyIfChanged();
    try {
      // A write whose answer never came may have landed: every slice still written in this
      // instance's name is freed, under the ETag found (it sends on none of them any more).
      // Nothing waits on this read but the process's exit: it may take the whole lease.
      if (state.unanswered.size > 0) {
        const read = await settle(this.options.store.read(state.tenantId, this.timeout(this.leaseMs)));
        if (read.status === 'fulfilled')
          held = read.value.slices.filter((s) => s.holder === me).map(({ index, etag }) => ({ index, etag }));
      }
      state.unanswered.clear();
      await this.options.store.leave(state.tenantId, me, held);
    } catch (error) {
      // Unreachable storage: the others take the slices when their lease runs out.
      this.options.logger.warn({ err: error, tenantId: state.tenantId }, 'could not hand the send budget back');
    }
  }

  /** Tells the listeners when a tenant's rate or throttle is not what they were last told. */
  private notifyIfChanged(): void {
    const now = this.clock();
    let changed = false;
    const names = new Set([...this.tenants.keys(), ...this.notified.keys()]);
    for (const tenantId of names) {
      const state = this.tenants.get(tenantId);
      const current = state && !this.stopping.signal.aborted ? `${this.usable(state, now)} ${state.throttledUntil}` : '0 0';
      if ((this.notified.get(tenantId) ?? '0 0') !== current) changed = true;
      if (state) this.notified.set(tenantId, current);
      else this.notified.delete(tenantId);
    }
    if (changed) for (const listener of this.listeners) listener();
  }

  /** Wakes at the first slice to lapse unrenewed, so waiting requests are paced anew even while storage hangs. */
  private armExpiryTimer(): void {
    clearTimeout(this.expiryTimer);
    const now = this.clock();
    let next = Infinity;
    for (const state of this.tenants.values())
      for (const s of state.held.values()) if (s.usableUntil > now) next = Math.min(next, s.usableUntil);
    if (next === Infinity || this.stopping.signal.aborted) return;
    this.expiryTimer = setTimeout(() => this.notifyIfChanged(), next - now + 1);
    this.expiryTimer.unref();
  }
}

interface RoundPlan {
  keep: HeldSlice[];
  release: HeldSlice[];
  take: Array<{ index: number; etag?: string }>;
  dead: StoredMember[];
  shareThrottle: boolean;
}
