import { SignJWT, createLocalJWKSet, exportJWK, generateKeyPair } from 'jose';
import http from 'node:http';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PEOPLE, DEMO_TEAM, DEMO_TENANT_ID } from '../../bot/demo/demo-team.js';
import { seedDemoData } from '../../bot/demo/seed-demo-data.js';
import type { DashboardResponse } from '../../bot/contract/api.js';
import { ssoTokenVerifier } from '../../bot/http/sso-token-verifier.js';
import { startTestService, type RunningTestService } from '../../bot/testing/test-service.js';
import { problemOf } from '../support/problem.js';

const [alex, megan] = [DEMO_PEOPLE[0]!, DEMO_PEOPLE[1]!];
const otherTeam = '19:other-team@thread.tacv2';
const now = new Date('2026-11-28T12:00:00Z');
const headers = (userId: string, tenantId = DEMO_TENANT_ID) => ({ 'x-local-tenant-id': tenantId, 'x-local-user-id': userId });

describe('team dashboard API (Azurite, demo data)', () => {
  let service: RunningTestService;
  const dashboard = (userId: string, teamId: string = DEMO_TEAM.id, query = '', tenantId?: string) =>
    fetch(`${service.baseUrl}/api/v1/teams/${encodeURIComponent(teamId)}/dashboard${query}`, { headers: headers(userId, tenantId) });

  beforeAll(async () => {
    service = await startTestService({}, { clock: () => now });
    await seedDemoData({ ...service, now });
    // A second team Megan leads and Alex is not in.
    await service.stores.teams.createSettingsIfAbsent({
      tenantId: DEMO_TENANT_ID,
      teamId: otherTeam,
      name: 'Other',
      schedule: null,
      sharesChannelId: null,
      updatedBy: null,
      updatedAt: now.toISOString(),
    });
    await service.stores.teams.upsertMember({
      tenantId: DEMO_TENANT_ID,
      teamId: otherTeam,
      userId: megan.userId,
      teamsUserId: megan.teamsUserId,
      displayName: megan.displayName,
      role: 'lead',
      joinedAt: now.toISOString(),
    });
  });
  afterAll(() => service.stop());

  it('gives a lead the whole team: weeks, totals, source mix and every member’s row', async () => {
    const res = await dashboard(alex.userId, DEMO_TEAM.id, '?weeks=12');
    expect(res.status).toBe(200);
    const body = (await res.json()) as DashboardResponse;
    expect(body.role).toBe('lead');
    expect(body.weeks).toHaveLength(12);
    expect(body.members.map((m) => m.displayName).sort()).toEqual(DEMO_PEOPLE.map((p) => p.displayName).sort());
    const perWeek = body.weeks.reduce((n, w) => n + w.entries, 0);
    expect(body.totals.entries).toBe(perWeek);
    expect(body.totals.entries).toBe(body.members.reduce((n, m) => n + m.entries, 0));
    expect(body.sources.reduce((n, s) => n + s.entries, 0)).toBe(body.totals.entries);
    expect(body.totals.responded + body.totals.nothing + body.totals.noAnswer).toBeGreaterThan(0);
    // The quietest demo person has gone unanswered: the lead is told who to follow up.
    expect(body.members.some((m) => m.needsFollowUp && m.followUpReason)).toBe(true);
  });

  it('gives a member the team’s totals but only their own row', async () => {
    const lead = (await (await dashboard(alex.userId)).json()) as DashboardResponse;
    const res = await dashboard(megan.userId);
    expect(res.status).toBe(200);
    const body = (await res.json()) as DashboardResponse;
    expect(body.role).toBe('member');
    expect(body.members.map((m) => m.userId)).toEqual([megan.userId]);
    expect(body.totals).toEqual(lead.totals);
    expect(JSON.stringify(body)).not.toContain(DEMO_PEOPLE[2]!.displayName);
  });

  it('gives a lead the team’s follow-up figures and their own: a nudge counts as nudged, a closed follow-up as done; a member neither', async () => {
    const read = async (userId: string) => (await (await dashboard(userId, DEMO_TEAM.id, '?weeks=12')).json()) as DashboardResponse;
    const before = await read(alex.userId);
    expect(before.callerId).toBe(alex.userId);
    const flagged = before.members.filter((m) => m.needsFollowUp);
    // Every flagged member is a follow-up asked of each lead; nobody has been nudged yet.
    expect(flagged.length).toBeGreaterThan(0);
    expect(before.followUps).toEqual({
      team: { requested: flagged.length, done: 0, rate: 0, medianDays: null, nudged: 0 },
      yours: { requested: flagged.length, done: 0, rate: 0, medianDays: null, nudged: 0 },
    });
    const nudged = await fetch(
      `${service.baseUrl}/api/v1/teams/${encodeURIComponent(DEMO_TEAM.id)}/members/${encodeURIComponent(flagged[0]!.userId)}/nudges`,
      {
        method: 'POST',
        headers: { ...headers(alex.userId), 'content-type': 'application/json' },
        body: '{}',
      },
    );
    expect(nudged.status).toBe(201);
    const sent = await read(alex.userId);
    expect(sent.followUps?.yours).toMatchObject({ requested: flagged.length, done: 0, nudged: 1 });
    // The learner answers "Let's talk" and Alex closes the follow-up: now it is done.
    const { nudge } = (await nudged.json()) as { nudge: { nudgeId: string } };
    await service.services.nudges.reply({ tenantId: DEMO_TENANT_ID, userId: flagged[0]!.userId }, DEMO_TEAM.id, nudge.nudgeId, 'lets-talk');
    await service.services.followUps.close({ tenantId: DEMO_TENANT_ID, userId: alex.userId }, DEMO_TEAM.id, nudge.nudgeId, 'We talked');
    const after = await read(alex.userId);
    expect(after.followUps?.yours).toMatchObject({ requested: flagged.length, done: 1, rate: 1 / flagged.length, nudged: 1 });
    expect(after.followUps?.yours.medianDays).toBeGreaterThanOrEqual(0);
    expect(after.followUps?.team).toEqual(after.followUps?.yours);
    const member = await read(megan.userId);
    expect(member.callerId).toBe(megan.userId);
    expect(member).not.toHaveProperty('followUps');
  });

  it('refuses a lead of one team another team’s dashboard', async () => {
    expect((await dashboard(megan.userId, otherTeam)).status).toBe(200);
    const notMine = await dashboard(alex.userId, otherTeam);
    expect(notMine.status).toBe(403);
    expect((await problemOf(notMine)).detail).toMatch(/not a member/);
  });

  it('says what is wrong with a bad period instead of guessing', async () => {
    const res = await dashboard(alex.userId, DEMO_TEAM.id, '?weeks=5');
    expect(res.status).toBe(400);
    expect((await problemOf(res)).detail).toMatch(/weeks.*4, 12, 26, 52/);
    expect((await dashboard(alex.userId, DEMO_TEAM.id, '?weeks=52&sort=name')).status).toBe(400);
  });

  it('lists the caller’s teams with their role in each', async () => {
    const res = await fetch(`${service.baseUrl}/api/v1/me/teams`, { headers: headers(megan.userId) });
    expect(await res.json()).toEqual({
      teams: expect.arrayContaining([
        { teamId: DEMO_TEAM.id, name: DEMO_TEAM.name, role: 'member' },
        { teamId: otherTeam, name: 'Other', role: 'lead' },
      ]),
    });
  });

  it('shows a learner’s pause on the lead’s dashboard at once', async () => {
    const put = await fetch(`${service.baseUrl}/api/v1/me/settings`, {
      method: 'PUT',
      headers: { ...headers(megan.userId), 'content-type': 'application/json' },
      body: JSON.stringify({ paused: true }),
    });
    expect(await put.json()).toMatchObject({ paused: true });
    const body = (await (await dashboard(alex.userId)).json()) as DashboardResponse;
    expect(body.members.find((m) => m.userId === megan.userId)).toMatchObject({ paused: true, needsFollowUp: false });
  });
});

describe('team dashboard API in production mode (Teams SSO)', () => {
  let service: RunningTestService;
  let token: (tid: string, oid: string) => Promise<string>;
  const clientId = '11111111-2222-4333-8444-555555555555';

  beforeAll(async () => {
    const keys = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(keys.publicKey)), kid: 'k', alg: 'RS256' };
    token = (tid, oid) =>
      new SignJWT({ tid, oid, scp: 'access_as_user', name: 'Someone' })
        .setProtectedHeader({ alg: 'RS256', kid: 'k' })
        .setIssuer(`https://login.microsoftonline.com/${tid}/v2.0`)
        .setAudience(clientId)
        .setExpirationTime('1h')
        .sign(keys.privateKey);
    service = await startTestService(
      { mode: 'production', ssoClientId: clientId },
      { verifyCaller: ssoTokenVerifier({ clientId, keys: createLocalJWKSet({ keys: [jwk] }) }), clock: () => now },
    );
    await seedDemoData({ ...service, now });
  });
  afterAll(() => service.stop());

  it('serves the lead signed in to the team’s tenant, and nobody with the same ids in another tenant', async () => {
    const url = `${service.baseUrl}/api/v1/teams/${encodeURIComponent(DEMO_TEAM.id)}/dashboard`;
    const own = await fetch(url, { headers: { authorization: `Bearer ${await token(DEMO_TENANT_ID, alex.userId)}` } });
    expect(own.status).toBe(200);
    const elsewhere = await fetch(url, {
      headers: { authorization: `Bearer ${await token('0f0f0f0f-1111-4222-8333-444455556666', alex.userId)}` },
    });
    expect(elsewhere.status).toBe(403);
    expect((await fetch(url)).status).toBe(401);
  });
});

describe('team dashboard API, answered from the bytes it sent before', () => {
  let service: RunningTestService;
  const [lead, member, outsider] = [alex, megan, DEMO_PEOPLE[2]!];
  /**
   * A GET with exactly the headers given: fetch adds Cache-Control: no-cache to a request with
   * If-None-Match, which a browser revalidating its own copy does not.
   */
  const read = (userId: string, headers: Record<string, string> = {}) =>
    new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: DashboardResponse | undefined }>((resolve, reject) => {
      const url = `${service.baseUrl}/api/v1/teams/${encodeURIComponent(DEMO_TEAM.id)}/dashboard?weeks=12`;
      http
        .get(url, { headers: { ...headers, 'x-local-tenant-id': DEMO_TENANT_ID, 'x-local-user-id': userId } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const raw = Buffer.concat(chunks);
            const text = (res.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw).toString();
            resolve({ status: res.statusCode!, headers: res.headers, body: text ? (JSON.parse(text) as DashboardResponse) : undefined });
          });
        })
        .on('error', reject);
    });

  beforeAll(async () => {
    service = await startTestService({}, { clock: () => now });
    await seedDemoData({ ...service, now });
    // Not on the team at all.
    await service.stores.teams.removeMember(DEMO_TENANT_ID, DEMO_TEAM.id, outsider.userId);
  });
  afterAll(() => service.stop());

  it('answers a held ETag 304 while nothing changed, the same answer gzipped when asked, and the new answer after a write', async () => {
    const first = await read(lead.userId);
    expect(first.status).toBe(200);
    expect(first.headers['cache-control']).toBe('private, no-cache');
    expect(first.headers.vary).toMatch(/Accept-Encoding/);
    const etag = first.headers.etag!;
    const again = await read(lead.userId, { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.body).toBeUndefined();
    const zipped = await read(lead.userId, { 'accept-encoding': 'gzip' });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.etag).toBe(etag);
    expect(zipped.body).toEqual(first.body);
    expect(first.body!.members.find((m) => m.userId === member.userId)?.paused).toBe(false);

    await service.services.people.updateSettings({ tenantId: DEMO_TENANT_ID, userId: member.userId }, { paused: true });
    const afterWrite = await read(lead.userId, { 'if-none-match': etag, 'accept-encoding': 'gzip' });
    expect(afterWrite.status).toBe(200);
    expect(afterWrite.headers.etag).not.toBe(etag);
    expect(afterWrite.body!.members.find((m) => m.userId === member.userId)?.paused).toBe(true);
    await service.services.people.updateSettings({ tenantId: DEMO_TENANT_ID, userId: member.userId }, { paused: false });
  });

  it('never answers another caller from a lead’s bytes or ETag: a member gets their own row, someone off the team 403, a demoted lead a member’s view', async () => {
    const leads = await read(lead.userId, { 'accept-encoding': 'gzip' });
    const etag = leads.headers.etag!;
    expect(leads.body!.members.length).toBeGreaterThan(1);

    const members = await read(member.userId, { 'if-none-match': etag, 'accept-encoding': 'gzip' });
    expect(members.status).toBe(200);
    expect(members.body!.role).toBe('member');
    expect(members.body!.members.map((m) => m.userId)).toEqual([member.userId]);
    const refused = await read(outsider.userId, { 'if-none-match': etag, 'accept-encoding': 'gzip' });
    expect(refused.status).toBe(403);
    expect(JSON.stringify(refused.body)).not.toContain(member.displayName);

    // Still the lead's ETag while nothing changed; once no longer a lead, a member's view, whatever is held.
    expect((await read(lead.userId, { 'if-none-match': etag })).status).toBe(304);
    await service.stores.teams.setRole(DEMO_TENANT_ID, DEMO_TEAM.id, lead.userId, 'member');
    const demoted = await read(lead.userId, { 'if-none-match': etag, 'accept-encoding': 'gzip' });
    expect(demoted.status).toBe(200);
    expect(demoted.body!.role).toBe('member');
    expect(demoted.body!.members.map((m) => m.userId)).toEqual([lead.userId]);
  });
});
