import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PEOPLE, DEMO_TEAM, DEMO_TENANT_ID } from '../../bot/demo/demo-team.js';
import { seedDemoData } from '../../bot/demo/seed-demo-data.js';
import { MY_ENTRIES_CSV_COLUMNS } from '../../bot/domain/my-data-csv.js';
import { MY_DATA_FORMAT, type MyDataExport } from '../../bot/domain/my-data.js';
import { NUDGE_REPLY_VERB } from '../../bot/cards/nudge-cards.js';
import { cardActionActivity, messageActivity } from '../../bot/testing/activities.js';
import { startFakeConnector } from '../../bot/testing/fake-connector.js';
import { asDemoPerson, postActivity } from '../../bot/testing/requests.js';
import { startTestService, type RunningTestService } from '../../bot/testing/test-service.js';

const [alex, megan, adele] = [DEMO_PEOPLE[0]!, DEMO_PEOPLE[1]!, DEMO_PEOPLE[2]!];
const team = `/teams/${encodeURIComponent(DEMO_TEAM.id)}`;
const inAYear = () => new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10);
const HOSTILE = '=HYPERLINK("https://evil.example","x")';

describe('exporting a learner’s own data (Azurite)', () => {
  let service: RunningTestService;
  let connector: Awaited<ReturnType<typeof startFakeConnector>>;
  const api = (userId: string, method: string, path: string, body?: unknown) =>
    fetch(`${service.baseUrl}/api/v1${path}`, {
      method,
      headers: asDemoPerson(userId),
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  beforeAll(async () => {
    connector = await startFakeConnector();
    service = await startTestService();
    await seedDemoData({ ...service, now: new Date() });
    await postActivity(
      service.baseUrl,
      messageActivity('help', {
        serviceUrl: connector.serviceUrl,
        from: { id: megan.teamsUserId, aadObjectId: megan.userId, name: megan.displayName },
      }),
    );
    // Something typed to break a spreadsheet, a goal each, and a nudge from her lead.
    const saved = await service.services.checkIns.submit(
      { tenantId: DEMO_TENANT_ID, userId: megan.userId },
      { cardId: 'export-entry-0001', what: HOSTILE, sourceType: 'article', minutes: '15', insight: 'one, "two"\nthree' },
    );
    expect(saved.status).toBe('saved');
    for (const [p, what] of [
      [megan, 'Run a usability test'],
      [adele, 'Facilitate a workshop'],
    ] as const) {
      expect((await api(p.userId, 'POST', '/me/goals', { what, targetDate: inAYear() })).status).toBe(201);
    }
    const nudged = await api(alex.userId, 'POST', `${team}/members/${encodeURIComponent(megan.userId)}/nudges`, {
      note: 'How is it going?',
    });
    expect(nudged.status).toBe(201);
    // She asks him for help, and he closes the follow-up with a note; he asks her to share her entry, and she passes on the bot's offer.
    const { nudge } = (await nudged.json()) as { nudge: { nudgeId: string } };
    await postActivity(
      service.baseUrl,
      cardActionActivity(
        NUDGE_REPLY_VERB,
        { teamId: DEMO_TEAM.id, nudgeId: nudge.nudgeId, answer: 'need-help' },
        { serviceUrl: connector.serviceUrl, from: { id: megan.teamsUserId, aadObjectId: megan.userId, name: megan.displayName } },
      ),
    );
    expect((await api(alex.userId, 'POST', `${team}/follow-ups/${nudge.nudgeId}/close`, { note: 'Booked a pairing session' })).status).toBe(
      200,
    );
    const entryPath = `${team}/members/${encodeURIComponent(megan.userId)}/entries/${encodeURIComponent(saved.status === 'saved' ? saved.entry.id : '')}`;
    expect((await api(alex.userId, 'POST', `${entryPath}/ask-to-share`)).status).toBe(202);
    const passed = await service.services.sharePrompts.answer(
      { tenantId: DEMO_TENANT_ID, userId: megan.userId },
      { entryId: saved.status === 'saved' ? saved.entry.id : '', answer: 'notNow', share: {} },
    );
    expect(passed).toEqual({ status: 'not-now', quietUntil: null });
  }, 60_000);
  afterAll(async () => {
    await service?.stop();
    await connector?.stop();
  });

  it('gives everything of hers as one JSON download, never cached, and nothing of anyone else’s', async () => {
    const res = await api(megan.userId, 'GET', '/me/export');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename=learning-loop-my-data.json');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const text = await res.text();
    const data = JSON.parse(text) as MyDataExport;

    expect(data.format).toBe(MY_DATA_FORMAT);
    expect(data.person).toMatchObject({
      tenantId: DEMO_TENANT_ID,
      userId: megan.userId,
      displayName: megan.displayName,
      timeZone: megan.timeZone,
      isAdmin: false,
    });
    expect(data.teams).toEqual([{ teamId: DEMO_TEAM.id, name: DEMO_TEAM.name, role: 'member' }]);
    const hers = await service.stores.entries.listAll(DEMO_TENANT_ID, megan.userId);
    expect(data.entries.map((e) => e.id)).toEqual(hers.map((e) => e.id));
    expect(data.entries.find((e) => e.what === HOSTILE)).toMatchObject({ minutes: 15 });
    expect(data.checkIns.length).toBeGreaterThan(0);
    expect(data.checkIns.every((c) => c.teamId === DEMO_TEAM.id)).toBe(true);
    expect(data.goals.map((g) => g.what)).toEqual(['Run a usability test']);
    const teamShares = await service.stores.shares.listTeamShares(DEMO_TENANT_ID, DEMO_TEAM.id);
    expect(data.shares.map((s) => s.shareId).sort()).toEqual(
      teamShares
        .filter((s) => s.sharerId === megan.userId)
        .map((s) => s.shareId)
        .sort(),
    );
    // Her marks are on others' shares only; what others gave hers shows only as counts.
    const others = new Set(teamShares.filter((s) => s.sharerId !== megan.userId).map((s) => s.shareId));
    expect(data.marks.length).toBeGreaterThan(0);
    expect(data.marks.every((m) => others.has(m.shareId))).toBe(true);
    expect(data.saved).toEqual(await service.stores.shares.listSaved(DEMO_TENANT_ID, megan.userId));
    expect(data.nudges).toEqual([
      expect.objectContaining({
        from: alex.displayName,
        note: 'How is it going?',
        reply: expect.objectContaining({ answer: 'need-help' }),
      }),
    ]);
    expect(data.followUps).toEqual([
      expect.objectContaining({
        teamId: DEMO_TEAM.id,
        answer: 'need-help',
        lead: alex.displayName,
        closed: expect.objectContaining({ by: alex.displayName, note: 'Booked a pairing session' }),
      }),
    ]);
    // The demo's earlier requests to her, and Alex's now: each about an entry of hers.
    expect(data.shareAsks).toContainEqual(
      expect.objectContaining({
        teamId: DEMO_TEAM.id,
        entryId: hers.find((e) => e.what === HOSTILE)!.id,
        from: alex.displayName,
        answer: null,
      }),
    );
    expect(data.shareAsks.map((a) => a.entryId).sort()).toEqual(
      (await service.stores.shareAsks.listForMember(DEMO_TENANT_ID, megan.userId)).map((a) => a.entryId).sort(),
    );
    expect(data.shareAsks.every((a) => hers.some((e) => e.id === a.entryId))).toBe(true);
    expect(data.person.sharePrompts).toEqual({ notNowInARow: 1, quietUntil: null });

    // No one else's id anywhere, nor their goals or entries.
    for (const other of DEMO_PEOPLE.filter((p) => p !== megan)) expect(text).not.toContain(other.userId);
    expect(text).not.toContain('Facilitate a workshop');
    const othersEntries = (
      await Promise.all(DEMO_PEOPLE.filter((p) => p !== megan).map((p) => service.stores.entries.listAll(DEMO_TENANT_ID, p.userId)))
    ).flat();
    // Others' entries appear only as the ids of shares she marked (a share's id is its entry's).
    const marked = new Set([...data.marks, ...data.saved].map((m) => m.shareId));
    expect(othersEntries.filter((e) => text.includes(e.id)).every((e) => marked.has(e.id))).toBe(true);
  });

  it('gives someone else only theirs', async () => {
    const data = (await (await api(adele.userId, 'GET', '/me/export')).json()) as MyDataExport;
    expect(data.person.userId).toBe(adele.userId);
    expect(data.goals.map((g) => g.what)).toEqual(['Facilitate a workshop']);
    expect(data.nudges).toEqual([]);
    // Her follow-ups and requests are not Adele's, and Adele's own are all about her entries.
    expect(data.followUps).toEqual([]);
    const adeles = new Set((await service.stores.entries.listAll(DEMO_TENANT_ID, adele.userId)).map((e) => e.id));
    expect(data.shareAsks.every((a) => adeles.has(a.entryId))).toBe(true);
    expect(JSON.stringify(data)).not.toContain(megan.userId);
  });

  it('gives her entries as CSV, one row each, that no spreadsheet will run as a formula', async () => {
    const res = await api(megan.userId, 'GET', '/me/export.csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename=learning-loop-my-entries.csv');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const csv = await res.text();
    expect(csv.startsWith(`${MY_ENTRIES_CSV_COLUMNS.join(',')}\r\n`)).toBe(true);
    const hers = await service.stores.entries.listAll(DEMO_TENANT_ID, megan.userId);
    // Rows end in CRLF; a line break typed inside a cell is a bare LF, quoted.
    const rows = csv.trimEnd().split('\r\n').slice(1);
    expect(rows.map((r) => r.split(',')[0])).toEqual(hers.map((e) => e.id));
    expect(csv).toContain(`export-entry-0001,`);
    expect(csv).toContain(`"'=HYPERLINK(""https://evil.example"",""x"")"`);
    expect(csv).toContain('"one, ""two""\nthree"');
    expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
  });
});
