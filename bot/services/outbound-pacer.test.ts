import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LocalSendBudget } from './local-send-budget.js';
import { OutboundPacer, type PacerKey } from './outbound-pacer.js';

const tenantId = 't1';

/** The most of `times` (sorted) in any window [t, t + spanMs). */
function mostInAnyWindow(times: number[], spanMs: number): number {
  let most = 0;
  let start = 0;
  for (let end = 0; end < times.length; end++) {
    while (times[end]! - times[start]! >= spanMs) start++;
    most = Math.max(most, end - start + 1);
  }
  return most;
}

describe('OutboundPacer (fake timers)', () => {
  let budget: LocalSendBudget;
  let pacer: OutboundPacer;
  /** Every request sent: when and where, in order. */
  let sent: Array<{ at: number; key: PacerKey }>;

  beforeEach(() => {
    vi.useFakeTimers({ now: 0 });
    budget = new LocalSendBudget(50);
    pacer = new OutboundPacer({ budget, marginMs: 0 });
    sent = [];
  });
  afterEach(() => {
    pacer.close();
    vi.useRealTimers();
  });

  /** Asks for a slot and sends the moment it comes. */
  const request = (conversationId: string, tenant = tenantId) =>
    pacer.acquire({ tenantId: tenant, conversationId }).then((slot) => {
      slot.spend();
      sent.push({ at: Date.now(), key: slot.key });
    });
  const timesTo = (conversationId?: string) =>
    sent.filter((s) => !conversationId || s.key.conversationId === conversationId).map((s) => s.at);

  it('lets a tenant’s requests go evenly at its rate, never more in any second', async () => {
    const all = Array.from({ length: 200 }, (_, i) => request(`a:${i}`));
    await vi.advanceTimersByTimeAsync(10_000);
    await Promise.all(all);
    const times = timesTo();
    expect(times).toHaveLength(200);
    expect(mostInAnyWindow(times, 1_000)).toBe(50);
    // 200 requests at 50 a second: four seconds, without pauses between them.
    expect(times.at(-1)).toBeLessThanOrEqual(4_000);
    expect(times.at(-1)).toBeGreaterThanOrEqual(3_980);
  });

  it('keeps every conversation within its windows while the others go on', async () => {
    for (let i = 0; i < 80; i++) void request('19:hot@thread.tacv2');
    for (let i = 0; i < 100; i++) void request(`a:${i}`);
    await vi.advanceTimersByTimeAsync(40_000);
    const hot = timesTo('19:hot@thread.tacv2');
    expect(mostInAnyWindow(hot, 1_000)).toBeLessThanOrEqual(7);
    expect(mostInAnyWindow(hot, 2_000)).toBeLessThanOrEqual(8);
    expect(mostInAnyWindow(hot, 30_000)).toBeLessThanOrEqual(60);
    expect(hot.filter((t) => t < 30_000)).toHaveLength(60);
    // The channel that waits does not hold the check-ins up: all hundred are out in a little over two seconds.
    const others = sent.filter((s) => s.key.conversationId.startsWith('a:')).map((s) => s.at);
    expect(others).toHaveLength(100);
    expect(Math.max(...others)).toBeLessThan(2_300);
  });

  it('keeps a conversation within its windows when two instances send to it at once, each on its half of the budget', async () => {
    budget.liveInstances(2);
    const other = new OutboundPacer({ budget: new LocalSendBudget(50, 2), marginMs: 0 });
    const thread = '19:share@thread.tacv2;messageid=1';
    for (let i = 0; i < 40; i++) {
      void request(thread);
      void other.acquire({ tenantId, conversationId: thread }).then((slot) => {
        slot.spend();
        sent.push({ at: Date.now(), key: slot.key });
      });
    }
    await vi.advanceTimersByTimeAsync(40_000);
    other.close();
    const times = timesTo(thread).sort((a, b) => a - b);
    expect(mostInAnyWindow(times, 1_000)).toBeLessThanOrEqual(7);
    expect(mostInAnyWindow(times, 2_000)).toBeLessThanOrEqual(8);
    expect(mostInAnyWindow(times, 30_000)).toBeLessThanOrEqual(60);
    // Each instance keeps to 3 a second and 4 every 2 s: all 80 are out within 20 s.
    expect(times).toHaveLength(80);
  });

  it('lets conversations take turns', async () => {
    for (let i = 0; i < 5; i++) void request('a:busy');
    void request('a:one');
    void request('a:two');
    await vi.advanceTimersByTimeAsync(200);
    // The first went alone; then the busy conversation waits its turn behind the two that came after it.
    expect(sent.slice(0, 5).map((s) => s.key.conversationId)).toEqual(['a:busy', 'a:busy', 'a:one', 'a:two', 'a:busy']);
  });

  it('applies a new rate to the very next request', async () => {
    for (let i = 0; i < 100; i++) void request(`a:${i}`);
    await vi.advanceTimersByTimeAsync(190);
    expect(sent).toHaveLength(10);
    // A second instance joins: half the rate from the next request on, nothing booked at the old one.
    budget.liveInstances(2);
    await vi.advanceTimersByTimeAsync(1_000);
    // 25 a second, less what the last second already holds at the old rate.
    expect(sent.length - 10).toBeLessThanOrEqual(25);
    expect(sent.length - 10).toBeGreaterThanOrEqual(15);
    const gaps = timesTo()
      .slice(10)
      .map((t, i, all) => (i === 0 ? 0 : t - all[i - 1]!));
    expect(Math.min(...gaps.slice(1))).toBeGreaterThanOrEqual(40);
    // It leaves: the full rate again at once.
    budget.liveInstances(1);
    const before = sent.length;
    await vi.advanceTimersByTimeAsync(1_000);
    expect(sent.length - before).toBeGreaterThanOrEqual(49);
  });

  it('sends nothing while it has no share of the budget', async () => {
    budget.liveInstances(Infinity);
    void request('a:1');
    await vi.advanceTimersByTimeAsync(5_000);
    expect(sent).toHaveLength(0);
    budget.liveInstances(1);
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toHaveLength(1);
  });

  it('holds a conversation Teams refused until its Retry-After, and lets the others go on', async () => {
    void request('a:0');
    await vi.advanceTimersByTimeAsync(0);
    pacer.throttled({ tenantId, conversationId: 'a:0' }, 3_000);
    for (let i = 0; i < 3; i++) void request('a:0');
    for (let i = 1; i < 20; i++) void request(`a:${i}`);
    await vi.advanceTimersByTimeAsync(2_999);
    expect(timesTo('a:0')).toEqual([0]);
    expect(sent.filter((s) => s.key.conversationId !== 'a:0')).toHaveLength(19);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(timesTo('a:0').slice(1)).toHaveLength(3);
    expect(Math.min(...timesTo('a:0').slice(1))).toBeGreaterThanOrEqual(3_000);
  });

  it('holds the whole tenant when refusals become a pattern, and only that tenant', async () => {
    for (let i = 0; i < 20; i++) void request(`a:${i}`);
    for (let i = 0; i < 20; i++) void request(`a:${i}`, 't2');
    await vi.advanceTimersByTimeAsync(100);
    // A single refusal holds its own conversation only.
    pacer.throttled({ tenantId, conversationId: 'a:0' }, 3_000);
    expect(budget.throttledUntil(tenantId, Date.now())).toBe(0);
    // Refused three times in a row: Teams is throttling the tenant, not a conversation.
    pacer.throttled({ tenantId, conversationId: 'a:1' }, 3_000);
    pacer.throttled({ tenantId, conversationId: 'a:2' }, 3_000);
    expect(budget.throttledUntil(tenantId, Date.now())).toBe(3_100);
    await vi.advanceTimersByTimeAsync(2_999);
    expect(sent.filter((s) => s.key.tenantId === tenantId && s.at > 100 && s.at < 3_100)).toHaveLength(0);
    expect(sent.filter((s) => s.key.tenantId === 't2')).toHaveLength(20);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(sent.filter((s) => s.key.tenantId === tenantId)).toHaveLength(20);
  });

  it('keeps the full rate when Teams refuses one request in twenty, as it does whatever the load', async () => {
    let n = 0;
    const all = Array.from({ length: 500 }, (_, i) =>
      pacer.acquire({ tenantId, conversationId: `a:${i}` }).then((slot) => {
        slot.spend();
        sent.push({ at: Date.now(), key: slot.key });
        if (++n % 20 === 0) pacer.throttled(slot.key, 1_000);
      }),
    );
    await vi.advanceTimersByTimeAsync(20_000);
    await Promise.all(all);
    expect(budget.throttledUntil(tenantId, Date.now())).toBe(0);
    expect(timesTo().at(-1)).toBeLessThanOrEqual(10_000);
  });

  it('counts a slot from the moment it is handed out, and frees it when given back', async () => {
    pacer = new OutboundPacer({ budget, marginMs: 0, limits: [{ spanMs: 1_000, limit: 1 }] });
    const first = await pacer.acquire({ tenantId, conversationId: 'a:1' });
    let second = false;
    void pacer.acquire({ tenantId, conversationId: 'a:1' }).then(() => (second = true));
    await vi.advanceTimersByTimeAsync(5_000);
    expect(second).toBe(false);
    first.giveBack();
    await vi.advanceTimersByTimeAsync(0);
    expect(second).toBe(true);
  });

  it('counts a request refused by Teams like any other', async () => {
    pacer = new OutboundPacer({ budget, marginMs: 0, limits: [{ spanMs: 1_000, limit: 1 }] });
    (await pacer.acquire({ tenantId, conversationId: 'a:1' })).spend();
    // Teams answered 429 (this instance retries after one second): the refused request still fills the window.
    let next: number | undefined;
    void pacer.acquire({ tenantId, conversationId: 'a:1' }).then(() => (next = Date.now()));
    await vi.advanceTimersByTimeAsync(2_000);
    expect(next).toBe(1_000);
  });

  it('widens the tenant’s second by the margin', async () => {
    pacer = new OutboundPacer({ budget, marginMs: 25 });
    const all = Array.from({ length: 150 }, (_, i) => request(`a:${i}`));
    await vi.advanceTimersByTimeAsync(10_000);
    await Promise.all(all);
    expect(mostInAnyWindow(timesTo(), 1_025)).toBeLessThanOrEqual(50);
  });

  it('counts a request spent just before the event loop stalled from when it resumed, as it reaches Teams only then', async () => {
    pacer.close();
    // The pacer's clock, which a stall moves on without any timer running meanwhile.
    let stalledFor = 0;
    const now = () => Date.now() + stalledFor;
    pacer = new OutboundPacer({ budget: new LocalSendBudget(10), marginMs: 0, now });
    /** When each request reached Teams: when it was spent, or, spent just before the stall, when the loop resumed. */
    const arrivals: number[] = [];
    const send = (i: number): Promise<void> =>
      pacer.acquire({ tenantId, conversationId: `a:${i}` }).then((slot) => {
        slot.spend();
        const spentAt = now();
        if (stalledFor > 0 || spentAt < 1_400) return void arrivals.push(spentAt);
        // The loop stalls for half a second before this request's bytes are written; when it
        // resumes, they go, and the pacer is asked again at once.
        stalledFor = 500;
        arrivals.push(spentAt + 500);
        all.push(send(100));
      });
    const all = Array.from({ length: 40 }, (_, i) => send(i));
    await vi.advanceTimersByTimeAsync(10_000);
    await Promise.all(all);
    expect(stalledFor).toBe(500);
    expect(arrivals).toHaveLength(41);
    expect(
      mostInAnyWindow(
        arrivals.sort((a, b) => a - b),
        1_000,
      ),
    ).toBeLessThanOrEqual(10);
  });
});
