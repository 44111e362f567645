import { describe, expect, it, vi } from 'vitest';
import { LIMIT, TENANT, fleetOverAzurite, type Delay } from '../testing/fleet-over-azurite.js';

describe('FleetSendBudget (Azurite, a clock the test moves)', () => {
  it('gives one instance the whole budget on its first renewal, and costs two requests a renewal', async () => {
    const fleet = await fleetOverAzurite();
    const a = fleet.join('a');
    expect(fleet.rateOf(a)).toBe(0);
    await fleet.advance(250);
    expect(fleet.rateOf(a)).toBe(LIMIT);
    expect(a.budget.shareOf(TENANT, fleet.now)).toBe(1);
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
    // The share each conversation's windows are cut to follows the rate.
    expect([a, b, c].map((i) => i.budget.shareOf(TENANT, fleet.now + i.offsetMs)).sort()).toEqual([0.3, 0.3, 0.4]);
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
    await fleet.timeUntil(() => fleet.rateOf(b) === 0, 1500);
    const stoppedAfter = fleet.now - diedAt;
    expect(fleet.rateOf(a)).toBe(25);
    const freedAfter = (await fleet.timeUntil(() => fleet.rateOf(a) === LIMIT, 2500)) + stoppedAfter;
    // The lease (2 s) from the last renewal a saw, and a's own next renewal.
    expect(freedAfter).toBeLessThanOrEqual(2000 + 250 + 250);
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

  it('keeps its rate while a renewal is answered 2 s late (it landed at once), and no slice is in use twice', async () => {
    const fleet = await fleetOverAzurite();
    const a = fleet.join('a');
    const b = fleet.join('b', 125);
    await fleet.timeUntil(() => fleet.rateOf(a) === 25 && fleet.rateOf(b) === 25, 1500);
    a.store.slow('write', { landAfterMs: 0, answerAfterMs: 2000 });
    expect(await fleet.lowestRateOver(a, 3000)).toBe(25);
    expect(fleet.rateOf(b)).toBe(25);
    expect(fleet.peak).toBeLessThanOrEqual(LIMIT);
    expect(fleet.sharedSlices).toBe(0);
  });

  it('keeps its slices when a renewal landed but its answer never came: the next read finds them still its own', async () => {
    const fleet = await fleetOverAzurite();
    const a = fleet.join('a');
    const b = fleet.join('b', 125);
    await fleet.timeUntil(() => fleet.rateOf(a) === 25 && fleet.rateOf(b) === 25, 1500);
    a.store.slow('write', { landAfterMs: 100, answerAfterMs: 0, answered: false });
    expect(await fleet.lowestRateOver(a, 3000)).toBe(25);
    expect((await fleet.store.read(TENANT)).slices.filter((s) => s.holder === 'a')).toHaveLength(5);
    expect(fleet.peak).toBeLessThanOrEqual(LIMIT);
    expect(fleet.sharedSlices).toBe(0);
  });

  it('uses a slice found after a lost answer only until a lease (less the margin) after that write was sent, as the taker counts it', async () => {
    const fleet = await fleetOverAzurite();
    const a = fleet.join('a');
    const b = fleet.join('b', 125);
    await fleet.timeUntil(() => fleet.rateOf(a) === 25 && fleet.rateOf(b) === 25, 1500);
    // One renewal lands and is never answered; a is then cut off: nothing it writes lands again.
    a.store.slow('write', { landAfterMs: 0, answerAfterMs: 0, answered: false });
    a.store.slow('write', { landAfterMs: 0, answerAfterMs: 0, lands: false, answered: false }, Infinity);
    await fleet.timeUntil(() => a.store.delayedAt.length > 0, 250);
    const landedWriteSentAt = a.store.delayedAt[0]!;
    // Its next read finds the slices still its own, under the ETag of the write that landed.
    await fleet.timeUntil(() => a.store.delayedAt.length > 1, 1000);
    expect(fleet.rateOf(a)).toBe(25);
    await fleet.timeUntil(() => fleet.rateOf(a) === 0, 1500);
    expect(fleet.now - landedWriteSentAt).toBeLessThanOrEqual(2000 - 500);
    // b takes them a lease after it first saw that write, never while a could still send on them.
    await fleet.timeUntil(() => fleet.rateOf(b) === LIMIT, 2000);
    expect(fleet.sharedSlices).toBe(0);
    expect(fleet.peak).toBeLessThanOrEqual(LIMIT);
  });

  it('hands back on stopping even the slices a renewal wrote whose answer never came', async () => {
    const fleet = await fleetOverAzurite();
    const a = fleet.join('a');
    const b = fleet.join('b', 125);
    await fleet.timeUntil(() => fleet.rateOf(a) === 25 && fleet.rateOf(b) === 25, 1500);
    a.store.slow('write', { landAfterMs: 0, answerAfterMs: 0, answered: false });
    await fleet.timeUntil(() => a.store.delayedAt.length > 0, 250);
    a.renewing = false;
    await a.budget.stop();
    const rows = await fleet.store.read(TENANT);
    expect(rows.slices.filter((s) => s.holder === 'a')).toEqual([]);
    expect(rows.members.map((m) => m.instanceId)).toEqual(['b']);
  });

  it('keeps its rate when a renewal is lost on the way (never lands, never answered) or a read takes 2 s', async () => {
    const fleet = await fleetOverAzurite();
    const a = fleet.join('a');
    const b = fleet.join('b', 125);
    await fleet.timeUntil(() => fleet.rateOf(a) === 25 && fleet.rateOf(b) === 25, 1500);
    a.store.slow('write', { landAfterMs: 0, answerAfterMs: 0, lands: false, answered: false });
    expect(await fleet.lowestRateOver(a, 2000)).toBe(25);
    // The slices are renewed without waiting for the read.
    a.store.slow('read', { landAfterMs: 0, answerAfterMs: 2000 });
    expect(await fleet.lowestRateOver(a, 3000)).toBe(25);
    expect(fleet.peak).toBeLessThanOrEqual(LIMIT);
    expect(fleet.sharedSlices).toBe(0);
  });

  it('never lets two instances use one slice while storage answers late, loses answers and lands writes late, whatever the clocks say', async () => {
    const random = mulberry32(20261206);
    const fleet = await fleetOverAzurite();
    let next = 0;
    const spawn = () => fleet.join(`i${next++}`, 25 * Math.floor(random() * 10), Math.round((random() - 0.5) * 600_000));
    const delay = (): Delay => {
      const landAfterMs = 25 * Math.floor(random() * 60);
      return {
        landAfterMs,
        answerAfterMs: landAfterMs + 25 * Math.floor(random() * 60),
        lands: random() > 0.1,
        answered: random() > 0.2,
      };
    };
    spawn();
    spawn();
    spawn();
    for (let event = 0; event < 30; event++) {
      const live = fleet.instances.filter((i) => i.renewing);
      const roll = random();
      if (live.length < 2 || (roll < 0.15 && live.length < 5)) spawn();
      else if (roll < 0.25) live[Math.floor(random() * live.length)]!.renewing = false;
      else {
        const slow = live[Math.floor(random() * live.length)]!;
        slow.store.slow(random() < 0.5 ? 'read' : 'write', delay(), 1 + Math.floor(random() * 6));
      }
      await fleet.advance(25 * Math.floor(random() * 40));
      expect(fleet.sharedSlices, `after event ${event}`).toBe(0);
      expect(fleet.peak, `after event ${event}`).toBeLessThanOrEqual(LIMIT);
    }
    // Once storage answers again, the live instances share the whole budget.
    const live = fleet.instances.filter((i) => i.renewing);
    for (const i of live) i.store.recover();
    await fleet.timeUntil(() => live.reduce((sum, i) => sum + fleet.rateOf(i), 0) === LIMIT, 8000);
    expect(fleet.sharedSlices).toBe(0);
  }, 60_000);

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
