import { checkInCardFormOf } from '../../bot/teams/check-in-form.js';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_LD_ADMIN, DEMO_PEOPLE, DEMO_TEAM, DEMO_TENANT_ID, type DemoPerson } from '../../bot/demo/demo-team.js';
import { seedDemoData } from '../../bot/demo/seed-demo-data.js';
import { tableClients, type TableClients } from '../../bot/store/table-clients.js';
import { snapshotTables, tableChanges } from '../../bot/testing/table-snapshot.js';
import { startTestService, type RunningTestService } from '../../bot/testing/test-service.js';
import { xapiProblems } from '../../bot/testing/xapi-validation.js';
import { startLrsStandIn, type LrsStandIn } from '../support/lrs-stand-in.js';
import type { ProblemDetails } from '../../bot/contract/api.js';

const [alex, megan, adele] = [DEMO_PEOPLE[0]!, DEMO_PEOPLE[1]!, DEMO_PEOPLE[2]!];
const admin = DEMO_LD_ADMIN;
const as = (p: DemoPerson) => ({ tenantId: DEMO_TENANT_ID, userId: p.userId });
const KEY = 'learning-loop';
const SECRET = 'a-secret-only-the-server-holds';
const team = `/teams/${encodeURIComponent(DEMO_TEAM.id)}`;
const inAYear = () => new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10);

describe('xAPI statements to a Learning Record Store (Azurite, a local LRS that fails every third request)', () => {
  let service: RunningTestService;
  let lrs: LrsStandIn;
  let tables: TableClients;

  const api = async (who: DemoPerson, method: string, path: string, body?: unknown) => {
    const res = await fetch(`${service.baseUrl}/api/v1${path}`, {
      method,
      headers: { 'content-type': 'application/json', 'x-local-tenant-id': DEMO_TENANT_ID, 'x-local-user-id': who.userId },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, text, json: () => JSON.parse(text) as Record<string, unknown> };
  };
  const status = async () =>
    (await api(admin, 'GET', '/admin/lrs/status')).json() as unknown as {
      configured: boolean;
      sent: number;
      pending: number;
      failed: number;
      latestFailure: { error: string; verb: string } | null;
    };
  /** Works the xAPI queue as the background job does, until nothing is pending (or time runs out). */
  const drain = async (until: (s: Awaited<ReturnType<typeof status>>) => boolean, timeoutMs = 60_000) => {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const s = await status();
      if (until(s)) return s;
      if (Date.now() > end) throw new Error(`still not there: ${JSON.stringify(s)}`);
      if ((await service.xapiSender.drainOnce()) === 0) await new Promise((r) => setTimeout(r, 250));
    }
  };

  beforeAll(async () => {
    lrs = await startLrsStandIn({ key: KEY, secret: SECRET, failEvery: 3 });
    service = await startTestService(
      { ldAdmins: [{ tenantId: DEMO_TENANT_ID, userId: admin.userId }] },
      { xapiSender: { batchSize: 10, maxAttempts: 6, retryBaseMs: 100 } },
    );
    tables = tableClients(service.config.storage);
    await seedDemoData({ ...service, now: new Date() });
  }, 120_000);
  afterAll(async () => {
    await service?.stop();
    await lrs?.stop();
  });

  it('lets only L&D admins see or change the settings', async () => {
    const before = await snapshotTables(tables);
    for (const who of [alex, megan]) {
      expect((await api(who, 'GET', '/admin/lrs')).status).toBe(403);
      expect((await api(who, 'PUT', '/admin/lrs', { endpoint: lrs.endpoint, key: KEY, secret: SECRET })).status).toBe(403);
      expect((await api(who, 'POST', '/admin/lrs/backfill')).status).toBe(403);
      expect((await api(who, 'GET', '/admin/lrs/status')).status).toBe(403);
    }
    expect(tableChanges(before, await snapshotTables(tables))).toEqual({ created: [], deleted: [], changed: [] });
  });

  it('refuses bad settings with the field named, and writes nothing', async () => {
    const before = await snapshotTables(tables);
    const cases: [unknown, string][] = [
      [{ endpoint: 'not a url', key: KEY, secret: SECRET }, 'endpoint'],
      [{ endpoint: 'ftp://lrs.example.com/xapi', key: KEY, secret: SECRET }, 'endpoint'],
      [{ endpoint: 'https://user:pw@lrs.example.com/xapi', key: KEY, secret: SECRET }, 'endpoint'],
      [{ endpoint: lrs.endpoint, secret: SECRET }, 'key'],
      [{ endpoint: lrs.endpoint, key: '', secret: SECRET }, 'key'],
      [{ endpoint: lrs.endpoint, key: 'a:b', secret: SECRET }, 'key'],
      // No secret stored yet: the first save must give one.
      [{ endpoint: lrs.endpoint, key: KEY }, 'secret'],
      [{ endpoint: lrs.endpoint, key: KEY, secret: SECRET, extra: 1 }, 'extra'],
    ];
    for (const [body, field] of cases) {
      const res = await api(admin, 'PUT', '/admin/lrs', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      const problem = res.json() as unknown as ProblemDetails;
      expect(problem.code).toBe('invalid_lrs_settings');
      expect(problem.errors.map((e) => e.field)).toEqual([field]);
    }
    expect(tableChanges(before, await snapshotTables(tables))).toEqual({ created: [], deleted: [], changed: [] });
  });

  it('saves the settings, and never answers the secret back', async () => {
    const put = await api(admin, 'PUT', '/admin/lrs', { endpoint: `${lrs.endpoint}/`, key: KEY, secret: SECRET });
    expect(put.status).toBe(200);
    const got = await api(admin, 'GET', '/admin/lrs');
    expect(got.json()).toEqual({
      settings: { configured: true, endpoint: lrs.endpoint, key: KEY, secretSet: true, updatedAt: expect.any(String) },
    });
    for (const text of [put.text, got.text, (await api(admin, 'GET', '/admin/lrs/status')).text]) expect(text).not.toContain(SECRET);
    // Saving again without a secret keeps the one stored.
    expect((await api(admin, 'PUT', '/admin/lrs', { endpoint: lrs.endpoint, key: KEY })).status).toBe(200);
    expect((await service.stores.lrs.get(DEMO_TENANT_ID))?.secret).toBe(SECRET);
  });

  it('records every entry, share, rating, completed goal and answered follow-up once in the LRS, and the history once too', async () => {
    // What people do from now on.
    const started = Date.now();
    const captured = await service.services.capture.capture(
      as(megan),
      checkInCardFormOf({
        cardId: randomUUID(),
        what: 'Inclusive design patterns',
        sourceType: 'video',
        link: 'https://www.youtube.com/watch?v=abc123&utm_source=newsletter',
        minutes: '25',
        rating: '5',
        insight: 'Design for the edges first',
        shareWithTeam: 'true',
        shareTeamId: DEMO_TEAM.id,
        shareParts: 'insight,link',
      }).command,
    );
    const captureMs = Date.now() - started;
    if (captured.status !== 'saved') throw new Error(`the check-in was not saved: ${JSON.stringify(captured)}`);
    await service.services.sharing.settled();
    expect((await api(adele, 'PUT', `${team}/shares/${captured.entry.id}/my-vote`, { rating: 4 })).status).toBe(200);
    const goal = (await api(megan, 'POST', '/me/goals', { what: 'Run a usability test', targetDate: inAYear() })).json() as {
      goal: { goalId: string };
    };
    await service.services.goals.record(as(megan), [{ goalId: goal.goal.goalId, state: 'done', note: 'Ran it with three people' }], null);
    const nudge = (
      await api(alex, 'POST', `${team}/members/${encodeURIComponent(megan.userId)}/nudges`, { note: 'How is it going?' })
    ).json() as { nudge: { nudgeId: string } };
    await service.services.nudges.reply(as(megan), DEMO_TEAM.id, nudge.nudge.nudgeId, 'need-help');
    const note = (await api(alex, 'POST', `${team}/shares/${captured.entry.id}/coaching`, { note: 'Show it at the retro?' })).json() as {
      note: { noteId: string };
    };
    await service.services.coaching.answer(as(megan), { noteId: note.note.noteId, answer: 'Yes, on Friday' });

    // …and everything before the LRS was set up, once.
    const first = await api(admin, 'POST', '/admin/lrs/backfill');
    expect(first.status).toBe(202);
    const second = await api(admin, 'POST', '/admin/lrs/backfill');
    expect(second.status).toBe(200);
    expect(second.json()).toMatchObject({ started: false });

    const done = await drain(
      (s) => s.pending === 0 && s.sent > 0 && Boolean((s as { backfill?: { status?: string } }).backfill?.status === 'done'),
    );
    const rows = await service.stores.xapiOutbox.listIds(DEMO_TENANT_ID);
    expect(done).toMatchObject({ configured: true, sent: rows.length, pending: 0, failed: 0, latestFailure: null });
    expect(rows.every((r) => r.status === 'sent')).toBe(true);

    // Each statement once: the LRS holds exactly the outbox's statements, each valid by the specification's rules.
    expect([...lrs.stored.keys()].sort()).toEqual(rows.map((r) => r.statementId).sort());
    for (const statement of lrs.stored.values()) expect(xapiProblems(statement)).toEqual([]);
    const verbs = new Set([...lrs.stored.values()].map((s) => (s as { verb: { id: string } }).verb.id.split('/').pop()));
    // The demo's history has results of actions (completed) and dropped ones (abandoned).
    expect([...verbs].sort()).toEqual(['abandoned', 'commented', 'completed', 'experienced', 'rated', 'shared']);

    // The LRS failed every third request, and every batch it refused came back later.
    const refused = lrs.requests.filter((r) => r.status === 503).length;
    const accepted = lrs.requests.filter((r) => r.status === 200);
    expect(refused).toBeGreaterThan(0);
    expect(Math.max(...accepted.map((r) => r.statements))).toBe(10);
    console.info(
      `xAPI: ${rows.length} statements in ${accepted.length} accepted POSTs (up to ${Math.max(...accepted.map((r) => r.statements))} each), ` +
        `${refused} refused with 503, ${lrs.duplicates} sent again after being stored; a check-in with a share took ${captureMs} ms`,
    );

    // A second backfill says it already ran.
    const again = await api(admin, 'POST', '/admin/lrs/backfill');
    expect(again.status).toBe(200);
    expect(again.json()).toMatchObject({ started: false, backfill: { status: 'done', written: expect.any(Number) } });
  }, 120_000);

  it('gives up on statements after repeated failures, shows why, and sends them once the settings are put right', async () => {
    // The LRS is healthy now: only the credentials are wrong.
    lrs.failEvery = 0;
    expect((await api(admin, 'PUT', '/admin/lrs', { endpoint: lrs.endpoint, key: KEY, secret: 'the-wrong-secret' })).status).toBe(200);
    const entry = await service.services.checkIns.submit(as(adele), {
      cardId: randomUUID(),
      what: 'Pairing on reviews',
      sourceType: 'mentoring',
      minutes: '30',
    });
    expect(entry.status).toBe('saved');
    const failed = await drain((s) => s.failed === 1 && s.pending === 0);
    expect(failed.latestFailure?.error).toContain('401');
    expect(failed.latestFailure?.verb).toMatch(/^(experienced|shared|rated|completed|commented)$/);

    expect((await api(admin, 'PUT', '/admin/lrs', { endpoint: lrs.endpoint, key: KEY, secret: SECRET })).status).toBe(200);
    const sent = await drain((s) => s.failed === 0 && s.pending === 0);
    expect(sent.latestFailure).toBeNull();
    expect(lrs.stored.size).toBe(sent.sent);
  }, 120_000);

  it('takes back what a learner deletes: voided in the LRS once it was sent, never sent while it still waited', async () => {
    const submit = async (what: string) => {
      const saved = await service.services.checkIns.submit(as(megan), { cardId: randomUUID(), what, sourceType: 'article', minutes: '10' });
      if (saved.status !== 'saved') throw new Error(`not saved: ${saved.status}`);
      return saved.entry;
    };
    const sentEntry = await submit('Sent, then deleted');
    await drain((s) => s.pending === 0);
    // Found by the entry's id: an entry only its leads may see leaves without its words.
    const original = [...lrs.stored.values()].find((st) => JSON.stringify(st).includes(sentEntry.id)) as { id: string } | undefined;
    expect(original).toBeDefined();
    expect((await api(megan, 'DELETE', `/me/entries/${sentEntry.id}`)).status).toBe(204);

    const waitingEntry = await submit('Deleted before it left');
    expect((await api(megan, 'DELETE', `/me/entries/${waitingEntry.id}`)).status).toBe(204);
    await drain((s) => s.pending === 0);

    const voiding = [...lrs.stored.values()].filter(
      (st) => (st as { verb: { id: string } }).verb.id === 'http://adlnet.gov/expapi/verbs/voided',
    );
    expect(voiding.map((st) => (st as { object: unknown }).object)).toEqual([{ objectType: 'StatementRef', id: original!.id }]);
    for (const st of voiding) expect(xapiProblems(st)).toEqual([]);
    expect(JSON.stringify([...lrs.stored.values()])).not.toContain(waitingEntry.id);
  }, 120_000);

  it('stops sending when the settings are removed; statements wait in the outbox', async () => {
    expect((await api(admin, 'DELETE', '/admin/lrs')).status).toBe(204);
    expect((await api(admin, 'GET', '/admin/lrs')).json()).toEqual({
      settings: { configured: false, endpoint: null, key: null, secretSet: false, updatedAt: null },
    });
    expect((await api(admin, 'DELETE', '/admin/lrs', { also: 1 })).status).toBe(400);
  });
});
