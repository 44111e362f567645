import { pino } from 'pino';
import { describe, expect, it, vi } from 'vitest';
import { SendBudgetStore } from '../store/send-budget-store.js';
import { tableClients } from '../store/table-clients.js';
import { freshTestStorage } from '../testing/test-storage.js';
import { FleetSendBudget } from './fleet-send-budget.js';

const TENANT = 'tenant-fleet';
const LIMIT = 50;
const T0 = Date.parse('2026-12-07T09:00:00Z');
const STEP_MS = 25;

interface Instance {
  id: string;
  budget: FleetSendBudget;
  /** When in each 250 ms its renewals fall. */
  phaseMs: number;
  /** Its clock's error: instances need not agree on the time. */
  offsetMs: number;
  /** False once it stopped renewing (killed, or cut off from storage): it still sends on what it believes it holds. */
  renewing: boolean;
}

/**
 * Several instances' budgets over one Azurite, on a clock the test moves: each renews every 250 ms
 * at its own phase, and after every step of 25 ms the rates they would send at are added up.
 */
async function fleetOverAzurite(options: { idleMs?: number } = {}) {
  const { storage } = await freshTestStorage();
  let requests = 0;
  const store = new SendBudgetStore(tableClients(storage, () => requests++).leases);
  let now = T0;
  const instances: Instance[] = [];
  let peak = 0;

  const rateOf = (i: Instance) => i.budget.rateFor(TENANT, now + i.offsetMs);
  const total = () => instances.reduce((sum, i) => sum + rateOf(i), 0);
  const fleet = {
    store,
    instances,
    get now() {
      return now;
    },
    get peak() {
      return peak;
    },
    requests: () => requests,
    join(id: string, phaseMs = 0, offsetMs = 0): Instance {
      const instance: Instance = {
        id,
        phaseMs,
        offsetMs,
        renewing: true,
        budget: new FleetSendBudget({
          store,
          instanceId: id,
          logger: pino({ level: 'silent' }),
          perTenantPerSecond: LIMIT,
          clock: () => now + offsetMs,
          autoRun: false,
          ...(options.idleMs ? { idleMs: options.idleMs } : {}),
        }),
      };
      instances.push(instance);
      instance.budget.rateFor(TENANT, now + offsetMs);
      return instance;
    },
    rateOf,
    /** Moves the clock on, renewing each instance at its phase; the rates in use are added up after every step. */
    async advance(ms: number, options: { asking?: boolean } = {}): Promise<void> {
      for (let t = 0; t < ms; t += STEP_MS) {
        now += STEP_MS;
        for (const i of instances) {
          if (i.renewing && (now - T0 - i.phaseMs) % 250 === 0) await i.budget.tick();
          peak = Math.max(peak, options.asking === false ? 0 : total());
        }
      }
    },
    /** How long (ms) until `condition` holds, moving on step by step; throws past `withinMs`. */
    async timeUntil(condition: () => boolean, withinMs: number): Promise<number> {
      const from = now;
      while (!condition()) {
        if (now - from > withinMs) throw new Error(`not within ${withinMs} ms`);
        await fleet.advance(STEP_MS);
      }
      return now - from;
    },
  };
  return fleet;
}

describe('FleetSendBudget (Azurite, a clock the test moves)', () => {
  it('gives one instance the whole budget on its first renewal, and costs two requests a renewal', async () => {
    const fleet = await fleetOverAzurite();
    const a = fleet.join('a');
    expect(fleet.rateOf(a)).toBe(0);
    await fleet.advance(250);
    expect(fleet.rateOf(a)).toBe(LIMIT);
    const before = fleet.requests();
    await fleet.advance(1000);
    expect(fleet.rateOf(a)).toBe(LIMIT);
    // Four renewals a second, each one read of the tenant's partition and one transaction.
    expect(fleet.requests() - before).toBe(8);
  });

  it('shares the budget with an instance that joins within a second, never above the limit meanwhile', async () => {
    const fleet = await fleetOverAzurite();
    const a = fleet.join('a');
    await fleet.advance(500);
    expect(fleet.rateOf(a)).toBe(LIMIT);
    const b = fleet.join('b', 125);
    const took = await fleet.timeUntil(() => fleet.rateOf(a) === 25 && fleet.rateOf(b) === 25, 1000);
    expect(took).toBeLessThanOrEqual(1000);
    const c = fleet.join('c', 200);
    await fleet.timeUntil(() => fleet.rateOf(c) > 0 && [a, b, c].every((i) => fleet.rateOf(i) >= 15), 1000);
    expect([a, b, c].map((i) => fleet.rateOf(i)).sort()).toEqual([15, 15, 20]);
    expect(fleet.peak).toBeLessThanOrEqual(LIMIT);
  });

  it('frees the slices of an instance that leaves at once: the others take them on their next renewal', async () => {
    const fleet = await fleetOverAzurite();
    const a = fleet.join('a');
    const b = fleet.join('b', 125);
    await fleet.timeUntil(() => fleet.rateOf(a) === 25 && fleet.rateOf(b) === 25, 1500);
    b.renewing = false;
    await b.budget.stop();
    expect(fleet.rateOf(b)).toBe(0);
    const took = await fleet.timeUntil(() => fleet.rateOf(a) === LIMIT, 500);
    expect(took).toBeLessThanOrEqual(250);
    expect((await fleet.store.read(TENANT)).members.map((m) => m.instanceId)).toEqual(['a']);
    expect(fleet.peak).toBeLessThanOrEqual(LIMIT);
  });

  it("takes a dead instance's slices once their lease has run out, after it stopped sending on them, and removes its row", async () => {
    const fleet = await fleetOverAzurite();
    const a = fleet.join('a');
    const b = fleet.join('b', 125);
    await fleet.timeUntil(() => fleet.rateOf(a) === 25 && fleet.rateOf(b) === 25, 1500);
    // b is killed (or cut off from storage) just after a renewal: it goes on believing what it held.
    await fleet.advance(25);
    b.renewing = false;
    const diedAt = fleet.now;
    await fleet.timeUntil(() => fleet.rateOf(b) === 0, 1000);
    const stoppedAfter = fleet.now - diedAt;
    expect(fleet.rateOf(a)).toBe(25);
    const freedAfter = (await fleet.timeUntil(() => fleet.rateOf(a) === LIMIT, 2000)) + stoppedAfter;
    // The lease (1 s) from the last renewal a saw, and a's own next renewal.
    expect(freedAfter).toBeLessThanOrEqual(1000 + 250 + 250);
    expect(fleet.peak).toBeLessThanOrEqual(LIMIT);
    expect((await fleet.store.read(TENANT)).members.map((m) => m.instanceId)).toEqual(['a']);
  });

  it('shows a 429 on one instance to every other on its next renewal, and tells their pacers', async () => {
    const fleet = await fleetOverAzurite();
    const a = fleet.join('a');
    const b = fleet.join('b', 125);
    await fleet.advance(500);
    let told = 0;
    b.budget.onChange(() => told++);
    const until = fleet.now + 7000;
    a.budget.throttle(TENANT, until);
    expect(a.budget.throttledUntil(TENANT, fleet.now)).toBe(until);
    // Written at once, without waiting for a's next renewal.
    await vi.waitFor(async () => expect((await fleet.store.read(TENANT)).throttle?.untilMs).toBe(until));
    await fleet.timeUntil(() => b.budget.throttledUntil(TENANT, fleet.now) === until, 250);
    expect(told).toBeGreaterThan(0);
    // A shorter throttle written later does not cut the longer one short.
    b.budget.throttle(TENANT, fleet.now + 1000);
    await fleet.advance(500);
    expect(a.budget.throttledUntil(TENANT, fleet.now)).toBe(until);
    expect((await fleet.store.read(TENANT)).throttle?.untilMs).toBe(until);
  });

  it('leaves a tenant nobody asks about: its slices go back and it costs no requests', async () => {
    const fleet = await fleetOverAzurite({ idleMs: 1000 });
    const a = fleet.join('a');
    await fleet.advance(500);
    expect(fleet.rateOf(a)).toBe(LIMIT);
    // No more questions about the tenant (the sends are done).
    await fleet.advance(1500, { asking: false });
    const rows = await fleet.store.read(TENANT);
    expect(rows.members).toEqual([]);
    expect(rows.slices.every((s) => s.holder === '')).toBe(true);
    const before = fleet.requests();
    await fleet.advance(2000, { asking: false });
    expect(fleet.requests()).toBe(before);
    // Asked again: it joins afresh and has the budget on its next renewal.
    expect(fleet.rateOf(a)).toBe(0);
    await fleet.advance(250);
    expect(fleet.rateOf(a)).toBe(LIMIT);
  });

  it('keeps the rates in use within the limit through joins, leaves and deaths at random, whatever the clocks say', async () => {
    const random = mulberry32(20261207);
    const fleet = await fleetOverAzurite();
    let next = 0;
    const spawn = () => fleet.join(`i${next++}`, 25 * Math.floor(random() * 10), Math.round((random() - 0.5) * 600_000));
    spawn();
    spawn();
    for (let event = 0; event < 24; event++) {
      const live = fleet.instances.filter((i) => i.renewing);
      const roll = random();
      if (live.length < 2 || (roll < 0.4 && live.length < 5)) spawn();
      else if (roll < 0.7) {
        const gone = live[Math.floor(random() * live.length)]!;
        gone.renewing = false;
        await gone.budget.stop();
      } else live[Math.floor(random() * live.length)]!.renewing = false;
      await fleet.advance(25 * Math.floor(random() * 40));
      expect(fleet.peak, `after event ${event}`).toBeLessThanOrEqual(LIMIT);
    }
    // Once things settle, the live instances share the whole budget evenly.
    const live = fleet.instances.filter((i) => i.renewing);
    await fleet.timeUntil(() => live.reduce((sum, i) => sum + fleet.rateOf(i), 0) === LIMIT, 2500);
    const rates = live.map((i) => fleet.rateOf(i));
    expect(Math.max(...rates) - Math.min(...rates)).toBeLessThanOrEqual(LIMIT / 10);
    expect(fleet.peak).toBeLessThanOrEqual(LIMIT);
  }, 60_000);
});

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
