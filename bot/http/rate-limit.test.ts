import express from 'express';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { ApiError } from './api-error.js';
import { errorHandler } from './error-handler.js';
import { addressOf, limitFailedSignIns, limitPerCaller, RateLimiter } from './rate-limit.js';

describe('RateLimiter (a token bucket per key, on a given clock)', () => {
  it('lets a burst through at once, then one request per interval', () => {
    const limiter = new RateLimiter({ perMinute: 60, burst: 3 });
    expect([0, 0, 0].map(() => limiter.take('a', 0))).toEqual([0, 0, 0]);
    // The fourth waits for the first token to come back: one a second at 60 a minute.
    expect(limiter.take('a', 0)).toBe(1000);
    expect(limiter.take('a', 999)).toBe(1);
    expect(limiter.take('a', 1000)).toBe(0);
    expect(limiter.take('a', 1000)).toBe(1000);
  });

  it('keeps each key to its own budget', () => {
    const limiter = new RateLimiter({ perMinute: 60, burst: 1 });
    expect(limiter.take('a', 0)).toBe(0);
    expect(limiter.take('a', 0)).toBeGreaterThan(0);
    expect(limiter.take('b', 0)).toBe(0);
  });

  it('charges nothing for a refused request, so waiting as told is enough', () => {
    const limiter = new RateLimiter({ perMinute: 60, burst: 1 });
    limiter.take('a', 0);
    for (let i = 0; i < 50; i++) expect(limiter.take('a', 10)).toBe(990);
    expect(limiter.take('a', 1000)).toBe(0);
  });

  it('refills completely after a quiet spell, and never beyond the burst', () => {
    const limiter = new RateLimiter({ perMinute: 60, burst: 2 });
    limiter.take('a', 0);
    limiter.take('a', 0);
    const later = 3_600_000;
    expect([limiter.take('a', later), limiter.take('a', later), limiter.take('a', later)]).toEqual([0, 0, 1000]);
  });

  it('forgets the least recently seen callers beyond its cap, which only lets more through', () => {
    const limiter = new RateLimiter({ perMinute: 60, burst: 1, maxKeys: 2 });
    for (const key of ['a', 'b', 'c']) limiter.take(key, 0);
    expect(limiter.waitFor('a', 0)).toBe(0);
    expect(limiter.waitFor('c', 0)).toBeGreaterThan(0);
  });
});

describe('addressOf', () => {
  it('drops the port Azure App Service forwards with the address, so each connection is not a new caller', () => {
    const of = (ip: string) => addressOf({ ip } as express.Request);
    expect([of('203.0.113.7:50312'), of('[2001:db8::1]:443'), of('2001:db8::1'), of('203.0.113.7')]).toEqual([
      '203.0.113.7',
      '2001:db8::1',
      '2001:db8::1',
      '203.0.113.7',
    ]);
  });
});

describe('rate-limit middleware', () => {
  /** A tiny app: `x-who` names the caller; no `x-who` fails sign-in with a 401. */
  async function app(now: () => number) {
    const perCaller = new RateLimiter({ perMinute: 60, burst: 2 });
    const signIns = new RateLimiter({ perMinute: 60, burst: 2 });
    const server = express()
      .use(limitFailedSignIns(signIns, now))
      .use((req, res, next) => {
        const who = req.get('x-who');
        if (!who) return next(new ApiError(401, 'unauthenticated', 'Sign in.'));
        res.locals.caller = { tenantId: 't', userId: who };
        next();
      })
      .use(limitPerCaller(perCaller, now))
      .get('/', (_req, res) => void res.json({ ok: true }))
      .use(errorHandler(pino({ enabled: false })))
      .listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    return {
      get: (who?: string) => fetch(url, { headers: who ? { 'x-who': who } : {} }),
      stop: () => new Promise((resolve) => server.close(resolve)),
    };
  }

  it('answers a caller over budget 429 with Retry-After and a problem document, and lets others through', async () => {
    let clock = 0;
    const api = await app(() => clock);
    try {
      expect((await api.get('alex')).status).toBe(200);
      expect((await api.get('alex')).status).toBe(200);
      const refused = await api.get('alex');
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toBe('1');
      expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(await refused.json()).toMatchObject({ status: 429, code: 'rate_limited', detail: expect.stringMatching(/Too many requests/) });
      expect((await api.get('megan')).status).toBe(200);
      clock = 1000;
      expect((await api.get('alex')).status).toBe(200);
    } finally {
      await api.stop();
    }
  });

  it('counts failed sign-ins per address, and holds that address back once they run over', async () => {
    const clock = 0;
    const api = await app(() => clock);
    try {
      expect((await api.get()).status).toBe(401);
      expect((await api.get()).status).toBe(401);
      const refused = await api.get();
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toBe('1');
      // Signed-in requests spend nothing from the address's budget, but wait while it is spent.
      expect((await api.get('alex')).status).toBe(429);
    } finally {
      await api.stop();
    }
  });

  it('lets signed-in callers through however much they use, as far as the address is concerned', async () => {
    const api = await app(() => 0);
    try {
      const statuses = [];
      for (const who of ['a', 'b', 'c', 'd', 'e']) statuses.push((await api.get(who)).status);
      expect(statuses).toEqual([200, 200, 200, 200, 200]);
    } finally {
      await api.stop();
    }
  });
});
