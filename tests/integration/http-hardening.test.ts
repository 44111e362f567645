import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PEOPLE, DEMO_TENANT_ID } from '../../bot/demo/demo-team.js';
import { seedDemoData } from '../../bot/demo/seed-demo-data.js';
import { tableClients } from '../../bot/store/table-clients.js';
import { asDemoPerson } from '../../bot/testing/requests.js';
import { snapshotTables, tableChanges } from '../../bot/testing/table-snapshot.js';
import { startTestService, type RunningTestService } from '../../bot/testing/test-service.js';
import { problemOf } from '../support/problem.js';

/**
 * The HTTP surface's defences, as a browser or a script meets them: CORS closed (the tab is
 * served from the same origin, so no other origin may read the API), security headers fit for a
 * tab that only Teams may frame, request size limits and the per-caller rate limit.
 */
describe('HTTP hardening: CORS, security headers, size limits and rate limits (Azurite)', () => {
  // 60 a minute, 12 at once: low enough to reach in a test, per caller.
  const PER_MINUTE = 60;
  const BURST = PER_MINUTE / 5;
  let service: RunningTestService;
  const [alex, megan, adele] = [DEMO_PEOPLE[0]!, DEMO_PEOPLE[1]!, DEMO_PEOPLE[2]!];
  /** When set, the rate limits' clock stands at this moment (ms) instead of running. */
  let heldAt: number | undefined;

  beforeAll(async () => {
    service = await startTestService({ apiRateLimitPerMinute: PER_MINUTE }, { apiRateLimitClock: () => heldAt ?? Date.now() });
    await seedDemoData({ ...service, now: new Date() });
  }, 60_000);
  afterAll(async () => {
    await service.stop();
  });

  const url = (path: string) => `${service.baseUrl}${path}`;
  const corsHeaders = (res: Response) => [...res.headers.keys()].filter((h) => h.startsWith('access-control-'));

  it('answers a cross-origin preflight without allowing anything', async () => {
    for (const path of ['/api/v1/me/settings', '/api/messages', '/healthz']) {
      const res = await fetch(url(path), {
        method: 'OPTIONS',
        headers: {
          origin: 'https://evil.example',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type, authorization',
        },
      });
      expect(res.status, path).not.toBe(204);
      expect(corsHeaders(res), path).toEqual([]);
    }
  });

  it('never sends CORS headers on ordinary answers, whatever the Origin', async () => {
    const asAdele = { ...asDemoPerson(adele.userId), origin: 'https://evil.example' };
    const answers = await Promise.all([
      fetch(url('/api/v1/me'), { headers: asAdele }),
      fetch(url('/api/v1/me/settings'), { method: 'PUT', headers: asAdele, body: JSON.stringify({ paused: false }) }),
      fetch(url('/api/v1/me'), { headers: { origin: 'https://evil.example' } }),
      fetch(url('/healthz'), { headers: { origin: 'https://evil.example' } }),
      fetch(url('/api/v1/no-such-route'), { headers: asAdele }),
    ]);
    expect(answers.map((r) => r.status)).toEqual([200, 200, 401, 200, 404]);
    for (const res of answers) expect(corsHeaders(res)).toEqual([]);
  });

  it('sends security headers fit for a Teams tab on every answer: only Teams and Microsoft 365 may frame it', async () => {
    const answers = await Promise.all([
      fetch(url('/api/v1/me'), { headers: asDemoPerson(adele.userId) }),
      fetch(url('/healthz')),
      fetch(url('/api/v1/me')),
      fetch(url('/no-such-page')),
    ]);
    for (const res of answers) {
      const csp = res.headers.get('content-security-policy') ?? '';
      const ancestors = /frame-ancestors ([^;]+)/.exec(csp)?.[1]?.split(' ') ?? [];
      expect(ancestors).toEqual(
        expect.arrayContaining([
          "'self'",
          'https://teams.microsoft.com',
          'https://*.teams.microsoft.com',
          'https://*.cloud.microsoft',
          'https://*.office.com',
        ]),
      );
      expect(ancestors).not.toContain('*');
      expect(csp).toMatch(/(^|; )default-src 'self'(;|$)/);
      expect(csp).toMatch(/(^|; )script-src 'self'(;|$)/);
      expect(csp).toMatch(/(^|; )object-src 'none'(;|$)/);
      expect(csp).toMatch(/(^|; )base-uri 'none'(;|$)/);
      expect(res.headers.get('strict-transport-security')).toMatch(/^max-age=\d{8,}; includeSubDomains$/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
      expect(res.headers.get('x-powered-by')).toBeNull();
    }
  });

  it('refuses a body over the size limit with 413 and a problem document, on the API and the bot endpoint', async () => {
    const api = await fetch(url('/api/v1/me/goals'), {
      method: 'POST',
      headers: asDemoPerson(megan.userId),
      body: JSON.stringify({ what: 'x'.repeat(70 * 1024) }),
    });
    expect(api.status).toBe(413);
    expect(await problemOf(api)).toMatchObject({ code: 'too_large', detail: expect.stringMatching(/larger than this endpoint accepts/) });
    const bot = await fetch(url('/api/messages'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', text: 'x'.repeat(300 * 1024) }),
    });
    expect(bot.status).toBe(413);
    expect((await problemOf(bot)).code).toBe('too_large');
    expect(await service.services.goals.viewsOf({ tenantId: DEMO_TENANT_ID, userId: megan.userId })).toEqual([]);
  });

  it('refuses a body at the bot endpoint that is no activity with 400 and a problem document, storing nothing', async () => {
    const before = await snapshotTables(tableClients(service.config.storage));
    const send = (body: string) => fetch(url('/api/messages'), { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    for (const body of ['{}', '[]', '{"type":5}', '{"type":""}']) {
      const res = await send(body);
      expect(res.status, body).toBe(400);
      expect(await problemOf(res), body).toMatchObject({ code: 'invalid_activity', detail: expect.stringMatching(/activity/) });
    }
    // JSON that is no object at all is refused while it is read.
    for (const body of ['null', '"message"', '{"type":']) {
      const res = await send(body);
      expect(res.status, body).toBe(400);
      expect((await problemOf(res)).code, body).toBe('bad_request');
    }
    expect(tableChanges(before, await snapshotTables(tableClients(service.config.storage)))).toEqual({
      created: [],
      deleted: [],
      changed: [],
    });
  });

  it('limits each signed-in caller: a burst, then 429 with Retry-After and a problem document; others are unaffected', async () => {
    // The limits' clock stands still, so no token comes back however slowly the burst is served.
    heldAt = Date.now();
    try {
      const me = (userId: string) => fetch(url('/api/v1/me'), { headers: asDemoPerson(userId) });
      const burst = await Promise.all(Array.from({ length: BURST }, () => me(alex.userId)));
      expect(burst.map((r) => r.status)).toEqual(Array(BURST).fill(200));
      const refused = await me(alex.userId);
      expect(refused.status).toBe(429);
      const retryAfter = Number(refused.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(await problemOf(refused)).toMatchObject({ code: 'rate_limited', detail: expect.stringMatching(/Too many requests/) });
      // Someone else in the same tenant, from the same address, has their own budget.
      expect((await me(DEMO_PEOPLE[3]!.userId)).status).toBe(200);
      // Once the wait it was told has passed, the caller is let in again.
      heldAt += retryAfter * 1000;
      expect((await me(alex.userId)).status).toBe(200);
    } finally {
      heldAt = undefined;
    }
  });

  it('limits requests that fail to sign in per address, before checking any more of them', async () => {
    // A fresh service: the address’s budget is shared by every test from this machine. Its limits’ clock
    // stands still, so no token comes back however slowly the failures are served.
    const heldAt = Date.now();
    const fresh = await startTestService({ apiRateLimitPerMinute: PER_MINUTE }, { apiRateLimitClock: () => heldAt });
    try {
      const failures = [];
      for (let i = 0; i < BURST; i++)
        failures.push(
          (
            await fetch(`${fresh.baseUrl}/api/v1/me`, {
              headers: { 'x-local-tenant-id': DEMO_TENANT_ID, 'x-local-user-id': `nobody-${i}` },
            })
          ).status,
        );
      expect(failures).toEqual(Array(BURST).fill(401));
      const refused = await fetch(`${fresh.baseUrl}/api/v1/me`);
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).not.toBeNull();
      expect((await problemOf(refused)).code).toBe('rate_limited');
    } finally {
      await fresh.stop();
    }
  });
});
