import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PEOPLE, DEMO_TEAM, DEMO_TENANT_ID } from '../../bot/demo/demo-team.js';
import { seedDemoData } from '../../bot/demo/seed-demo-data.js';
import { visibleToLeads } from '../../bot/domain/entry-visibility.js';
import { TEAM_EXPORT_COLUMNS } from '../../bot/domain/team-export-csv.js';
import { asDemoPerson } from '../../bot/testing/requests.js';
import { startTestService, type RunningTestService } from '../../bot/testing/test-service.js';

const [alex, megan] = [DEMO_PEOPLE[0]!, DEMO_PEOPLE[1]!];
const team = `/teams/${encodeURIComponent(DEMO_TEAM.id)}`;
const inAYear = () => new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10);
const HOSTILE = '=HYPERLINK("https://evil.example","x"), "quoted"\nsecond line';

describe('a lead’s CSV exports of their team (Azurite)', () => {
  let service: RunningTestService;
  const api = (userId: string, path: string, init: RequestInit = {}) =>
    fetch(`${service.baseUrl}/api/v1${path}`, { ...init, headers: asDemoPerson(userId) });
  const download = async (path: string) => {
    const res = await api(alex.userId, path);
    expect(res.status).toBe(200);
    return { res, rows: parse(await res.text(), { columns: true }) as Record<string, string>[] };
  };

  beforeAll(async () => {
    service = await startTestService();
    await seedDemoData({ ...service, now: new Date() });
    const me = { tenantId: DEMO_TENANT_ID, userId: megan.userId };
    for (const [visibility, what] of [
      ['private', 'PRIVATE-ONLY-ME'],
      ['leads', HOSTILE],
      ['team', 'Shared talk'],
    ] as const) {
      const saved = await service.services.checkIns.submit(me, {
        cardId: `export-${visibility}-0001`,
        what,
        sourceType: 'article',
        minutes: '15',
        visibility,
      });
      expect(saved.status).toBe('saved');
    }
    expect(
      (
        await api(megan.userId, '/me/goals', {
          method: 'POST',
          body: JSON.stringify({ what: 'Run a usability test', targetDate: inAYear() }),
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await api(alex.userId, `${team}/members/${encodeURIComponent(megan.userId)}/nudges`, {
          method: 'POST',
          body: JSON.stringify({ note: 'How is it going?' }),
        })
      ).status,
    ).toBe(201);
  }, 60_000);
  afterAll(() => service?.stop());

  it('streams the entries members let leads see, exactly, and never a private one', async () => {
    const { res, rows } = await download(`${team}/exports/entries.csv?weeks=52`);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="?learning-loop-[a-z0-9-]+-entries-52-weeks\.csv"?$/);
    // Sent as it is read: chunked, with no length known up front.
    expect(res.headers.get('transfer-encoding')).toBe('chunked');
    expect(res.headers.get('content-length')).toBeNull();
    expect(Object.keys(rows[0]!)).toEqual([...TEAM_EXPORT_COLUMNS.entries]);

    const expected: string[] = [];
    for (const m of await service.stores.teams.listMembers(DEMO_TENANT_ID, DEMO_TEAM.id)) {
      for (const e of await service.stores.entries.listAll(DEMO_TENANT_ID, m.userId))
        if (visibleToLeads(e.visibility)) expected.push(`${m.userId} ${e.createdAt} ${e.what}`);
    }
    const unquote = (what: string) => (what.startsWith("'=") ? what.slice(1) : what);
    expect(rows.map((r) => `${r.member_id} ${r.created_at} ${unquote(r.what!)}`).sort()).toEqual(expected.sort());
    expect(rows.some((r) => r.what!.includes('PRIVATE-ONLY-ME'))).toBe(false);
    expect(rows.find((r) => r.what!.includes('HYPERLINK'))?.what).toBe(`'${HOSTILE}`);
  });

  it('gives participation week by week that adds up to each member’s entries, goals without notes, and follow-ups', async () => {
    const { rows } = await download(`${team}/exports/participation.csv?weeks=12`);
    const members = await service.stores.teams.listMembers(DEMO_TENANT_ID, DEMO_TEAM.id);
    expect(rows).toHaveLength(members.length * 12);
    const meganEntries = rows.filter((r) => r.member_id === megan.userId).reduce((sum, r) => sum + Number(r.entries), 0);
    const since = Date.parse(rows[0]!.week_start!);
    const held = (await service.stores.entries.listAll(DEMO_TENANT_ID, megan.userId)).filter(
      (e) => Date.parse(e.createdAt) >= since - 86_400_000,
    );
    // Counts include private entries (a number says nothing of what they were); week bounds are the team's zone.
    expect(meganEntries).toBeGreaterThanOrEqual(3);
    expect(meganEntries).toBeLessThanOrEqual(held.length);

    const goals = (await download(`${team}/exports/goals.csv`)).rows;
    expect(goals.find((g) => g.member_id === megan.userId && g.goal === 'Run a usability test')).toMatchObject({
      status: 'open',
      reports: '0',
    });

    const followUps = (await download(`${team}/exports/follow-ups.csv?weeks=4`)).rows;
    expect(followUps.find((f) => f.member_id === megan.userId)).toMatchObject({ lead_id: alex.userId, note: 'How is it going?' });
  });

  it('refuses members and bad requests with a clear 4xx before sending any of the file', async () => {
    const member = await api(megan.userId, `${team}/exports/entries.csv`);
    expect(member.status).toBe(403);
    expect(member.headers.get('content-type')).toMatch(/json/);
    const badFile = await api(alex.userId, `${team}/exports/everything.csv`);
    expect(badFile.status).toBe(400);
    expect(JSON.stringify(await badFile.json())).toContain('entries.csv, participation.csv, goals.csv, follow-ups.csv');
    const badWeeks = await api(alex.userId, `${team}/exports/entries.csv?weeks=5`);
    expect(badWeeks.status).toBe(400);
    expect(JSON.stringify(await badWeeks.json())).toContain('must be one of 4, 12, 26, 52');
  });
});
