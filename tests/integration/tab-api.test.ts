import { SignJWT, createLocalJWKSet, exportJWK, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PEOPLE, DEMO_TENANT_ID } from '../../bot/demo/demo-team.js';
import { seedDemoData } from '../../bot/demo/seed-demo-data.js';
import { ssoTokenVerifier } from '../../bot/http/sso-token-verifier.js';
import { startTestService, type RunningTestService } from '../../bot/testing/test-service.js';
import { problemOf } from '../support/problem.js';

const [alex, megan] = [DEMO_PEOPLE[0]!, DEMO_PEOPLE[1]!];
const asLocal = (userId: string, tenantId = DEMO_TENANT_ID) => ({ 'x-local-tenant-id': tenantId, 'x-local-user-id': userId });

describe('tab API in local mode (Azurite, demo data)', () => {
  let service: RunningTestService;
  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${service.baseUrl}${path}`, { headers });

  beforeAll(async () => {
    service = await startTestService();
    await seedDemoData({ stores: service.stores, rollups: service.rollups, now: new Date('2026-11-28T12:00:00Z') });
  });
  afterAll(() => service.stop());

  it('lists the demo identities for the local picker', async () => {
    const res = await get('/api/v1/local/identities');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { identities: Array<{ displayName: string; tenantId: string }> };
    expect(body.identities.map((i) => i.displayName).sort()).toEqual(DEMO_PEOPLE.map((p) => p.displayName).sort());
  });

  it('tells who is calling, and refuses a caller without an identity or with an unknown one', async () => {
    const me = await get('/api/v1/me', asLocal(alex.userId));
    expect(await me.json()).toEqual({ tenantId: DEMO_TENANT_ID, userId: alex.userId, displayName: 'Alex Wilber' });
    const anonymous = await get('/api/v1/me');
    expect(anonymous.status).toBe(401);
    expect((await problemOf(anonymous)).detail).toMatch(/demo identity/);
    expect((await get('/api/v1/me', asLocal('nobody'))).status).toBe(401);
    expect((await get('/api/v1/me', asLocal(alex.userId, 'another-tenant'))).status).toBe(401);
  });

  it('returns only the caller’s own entries, newest first, with a working cursor', async () => {
    const res = await get('/api/v1/me/entries?limit=3', asLocal(megan.userId));
    const page = (await res.json()) as { entries: Array<{ userId: string; createdAt: string }>; nextCursor: string | null };
    expect(page.entries).toHaveLength(3);
    expect(page.entries.every((e) => e.userId === megan.userId)).toBe(true);
    const times = page.entries.map((e) => e.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
    expect(page.nextCursor).toBeTruthy();
    const next = await get(`/api/v1/me/entries?limit=3&cursor=${encodeURIComponent(page.nextCursor!)}`, asLocal(megan.userId));
    const nextPage = (await next.json()) as { entries: Array<{ createdAt: string }> };
    expect(nextPage.entries[0]!.createdAt < times[2]!).toBe(true);
    // Megan's cursor cannot page through Alex's log.
    const stolen = await get(`/api/v1/me/entries?cursor=${encodeURIComponent(page.nextCursor!)}`, asLocal(alex.userId));
    expect(stolen.status).toBe(400);
  });

  it.each([
    ['/api/v1/me/entries?limit=0', /limit/],
    ['/api/v1/me/entries?limit=abc', /limit/],
    ['/api/v1/me/entries?limit=5000', /limit/],
    ['/api/v1/me/entries?userId=someone-else', /userId/],
    ['/api/v1/me/entries?cursor=garbage', /cursor/],
  ])('answers a bad query %s with a 400 that names the problem', async (path, pattern) => {
    const res = await get(path, asLocal(alex.userId));
    expect(res.status).toBe(400);
    expect((await problemOf(res)).detail).toMatch(pattern);
  });

  it('answers unknown API routes with 404 JSON and malformed bodies with 400', async () => {
    const missing = await get('/api/v1/nope', asLocal(alex.userId));
    expect(missing.status).toBe(404);
    const malformed = await fetch(`${service.baseUrl}/api/v1/me`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...asLocal(alex.userId) },
      body: '{"broken',
    });
    expect(malformed.status).toBe(400);
  });

  it('reports health', async () => {
    expect(await (await get('/healthz')).json()).toEqual({ status: 'ok', mode: 'local' });
  });
});

describe('tab API in production mode (Teams SSO)', () => {
  let service: RunningTestService;
  let token: (claims?: Record<string, unknown>) => Promise<string>;
  const clientId = '11111111-2222-4333-8444-555555555555';

  beforeAll(async () => {
    const keys = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(keys.publicKey)), kid: 'k', alg: 'RS256' };
    token = (claims = {}) =>
      new SignJWT({ tid: DEMO_TENANT_ID, oid: alex.userId, scp: 'access_as_user', name: 'Alex Wilber', ...claims })
        .setProtectedHeader({ alg: 'RS256', kid: 'k' })
        .setIssuer(`https://login.microsoftonline.com/${String(claims.tid ?? DEMO_TENANT_ID)}/v2.0`)
        .setAudience(clientId)
        .setExpirationTime('1h')
        .sign(keys.privateKey);
    service = await startTestService(
      { mode: 'production', ssoClientId: clientId },
      { verifyCaller: ssoTokenVerifier({ clientId, keys: createLocalJWKSet({ keys: [jwk] }) }) },
    );
  });
  afterAll(() => service.stop());

  it('accepts a valid SSO token and ignores demo identity headers', async () => {
    const res = await fetch(`${service.baseUrl}/api/v1/me`, {
      headers: { authorization: `Bearer ${await token()}`, ...asLocal(megan.userId) },
    });
    expect(await res.json()).toMatchObject({ userId: alex.userId });
  });

  it('refuses demo identities and missing tokens, and hides the demo picker', async () => {
    expect((await fetch(`${service.baseUrl}/api/v1/me`, { headers: asLocal(alex.userId) })).status).toBe(401);
    expect((await fetch(`${service.baseUrl}/api/v1/local/identities`)).status).toBe(401);
  });
});
