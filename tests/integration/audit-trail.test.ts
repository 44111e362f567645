import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEventView, AuditKind } from '../../bot/contract/audit.js';
import { AUDIT_CSV_COLUMNS } from '../../bot/domain/audit-trail.js';
import { DEMO_PEOPLE, DEMO_TEAM, DEMO_TENANT_ID, type DemoPerson } from '../../bot/demo/demo-team.js';
import { DEMO_SHARES_CHANNEL } from '../../bot/demo/seed-demo-shares.js';
import { seedDemoData } from '../../bot/demo/seed-demo-data.js';
import type { AuditRecord } from '../../bot/store/audit-store.js';
import { tableClients, type TableClients } from '../../bot/store/table-clients.js';
import { startTestService, type RunningTestService } from '../../bot/testing/test-service.js';
import { tracesOf } from '../support/person-traces.js';
import { fieldsOf, problemOf } from '../support/problem.js';

const [alex, megan, adele, isaiah, patti] = [DEMO_PEOPLE[0]!, DEMO_PEOPLE[1]!, DEMO_PEOPLE[2]!, DEMO_PEOPLE[3]!, DEMO_PEOPLE[4]!];
const team = `/teams/${encodeURIComponent(DEMO_TEAM.id)}`;
const named = (p: DemoPerson) => ({ userId: p.userId, displayName: p.displayName });

type Page = { events: AuditEventView[]; nextCursor: string | null };

describe('the audit trail (Azurite, demo data, through the API)', () => {
  let service: RunningTestService;
  let tables: TableClients;
  const api = (who: DemoPerson, method: string, path: string, body?: unknown) =>
    fetch(`${service.baseUrl}/api/v1${path}`, {
      method,
      headers: {
        'x-local-tenant-id': DEMO_TENANT_ID,
        'x-local-user-id': who.userId,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const ok = async (res: Response | Promise<Response>) => {
    const r = await res;
    if (r.status >= 300) throw new Error(`${r.status} ${await r.text()}`);
    return r;
  };
  /** The whole trail as stored, newest first. */
  const trail = async (): Promise<AuditRecord[]> => {
    const events: AuditRecord[] = [];
    for await (const e of service.stores.auditTrail.stream(DEMO_TENANT_ID, {})) events.push(e);
    return events;
  };
  /** The events an action left: the trail is newest first, so they are the ones in front of what was there before. */
  const recordedBy = async (action: () => Promise<unknown>): Promise<AuditRecord[]> => {
    const before = (await trail()).length;
    await action();
    const after = await trail();
    return after.slice(0, after.length - before);
  };
  /** Every page of the trail through the API, following the cursor to the end. */
  const allPages = async (who: DemoPerson, query: string) => {
    const events: AuditEventView[] = [];
    const sizes: number[] = [];
    let cursor: string | null = null;
    do {
      const res = await ok(api(who, 'GET', `/admin/audit?${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`));
      const page = (await res.json()) as Page;
      events.push(...page.events);
      sizes.push(page.events.length);
      cursor = page.nextCursor;
    } while (cursor);
    return { events, sizes };
  };

  beforeAll(async () => {
    // Patti is the L&D admin the deployment names.
    service = await startTestService({ ldAdmins: [{ tenantId: DEMO_TENANT_ID, userId: patti.userId }] });
    tables = tableClients(service.config.storage);
    await seedDemoData({ ...service, now: new Date() });
    // The organisation's figures, as the background job computes them, for the report's download.
    await service.orgFigures.runTenant(DEMO_TENANT_ID);
  }, 120_000);
  afterAll(() => service?.stop());

  describe('records each action that touches other people’s data once, naming who did it and to whom', () => {
    it('a lead reading a member’s entries', async () => {
      const events = await recordedBy(() => ok(api(alex, 'GET', `${team}/members/${encodeURIComponent(megan.userId)}/entries`)));
      expect(events).toEqual([
        {
          at: expect.any(String),
          kind: 'member_entries_viewed',
          actor: named(alex),
          subject: named(megan),
          teamId: DEMO_TEAM.id,
          detail: {},
        },
      ]);
    });

    it('nothing for a refused read: a member who is not a lead', async () => {
      const events = await recordedBy(async () =>
        expect((await api(adele, 'GET', `${team}/members/${encodeURIComponent(megan.userId)}/entries`)).status).toBe(403),
      );
      expect(events).toEqual([]);
    });

    it('a lead downloading a team export', async () => {
      const events = await recordedBy(async () => (await ok(api(alex, 'GET', `${team}/exports/goals.csv?weeks=4`))).text());
      expect(events).toEqual([
        {
          at: expect.any(String),
          kind: 'export_downloaded',
          actor: named(alex),
          teamId: DEMO_TEAM.id,
          detail: { export: 'goals', weeks: 4 },
        },
      ]);
    });

    it('an admin downloading the organisation’s report', async () => {
      const events = await recordedBy(async () => (await ok(api(patti, 'GET', '/admin/report.csv?weeks=4'))).text());
      expect(events).toEqual([
        { at: expect.any(String), kind: 'export_downloaded', actor: named(patti), detail: { export: 'report', weeks: 4 } },
      ]);
    });

    it('a lead making a member a lead and stepping them back', async () => {
      const role = (r: string) => ok(api(alex, 'PUT', `${team}/members/${encodeURIComponent(adele.userId)}/role`, { role: r }));
      const events = await recordedBy(async () => {
        await role('lead');
        await role('member');
      });
      expect(events.map((e) => [e.kind, e.actor.userId, e.subject?.userId, e.teamId])).toEqual([
        ['lead_removed', alex.userId, adele.userId, DEMO_TEAM.id],
        ['lead_granted', alex.userId, adele.userId, DEMO_TEAM.id],
      ]);
    });

    it('a lead changing the team’s schedule and shares channel', async () => {
      const schedule = {
        cadence: 'weekly',
        weekday: 4,
        localTime: '15:30',
        timeZone: 'Europe/Paris',
        reminderAfterHours: 24,
        sharesChannelId: DEMO_SHARES_CHANNEL,
      };
      const events = await recordedBy(() => ok(api(alex, 'PUT', `${team}/settings`, schedule)));
      expect(events).toEqual([
        {
          at: expect.any(String),
          kind: 'team_settings_changed',
          actor: named(alex),
          teamId: DEMO_TEAM.id,
          detail: expect.objectContaining({ localTime: '15:30', timeZone: 'Europe/Paris', sharesChannelId: DEMO_SHARES_CHANNEL }),
        },
      ]);
    });

    it('an admin naming another admin', async () => {
      const events = await recordedBy(() => ok(api(patti, 'PUT', `/admin/admins/${encodeURIComponent(isaiah.userId)}`)));
      expect(events).toEqual([
        { at: expect.any(String), kind: 'admin_granted', actor: named(patti), subject: { userId: isaiah.userId }, detail: {} },
      ]);
    });

    it('an admin saving and removing the LRS settings and sending the history: where to, never the key or secret', async () => {
      const settings = { endpoint: 'https://lrs.example.com/xapi', key: 'the-lrs-key', secret: 'the-lrs-secret' };
      const saved = await recordedBy(() => ok(api(patti, 'PUT', '/admin/lrs', settings)));
      const kept = await recordedBy(() => ok(api(patti, 'PUT', '/admin/lrs', { endpoint: settings.endpoint, key: settings.key })));
      const history = await recordedBy(() => ok(api(patti, 'POST', '/admin/lrs/backfill', {})));
      const removed = await recordedBy(() => ok(api(patti, 'DELETE', '/admin/lrs')));
      const change = (detail: object) => [{ at: expect.any(String), kind: 'lrs_settings_changed', actor: named(patti), detail }];
      expect(saved).toEqual(change({ change: 'saved', endpointHost: 'lrs.example.com', secretChanged: true }));
      expect(kept).toEqual(change({ change: 'saved', endpointHost: 'lrs.example.com', secretChanged: false }));
      expect(history).toEqual(change({ change: 'history_sent' }));
      expect(removed).toEqual(change({ change: 'removed' }));
      expect(await tracesOf({ audit: tables.audit } as TableClients, [settings.key, settings.secret])).toEqual([]);
    });
  });

  describe('read by L&D admins only, filtered and paged', () => {
    const seeded: { kind: AuditKind; actor: DemoPerson; subject?: DemoPerson }[] = [];

    beforeAll(async () => {
      // 120 more events: every third one Adele reading Isaiah's log, the rest Alex downloading exports.
      for (let i = 0; i < 120; i++) {
        const event =
          i % 3 === 0
            ? { kind: 'member_entries_viewed' as const, actor: adele, subject: isaiah }
            : { kind: 'export_downloaded' as const, actor: alex };
        seeded.push(event);
        await service.services.audit.record({
          tenantId: DEMO_TENANT_ID,
          kind: event.kind,
          actor: named(event.actor),
          ...(event.subject ? { subject: named(event.subject) } : {}),
          teamId: DEMO_TEAM.id,
          detail: { n: i },
        });
      }
    }, 60_000);

    it('pages the whole trail newest first, 50 at a time, with the team’s name', async () => {
      const stored = await trail();
      const first = (await (await ok(api(patti, 'GET', '/admin/audit'))).json()) as Page;
      expect(first.events).toHaveLength(50);
      expect(first.nextCursor).toEqual(expect.any(String));
      expect(first.events[0]).toMatchObject({ kind: 'export_downloaded', detail: { n: 119 }, teamName: DEMO_TEAM.name });
      const { events, sizes } = await allPages(patti, '');
      // The 120 above and the 11 the actions before them recorded.
      expect(stored).toHaveLength(131);
      expect(sizes).toEqual([50, 50, 31]);
      expect(events.map((e) => e.at)).toEqual(stored.map((e) => e.at));
      expect([...events.map((e) => e.at)].sort().reverse()).toEqual(events.map((e) => e.at));
    });

    it('filters by kind, and by a person by id or by name in any case, whether they acted or were acted on', async () => {
      const byKind = await allPages(patti, 'kind=member_entries_viewed');
      expect(new Set(byKind.events.map((e) => e.kind))).toEqual(new Set(['member_entries_viewed']));
      expect(byKind.events.filter((e) => e.actor.userId === adele.userId)).toHaveLength(40);

      const isaiahById = await allPages(patti, `person=${encodeURIComponent(isaiah.userId)}`);
      const isaiahByName = await allPages(patti, `person=${encodeURIComponent(`  ${isaiah.displayName.toUpperCase()} `)}`);
      // Read forty times, and named an admin once (by id only: the admin route knows no name).
      expect(isaiahById.events.filter((e) => e.subject?.userId === isaiah.userId)).toHaveLength(41);
      expect(isaiahById.events).toHaveLength(41);
      expect(isaiahByName.events).toHaveLength(40);
      expect(isaiahByName.events.every((e) => e.subject?.displayName === isaiah.displayName)).toBe(true);

      const both = await allPages(patti, `person=${encodeURIComponent(adele.userId)}&kind=export_downloaded`);
      expect(both.events).toEqual([]);
      const alexExports = await allPages(patti, `person=${encodeURIComponent(alex.displayName)}&kind=export_downloaded`);
      expect(alexExports.events).toHaveLength(80 + 1);
    });

    it('downloads the filtered trail as CSV', async () => {
      const res = await ok(api(patti, 'GET', `/admin/audit.csv?kind=member_entries_viewed&person=${encodeURIComponent(adele.userId)}`));
      expect(res.headers.get('content-type')).toContain('text/csv');
      expect(res.headers.get('content-disposition')).toMatch(/learning-loop-audit-trail-\d{4}-\d{2}-\d{2}\.csv/);
      const lines = (await res.text()).trimEnd().split('\r\n');
      expect(lines[0]).toBe(AUDIT_CSV_COLUMNS.join(','));
      expect(lines).toHaveLength(1 + 40);
      expect(lines[1]).toContain(`member_entries_viewed,${adele.userId},${adele.displayName},${isaiah.userId},${isaiah.displayName}`);
      expect(lines[1]).toMatch(/,n=117$/);
    });

    it('refuses anyone who is not an L&D admin, leads included', async () => {
      for (const who of [alex, megan]) {
        for (const path of ['/admin/audit', '/admin/audit.csv']) {
          const res = await api(who, 'GET', path);
          expect(res.status).toBe(403);
          expect((await problemOf(res)).code).toBe('forbidden');
        }
      }
    });

    it('refuses a bad query naming the field', async () => {
      for (const [query, field] of [
        ['kind=everything', 'kind'],
        [`person=${'x'.repeat(201)}`, 'person'],
        ['colour=red', 'colour'],
        ['cursor=not-a-cursor', 'cursor'],
      ] as const) {
        const res = await api(patti, 'GET', `/admin/audit?${query}`);
        expect(res.status, query).toBe(400);
        const problem = await problemOf(res);
        if (field !== 'cursor') expect(fieldsOf(problem)).toEqual([field]);
        else expect(problem.code).toBe('invalid_cursor');
      }
      expect((await api(patti, 'GET', '/admin/audit.csv?cursor=abc')).status).toBe(400);
      // Blank filters are no filters, as the tab sends them.
      expect((await api(patti, 'GET', '/admin/audit?person=&kind=&cursor=')).status).toBe(200);
    });

    it('has no way to change or delete an event, for an admin or anyone', async () => {
      const before = await trail();
      for (const method of ['PUT', 'PATCH', 'DELETE', 'POST'])
        for (const path of ['/admin/audit', '/admin/audit.csv', `/admin/audit/${encodeURIComponent(before[0]!.at)}`]) {
          const res = await api(patti, method, path, method === 'DELETE' ? undefined : { kind: 'data_erased' });
          expect([404, 405], `${method} ${path}`).toContain(res.status);
        }
      expect(await trail()).toEqual(before);
    });
  });

  it('writes one pseudonym over an erased person’s events, and records the erasure under it alone', async () => {
    const naming = (await trail()).filter((e) => e.actor.userId === megan.userId || e.subject?.userId === megan.userId);
    expect(naming.length).toBeGreaterThan(0);
    const erasure = await recordedBy(() => ok(api(megan, 'DELETE', '/me', { confirm: 'erase my data' })));
    expect(erasure).toEqual([
      {
        at: expect.any(String),
        kind: 'data_erased',
        actor: { userId: expect.stringMatching(/^erased-[0-9a-f]{8}$/), displayName: expect.stringMatching(/^Erased person [0-9a-f]{8}$/) },
        detail: { records: expect.any(Number) },
      },
    ]);
    const pseudonym = erasure[0]!.actor;
    const after = await trail();
    // The same events, in the same order, with her replaced by the pseudonym.
    const rewritten = after.slice(1).filter((e) => e.actor.userId === pseudonym.userId || e.subject?.userId === pseudonym.userId);
    expect(rewritten).toEqual(
      naming.map((e) => ({
        ...e,
        ...(e.actor.userId === megan.userId ? { actor: pseudonym } : {}),
        ...(e.subject?.userId === megan.userId ? { subject: pseudonym } : {}),
      })),
    );
    expect(await tracesOf({ audit: tables.audit } as TableClients, [megan.userId, megan.teamsUserId, megan.displayName])).toEqual([]);
    const byHer = (await (await ok(api(patti, 'GET', `/admin/audit?person=${encodeURIComponent(megan.userId)}`))).json()) as Page;
    expect(byHer.events).toEqual([]);
  });
});
