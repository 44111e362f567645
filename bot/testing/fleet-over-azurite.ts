/**
 * The fleet budget's test bench: several instances' budgets over one Azurite, each reaching it
 * over a network the test slows or breaks, on a clock only the test moves.
 */
import { pino } from 'pino';
import type { TableClient } from '@azure/data-tables';
import { FleetSendBudget } from '../services/fleet-send-budget.js';
import { SendBudgetStore } from '../store/send-budget-store.js';
import { tableClients } from '../store/table-clients.js';
import { freshTestStorage } from './test-storage.js';

export const TENANT = 'tenant-fleet';
export const LIMIT = 50;
const T0 = Date.parse('2026-12-07T09:00:00Z');
const STEP_MS = 25;

interface Instance {
  id: string;
  budget: FleetSendBudget;
  /** Its way to storage, which a test can slow down. */
  store: DelayedStore;
  /** When in each 250 ms its renewals fall. */
  phaseMs: number;
  /** Its clock's error: instances need not agree on the time. */
  offsetMs: number;
  /** False once it stopped renewing (killed, or cut off from storage): it still sends on what it believes it holds. */
  renewing: boolean;
  /** Its round under way, if any, and when its next round may start. */
  round: Promise<void> | undefined;
  nextRoundAt: number;
}

/** The test's clock, which only the test moves, and promises kept when it reaches a time. */
class TestClock {
  now = T0;
  private waiting: Array<{ at: number; resolve: () => void }> = [];

  until(at: number): Promise<void> {
    if (at <= this.now) return Promise.resolve();
    return new Promise((resolve) => this.waiting.push({ at, resolve }));
  }

  /** A signal that aborts `ms` from now on this clock, as `AbortSignal.timeout` does on the real one. */
  timeout(ms: number): AbortSignal {
    const controller = new AbortController();
    void this.until(this.now + ms).then(() => controller.abort(new DOMException('timed out', 'TimeoutError')));
    return controller.signal;
  }

  moveTo(at: number): void {
    this.now = at;
    const due = this.waiting.filter((w) => w.at <= at);
    this.waiting = this.waiting.filter((w) => w.at > at);
    for (const w of due) w.resolve();
  }
}

/** How storage treats a request: when it reaches storage (if ever) and when its answer comes back (if ever), after it was sent. */
export interface Delay {
  landAfterMs: number;
  answerAfterMs: number;
  /** False: it never reaches storage (the answer, if any, is an error). */
  lands?: boolean;
  /** False: no answer ever comes; the caller gives up when it chooses. */
  answered?: boolean;
}

/**
 * The budget's rows in Azurite, reached over a network the test controls on its own clock: the
 * next reads or writes can be made to land late, to be answered late, or never. A write lands
 * whether or not the caller still waits for it, as a request given up on by its sender may.
 */
class DelayedStore extends SendBudgetStore {
  /** Requests to Azurite under way: the test waits for none before it moves the clock on. */
  busy = 0;
  /** When each request met a delay was sent. */
  readonly delayedAt: number[] = [];
  private readonly delays: Record<'read' | 'write', Array<{ delay: Delay; times: number }>> = { read: [], write: [] };

  constructor(
    table: TableClient,
    private readonly clock: TestClock,
  ) {
    super(table);
  }

  /** The next `times` reads or writes meet `delay` (after those already planned). */
  slow(kind: 'read' | 'write', delay: Delay, times = 1): void {
    this.delays[kind].push({ delay, times });
  }

  /** Storage answers at once again. */
  recover(): void {
    this.delays.read = [];
    this.delays.write = [];
  }

  override read(tenantId: string, signal?: AbortSignal) {
    return this.through('read', signal, () => super.read(tenantId));
  }
  override renew(...args: Parameters<SendBudgetStore['renew']>) {
    const [tenantId, instanceId, keep, release, signal] = args;
    return this.through('write', signal, () => super.renew(tenantId, instanceId, keep, release));
  }
  override take(...args: Parameters<SendBudgetStore['take']>) {
    return this.through('write', undefined, () => super.take(...args));
  }
  override create(...args: Parameters<SendBudgetStore['create']>) {
    return this.through('write', undefined, () => super.create(...args));
  }
  override removeMember(...args: Parameters<SendBudgetStore['removeMember']>) {
    return this.through('write', undefined, () => super.removeMember(...args));
  }
  override leave(...args: Parameters<SendBudgetStore['leave']>) {
    return this.through('write', undefined, () => super.leave(...args));
  }
  override throttle(...args: Parameters<SendBudgetStore['throttle']>) {
    return this.through('write', undefined, () => super.throttle(...args));
  }

  private through<T>(kind: 'read' | 'write', signal: AbortSignal | undefined, request: () => Promise<T>): Promise<T> {
    const planned = this.delays[kind][0];
    if (!planned) return this.counted(request);
    if (--planned.times <= 0) this.delays[kind].shift();
    const { landAfterMs, answerAfterMs, lands = true, answered = true } = planned.delay;
    const sentAt = this.clock.now;
    this.delayedAt.push(sentAt);
    const landed = lands
      ? this.clock.until(sentAt + landAfterMs).then(() => this.counted(request))
      : Promise.reject(new Error('the request never reached storage'));
    const answer = landed.then(
      async (value) => {
        await this.clock.until(sentAt + answerAfterMs);
        return answered ? value : new Promise<T>(() => {});
      },
      async (error: unknown) => {
        await this.clock.until(sentAt + answerAfterMs);
        if (answered) throw error;
        return new Promise<T>(() => {});
      },
    );
    return new Promise<T>((resolve, reject) => {
      answer.then(resolve, reject);
      signal?.addEventListener('abort', () => reject(signal.reason as Error), { once: true });
    });
  }

  private async counted<T>(request: () => Promise<T>): Promise<T> {
    this.busy++;
    try {
      return await request();
    } finally {
      this.busy--;
    }
  }
}

/**
 * Several instances' budgets over one Azurite, on a clock the test moves: each starts a round
 * every 250 ms at its own phase (or as soon as a round that ran long ends), and after every step
 * of 25 ms — once every request to Azurite under way has been answered — the rates they would
 * send at are added up, and no slice may be in use by two of them.
 */
export async function fleetOverAzurite(options: { idleMs?: number } = {}) {
  const { storage } = await freshTestStorage();
  let requests = 0;
  const table = tableClients(storage, () => requests++).leases;
  const store = new SendBudgetStore(table);
  const clock = new TestClock();
  const instances: Instance[] = [];
  let peak = 0;
  let sharedSlices = 0;

  const rateOf = (i: Instance) => i.budget.rateFor(TENANT, clock.now + i.offsetMs);
  const total = () => instances.reduce((sum, i) => sum + rateOf(i), 0);
  /** Slices two instances would send on at once, right now. */
  const sharedNow = () => {
    const users = instances.flatMap((i) => i.budget.slicesInUse(TENANT, clock.now + i.offsetMs));
    return users.length - new Set(users).size;
  };
  const quiet = async () => {
    do await new Promise((resolve) => setImmediate(resolve));
    while (instances.some((i) => i.store.busy > 0));
  };
  const fleet = {
    store,
    instances,
    get now() {
      return clock.now;
    },
    get peak() {
      return peak;
    },
    get sharedSlices() {
      return sharedSlices;
    },
    requests: () => requests,
    join(id: string, phaseMs = 0, offsetMs = 0): Instance {
      const delayed = new DelayedStore(table, clock);
      const instance: Instance = {
        id,
        phaseMs,
        offsetMs,
        renewing: true,
        store: delayed,
        round: undefined,
        nextRoundAt: clock.now + 250 - ((((clock.now - T0 - phaseMs) % 250) + 250) % 250),
        budget: new FleetSendBudget({
          store: delayed,
          instanceId: id,
          logger: pino({ level: 'silent' }),
          perTenantPerSecond: LIMIT,
          clock: () => clock.now + offsetMs,
          timeout: (ms) => clock.timeout(ms),
          autoRun: false,
          ...(options.idleMs ? { idleMs: options.idleMs } : {}),
        }),
      };
      instances.push(instance);
      instance.budget.rateFor(TENANT, clock.now + offsetMs);
      return instance;
    },
    rateOf,
    /** Moves the clock on step by step, starting each instance's rounds when due; the rates in use are added up after every step. */
    async advance(ms: number, options: { asking?: boolean; eachStep?: () => void } = {}): Promise<void> {
      for (let t = 0; t < ms; t += STEP_MS) {
        clock.moveTo(clock.now + STEP_MS);
        for (const i of instances) {
          if (!i.renewing || i.round || clock.now < i.nextRoundAt) continue;
          const startedAt = clock.now;
          i.round = i.budget.tick().finally(() => {
            i.round = undefined;
            i.nextRoundAt = Math.max(startedAt + 250, clock.now);
          });
        }
        await quiet();
        peak = Math.max(peak, options.asking === false ? 0 : total());
        sharedSlices = Math.max(sharedSlices, sharedNow());
        options.eachStep?.();
      }
    },
    /** How long (ms) until `condition` holds, moving on step by step; throws past `withinMs`. */
    async timeUntil(condition: () => boolean, withinMs: number): Promise<number> {
      const from = clock.now;
      while (!condition()) {
        if (clock.now - from > withinMs) throw new Error(`not within ${withinMs} ms`);
        await fleet.advance(STEP_MS);
      }
      return clock.now - from;
    },
    /** The lowest rate `instance` had over the next `ms`. */
    async lowestRateOver(instance: Instance, ms: number): Promise<number> {
      let lowest = Infinity;
      await fleet.advance(ms, { eachStep: () => (lowest = Math.min(lowest, rateOf(instance))) });
      return lowest;
    },
  };
  return fleet;
}
