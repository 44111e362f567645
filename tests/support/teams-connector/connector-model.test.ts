import { describe, expect, it } from 'vitest';
import { ConnectorModel, scripted, type ConnectorModelOptions, type ConnectorRequest } from './connector-model.js';
import { maxInOneSecondAsStamped, phaseFigures } from './phase-figures.js';

/** A model on a clock the test moves; `at(ms, request)` answers a request arriving at that time. */
function connector(options: ConnectorModelOptions = {}) {
  let now = 0;
  const model = new ConnectorModel({ now: () => now, random: () => 0.99, ...options });
  const at = (ms: number, request: Partial<ConnectorRequest> = {}) => {
    now = ms;
    return model.answer({ kind: 'send', tenantId: 't1', conversationId: 'a:c1', ...request });
  };
  return { model, at };
}

const statuses = (answers: { status: number }[]) => answers.map((a) => a.status);

describe('the app limit per tenant: 50 requests in any one second', () => {
  it('answers the 51st request within a second 429, and the tenant’s other conversations with it', () => {
    const { model, at } = connector();
    const first = Array.from({ length: 50 }, (_, i) => at(i * 10, { conversationId: `a:c${i}` }));
    expect(first.every((a) => a.status === 200)).toBe(true);
    const over = at(900, { conversationId: 'a:someone-else' });
    expect(over).toMatchObject({ status: 429, reason: 'overLimit', retryAfter: '1' });
    expect(model.stats.violationsByLimit.tenant1s).toBe(1);
    expect(model.stats.conversationViolations).toBe(0);
    // Another tenant has a budget of its own.
    expect(at(900, { tenantId: 't2' }).status).toBe(200);
  });

  it('counts refused requests against the budget: a sender hammering at the limit stays refused', () => {
    const { model, at } = connector();
    for (let i = 0; i < 50; i++) at(0, { conversationId: `a:c${i}` });
    const refused = Array.from({ length: 50 }, (_, i) => at(600, { conversationId: `a:d${i}` }));
    expect(refused.every((a) => a.reason === 'overLimit')).toBe(true);
    // The first 50 have left the window, but the 50 refused at 600 ms are still in it.
    expect(at(1_001, { conversationId: 'a:e' }).status).toBe(429);
    // Only when they have left too is there room again.
    expect(at(1_601, { conversationId: 'a:f' }).status).toBe(200);
    expect(model.stats.throttledOverLimit).toBe(51);
  });

  it('tells how long until the window has room in Retry-After', () => {
    const { at } = connector();
    for (let i = 0; i < 50; i++) at(0, { conversationId: `a:c${i}` });
    expect(at(100, { conversationId: 'a:x' }).retryAfter).toBe('1');
  });
});

describe('the limits per conversation', () => {
  it('7 per second: the 8th send to one conversation within a second is refused, another conversation is not', () => {
    const { model, at } = connector();
    const answers = Array.from({ length: 8 }, (_, i) => at(i * 100));
    expect(statuses(answers)).toEqual([200, 200, 200, 200, 200, 200, 200, 429]);
    expect(answers[7]).toMatchObject({ reason: 'overLimit', retryAfter: '1' });
    expect(at(750, { conversationId: 'a:c2' }).status).toBe(200);
    expect(model.stats.violationsByLimit.conversation1s).toBe(1);
    expect(model.stats.conversationViolations).toBe(1);
  });

  it('8 per 2 seconds: a second within the limit is refused when the two seconds are full', () => {
    const { model, at } = connector();
    for (let i = 0; i < 7; i++) at(0);
    expect(at(1_000).status).toBe(200);
    const ninth = at(1_000);
    expect(ninth).toMatchObject({ status: 429, reason: 'overLimit' });
    expect(model.stats.violationsByLimit).toMatchObject({ conversation1s: 0, conversation2s: 1 });
    expect(at(2_000).status).toBe(200);
  });

  it('counts a refused send against the conversation’s later windows', () => {
    const { model, at } = connector();
    for (let i = 0; i < 7; i++) at(0);
    expect(at(100).status).toBe(429);
    // Alone in its second, but the two seconds hold 7 accepted and 1 refused: 8.
    expect(at(1_050)).toMatchObject({ status: 429, reason: 'overLimit' });
    expect(model.log.at(-1)?.exceeded).toEqual(['conversation2s']);
  });

  it('60 per 30 seconds: four a second pass the short windows and the 61st is refused until the first leaves', () => {
    const { model, at } = connector();
    const answers = Array.from({ length: 60 }, (_, i) => at(i * 250));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(at(15_000)).toMatchObject({ status: 429, reason: 'overLimit', retryAfter: '15' });
    expect(model.stats.violationsByLimit).toMatchObject({ conversation1s: 0, conversation2s: 0, conversation30s: 1 });
    expect(at(30_001).status).toBe(429); // the refused one at 15 s still counts
    expect(at(45_001).status).toBe(200);
  });

  it('1,800 per hour: two a second pass the other windows and the 1,801st is refused', () => {
    const { model, at } = connector();
    for (let i = 0; i < 1_800; i++) expect(at(i * 500).status).toBe(200);
    expect(at(900_000)).toMatchObject({ status: 429, reason: 'overLimit', retryAfter: String(3_600 - 900) });
    expect(model.stats.violationsByLimit.conversation1h).toBe(1);
    expect(at(3_600_001).status).toBe(429); // the refused one at 900 s still counts
    expect(at(3_601_001).status).toBe(200); // two have left: the 1,800 include the two refused
  });

  it('updates count as sends in their conversation; creating a conversation has a budget of its own', () => {
    const { model, at } = connector();
    for (let i = 0; i < 4; i++) at(0, { kind: 'update' });
    for (let i = 0; i < 3; i++) at(0);
    expect(at(0, { kind: 'update' }).status).toBe(429);
    expect(at(0, { kind: 'create' }).status).toBe(201);
    expect(model.stats.byKind).toEqual({ create: 1, send: 3, update: 5 });
  });
});

describe('what the connector records', () => {
  it('the most requests in any one-second window, sliding, per tenant', () => {
    const { model, at } = connector();
    for (let i = 0; i < 25; i++) at(600, { conversationId: `a:c${i}` });
    for (let i = 0; i < 25; i++) at(1_400, { conversationId: `a:d${i}` });
    for (let i = 0; i < 30; i++) at(1_400, { tenantId: 't2', conversationId: `a:e${i}` });
    // Whole seconds would show 25 and 25; the window from 400 ms to 1,400 ms holds 50.
    expect(model.stats.tenants.get('t1')).toEqual({ requests: 50, maxRequestsInOneSecond: 50 });
    expect(model.stats.tenants.get('t2')).toEqual({ requests: 30, maxRequestsInOneSecond: 30 });
    expect(model.stats.maxRequestsInOneSecond).toBe(50);
  });

  describe('when its own loop was late getting to requests', () => {
    /**
     * A sender steady at `perSecond` for three seconds, each request to a conversation of its own.
     * The connector's loop stalls from 1,000 to 1,300 ms: it gets to the requests that arrived
     * meanwhile only at 1,300, knowing they arrived after 1,000.
     */
    function steadyWithAStall(perSecond: number, stall = true) {
      let now = 0;
      const model = new ConnectorModel({ now: () => now });
      for (let i = 0; i < perSecond * 3; i++) {
        const arrived = (i * 1000) / perSecond;
        const stalled = stall && arrived >= 1_000 && arrived < 1_300;
        now = stalled ? 1_300 : arrived;
        model.answer({ kind: 'send', tenantId: 't1', conversationId: `a:c${i}` }, stalled ? 1_000 : arrived);
      }
      return model;
    }

    it('refuses nothing and counts no more than arrived for its own pause, where stamps alone would see a burst', () => {
      const model = steadyWithAStall(45);
      // Stamped at 1,300, the stalled ones join the window up to 2,250 ms: over 50 by the stamps.
      expect(model.stats.maxRequestsInOneSecondAsStamped).toBeGreaterThan(50);
      const arrived = steadyWithAStall(45, false).stats.maxRequestsInOneSecond;
      expect(arrived).toBeLessThanOrEqual(50);
      expect(model.stats.maxRequestsInOneSecond).toBeLessThanOrEqual(arrived);
      expect(model.stats.throttledOverLimit).toBe(0);
      expect(phaseFigures(model.log, 0, 3_000).maxRequestsInOneSecond).toBe(model.stats.maxRequestsInOneSecond);
      expect(maxInOneSecondAsStamped(model.log)).toBe(model.stats.maxRequestsInOneSecondAsStamped);
    });

    it('still counts and refuses a sender over the limit through the same pause', () => {
      const model = steadyWithAStall(60);
      expect(model.stats.maxRequestsInOneSecond).toBeGreaterThan(50);
      expect(model.stats.throttledOverLimit).toBeGreaterThan(0);
    });
  });

  it('every request with its time, tenant, conversation, kind and answer', () => {
    const { model, at } = connector();
    at(5, { kind: 'create', conversationId: 'a:new' });
    at(9, { card: 'card-1' });
    expect(model.log).toEqual([
      { at: 5, earliest: 5, kind: 'create', tenantId: 't1', conversationId: 'a:new', status: 201, reason: 'accepted' },
      { at: 9, earliest: 9, kind: 'send', tenantId: 't1', conversationId: 'a:c1', card: 'card-1', status: 200, reason: 'accepted' },
    ]);
    expect(model.stats.deliveries.get('a:c1')).toBe(1);
    expect(model.stats).toMatchObject({ firstDeliveryAt: 9, lastDeliveryAt: 9, accepted: 2 });
  });

  it('a card delivered twice to one conversation as a duplicate, not the same card in two, nor a refused send', () => {
    const { model, at } = connector();
    at(0, { card: 'checkin-w48' });
    at(0, { card: 'checkin-w48', conversationId: 'a:c2' });
    at(0, { card: 'nudge-1' });
    expect(model.stats.duplicates).toBe(0);
    model.script(scripted.serverError());
    at(10, { card: 'checkin-w48' });
    expect(model.stats.duplicates).toBe(0);
    at(20, { card: 'checkin-w48' });
    expect(model.stats.duplicates).toBe(1);
    expect(model.stats.deliveries.get('a:c1')).toBe(3);
  });
});

describe('injected failures', () => {
  it('a burst answers the tenant 429 until its Retry-After (1–10 s) has passed', () => {
    const rolls = [0.005, 0.5];
    const { model, at } = connector({ random: () => rolls.shift() ?? 0.99, failures: { burstChance: 0.01 } });
    expect(at(0)).toMatchObject({ status: 429, reason: 'burst429', retryAfter: '6' });
    expect(at(2_000, { conversationId: 'a:other' })).toMatchObject({ status: 429, retryAfter: '4' });
    expect(at(6_000).status).toBe(200);
    expect(model.stats).toMatchObject({ injected429: 2, throttledOverLimit: 0, accepted: 1 });
  });

  it('draws a burst’s Retry-After from the range given', () => {
    const seen = new Set<string | undefined>();
    for (const roll of [0, 0.3, 0.999]) {
      const rolls = [0, roll];
      const { at } = connector({ random: () => rolls.shift() ?? 0.99, failures: { burstChance: 0.5, burstRetryAfterSeconds: [1, 10] } });
      seen.add(at(0).retryAfter);
    }
    expect(seen).toEqual(new Set(['1', '4', '10']));
  });

  it('answers the configured share of requests 502 or 503', () => {
    let i = 0;
    const { model, at } = connector({ random: () => [0.005, 0.2, 0.5, 0.009, 0.7][i++ % 5]!, failures: { serverErrorRate: 0.01 } });
    // Rolls: 0.005 → 5xx (0.2 → 502); 0.5 → accepted; 0.009 → 5xx (0.7 → 503).
    expect(statuses([at(0), at(200), at(400, { conversationId: 'a:c2' })])).toEqual([502, 200, 503]);
    expect(model.stats.injected5xx).toBe(2);
  });

  it('answers the configured share of requests 429 on their own, the tenant untouched for the rest', () => {
    let i = 0;
    // Rolls: 0.01 → 429 (then 0.5 picks Retry-After 2 of 1–3); 0.9 → accepted; 0.04 → 429 (0.0 → 1).
    const rolls = [0.01, 0.5, 0.9, 0.04, 0.0];
    const { model, at } = connector({
      random: () => rolls[i++] ?? 0.99,
      failures: { throttleRate: 0.05, burstRetryAfterSeconds: [1, 3] },
    });
    const answers = [at(0), at(200), at(400, { conversationId: 'a:c2' }), at(600)];
    expect(statuses(answers)).toEqual([429, 200, 429, 200]);
    expect(answers.map((a) => a.retryAfter)).toEqual(['2', undefined, '1', undefined]);
    expect(model.stats.injected429).toBe(2);
  });
});

describe('scripted answers', () => {
  it('answers the next matching requests as asked, the others as usual', () => {
    const { model, at } = connector();
    const until = new Date(Date.UTC(2026, 11, 6, 9, 0, 7));
    model.script(scripted.blocked(), { conversationId: 'a:blocked' });
    model.script(scripted.notFound(), { kind: 'update' });
    model.script(scripted.throttled(3));
    model.script(scripted.throttledUntil(until));
    expect(at(0, { conversationId: 'a:blocked' })).toMatchObject({ status: 403, code: 'MessageWritesBlocked', reason: 'scripted' });
    expect(at(0)).toMatchObject({ status: 429, retryAfter: '3' });
    expect(at(0, { kind: 'update' })).toMatchObject({ status: 404, code: 'ConversationNotFound' });
    expect(at(0)).toMatchObject({ status: 429, retryAfter: 'Sun, 06 Dec 2026 09:00:07 GMT' });
    expect(at(0).status).toBe(200);
    expect(model.stats).toMatchObject({ scripted: 4, accepted: 1, throttledOverLimit: 0, injected429: 0 });
  });

  it('a request over a limit is refused for the limit and leaves the scripted answer for the next', () => {
    const { at, model } = connector();
    for (let i = 0; i < 7; i++) at(0);
    model.script(scripted.serverError(504), { count: 2 });
    expect(at(0)).toMatchObject({ status: 429, reason: 'overLimit' });
    const later = ['a:c2', 'a:c3', 'a:c4'].map((conversationId) => at(1_000, { conversationId }));
    expect(statuses(later)).toEqual([504, 504, 200]);
  });
});
