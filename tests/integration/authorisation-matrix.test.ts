import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TEAM, DEMO_TENANT_ID } from '../../bot/demo/demo-team.js';
import { cardActionActivity, inTeamChannel, installActivity } from '../../bot/testing/activities.js';
import { expectValidTeamsCard } from '../../bot/testing/card-validation.js';
import { startFakeConnector } from '../../bot/testing/fake-connector.js';
import {
  MARKER,
  OUTSIDERS,
  PEOPLE,
  PRINCIPALS,
  buildWorld,
  newEntryFor,
  type Person,
  type Principal,
  type World,
} from '../support/authorisation-world.js';
import { declaredApiRoutes, ROUTE_ROWS, type Expected, type RouteRow } from '../support/route-matrix.js';
import { VERB_ROWS, type VerbRow } from '../support/verb-matrix.js';

/**
 * The security issue's authorisation matrix: every API route and every card verb, called by
 * nobody, by someone from another organisation, by the lead of another team, by a plain member,
 * by the learner whose record it touches, by the team's lead and by an L&D admin. Each row's
 * cells must match exactly; a refused write must leave every table as it was; and nothing an
 * outsider is answered may carry the demo team or the learner's private records.
 */
describe('authorisation matrix (Azurite, local Bot Connector)', () => {
  let w: World;

  beforeAll(async () => {
    w = await buildWorld();
  }, 60_000);
  afterAll(() => w?.stop());

  const label = (row: { variant?: string | undefined }) => (row.variant ? ` (${row.variant})` : '');

  describe(`${ROUTE_ROWS.length} API rows × ${PRINCIPALS.length} callers`, () => {
    it('has a row for every route the API router declares, and none for a route it lacks', () => {
      const declared = declaredApiRoutes();
      expect(declared.length).toBeGreaterThan(30);
      expect([...new Set(ROUTE_ROWS.map((r) => `${r.method} ${r.route}`))].sort()).toEqual([...new Set(declared)].sort());
    });

    for (const row of ROUTE_ROWS) {
      it(`${row.method} ${row.route}${label(row)}`, async () => {
        const seen = {} as Expected;
        const problems: string[] = [];
        for (const who of PRINCIPALS) {
          await row.prepare?.(w);
          const watch = row.method !== 'GET' && row.expect[who] >= 400;
          const before = watch ? await w.snapshot() : undefined;
          const res = await w.api(who, row.method, row.path(w), row.body?.(w));
          seen[who] = res.status;
          problems.push(
            ...leaks(who, res.text, row.outsidersMaySee),
            ...(before ? await writesSince(before) : []).map((k) => `${who} changed ${k}`),
          );
          if (res.status < 300) {
            await row.check?.(w, who, res.text);
            await row.restore?.(w);
          }
        }
        expect({ statuses: seen, problems }).toEqual({ statuses: row.expect, problems: [] });
      });
    }
  });

  describe(`${VERB_ROWS.length} card verb rows × ${PRINCIPALS.length} callers`, () => {
    it('has a row for every Action.Execute verb the cards declare', () => {
      const dir = new URL('../../bot/cards/', import.meta.url);
      const declared = readdirSync(dir)
        .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
        .flatMap((f) => [...readFileSync(new URL(f, dir), 'utf8').matchAll(/export const \w+_VERB = '([^']+)'/g)].map((m) => m[1]!));
      expect(declared.length).toBeGreaterThan(10);
      expect([...new Set(VERB_ROWS.map((r) => r.verb))].sort()).toEqual([...new Set(declared)].sort());
    });

    for (const row of VERB_ROWS) {
      it(`${row.verb}${label(row)}`, async () => {
        const seen = {} as Record<Principal, string>;
        const problems: string[] = [];
        for (const who of PRINCIPALS) {
          await row.prepare?.(w);
          const before = row.expect[who] !== 'ok' ? await w.snapshot() : undefined;
          const res = await w.invoke(who, row.verb, row.data(w, who), row.inTeam);
          const { outcome, text } = judge(row, res);
          seen[who] = outcome;
          problems.push(...leaks(who, text, [], true), ...(before ? await writesSince(before) : []).map((k) => `${who} changed ${k}`));
        }
        expect({ outcomes: seen, problems }).toEqual({ outcomes: row.expect, problems: [] });
      });
    }
  });

  describe('leads of a team see nothing from before the learner joined it, and only an owner becomes a first lead', () => {
    const account = (p: Person, userRole: string) => ({ id: p.teamsUserId, aadObjectId: p.userId, name: p.displayName, userRole });
    const enc = encodeURIComponent;

    it('refuses the lead of a team created after the entry the entry (entries API and goals.csv, entries.csv)', async () => {
      const { learner, otherTeamLead } = PEOPLE;
      const goal = await w.service.services.goals.add(learner, { what: `${MARKER} goal before the team`, targetDate: '2027-06-30' });
      expect(goal.status).toBe('saved');
      // Olga owns a new team and adds Megan: she becomes its lead, after Megan wrote the entry and set the goal.
      const later = { id: '19:made-after-the-entry@thread.tacv2', name: 'Made Later' };
      await w.service.services.teams.installed({
        tenantId: DEMO_TENANT_ID,
        teamId: later.id,
        name: later.name,
        installer: { ...otherTeamLead, owner: true },
        roster: [
          { ...otherTeamLead, owner: true },
          { ...learner, owner: false },
        ],
      });
      const written = await newEntryFor(w.service, learner);

      const entries = await w.api('otherTeamLead', 'GET', `/teams/${enc(later.id)}/members/${enc(learner.userId)}/entries`);
      expect(entries.status).toBe(200);
      const ids = (JSON.parse(entries.text) as { entries: { id: string }[] }).entries.map((e) => e.id);
      // Written since: seen. Written before (the world's entry): not.
      expect(ids).toEqual([written]);
      expect(ids).not.toContain(w.ids.meganEntry);
      const goals = await w.api('otherTeamLead', 'GET', `/teams/${enc(later.id)}/exports/goals.csv?weeks=52`);
      expect(goals.status).toBe(200);
      expect(goals.text).not.toContain(MARKER);
      const csv = await w.api('otherTeamLead', 'GET', `/teams/${enc(later.id)}/exports/entries.csv?weeks=52`);
      expect(csv.text.split('\r\n').filter((line) => line.includes(MARKER))).toHaveLength(1);
      expect(csv.text).not.toContain(w.ids.meganEntry);
      // Megan's own team's lead, there since before, still reads them.
      const own = await w.api('lead', 'GET', `/teams/${enc(DEMO_TEAM.id)}/members/${enc(learner.userId)}/entries?limit=100`);
      expect(own.text).toContain(w.ids.meganEntry);
    });

    it('does not make an installer who does not own the team its lead (refused on the member entries API and on setup)', async () => {
      const { learner: megan, lead: alex } = PEOPLE;
      const team = { id: '19:installed-by-a-member@thread.tacv2', name: 'Installed By A Member' };
      const connector = await startFakeConnector({
        [team.id]: { members: [account(megan, 'user'), account(alex, 'owner')], channels: [{ id: team.id }] },
      });
      try {
        const activity = (verb?: string) => {
          const base = { serviceUrl: connector.serviceUrl, tenantId: DEMO_TENANT_ID, from: account(megan, 'user') };
          return inTeamChannel(verb ? cardActionActivity(verb, {}, base) : installActivity(base), team);
        };
        const post = (body: unknown) =>
          fetch(`${w.service.baseUrl}/api/messages`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(body),
          });
        expect((await post(activity())).status).toBeLessThan(300);
        expect((await w.service.stores.teams.getMember(DEMO_TENANT_ID, team.id, megan.userId))?.role).toBe('member');

        const view = await w.api('learner', 'GET', `/teams/${enc(team.id)}/members/${enc(alex.userId)}/entries`);
        expect(view.status).toBe(403);
        const setup = (await (await post(activity('team.setup.open'))).json()) as { value?: unknown };
        expect(expectValidTeamsCard(setup.value).renderedText).toContain('an owner of the team must set it up first');
        const submit = await w.api('learner', 'PUT', `/teams/${enc(team.id)}/settings`, {
          cadence: 'weekly',
          weekday: 5,
          localTime: '16:00',
          timeZone: 'Europe/London',
          reminderAfterHours: 24,
          sharesChannelId: team.id,
        });
        expect(submit.status).toBe(403);
        expect((await w.service.stores.teams.getSettings(DEMO_TENANT_ID, team.id))?.schedule).toBeNull();
      } finally {
        await connector.stop();
      }
    });
  });

  /** What an answer must not hold: the learner's private words for all but them and their lead, the demo team for outsiders. */
  function leaks(who: Principal, text: string, maySee: readonly Principal[] = [], card = false): string[] {
    const secrets = who === 'learner' || who === 'lead' ? [] : [MARKER];
    // A card may echo a team id the caller typed; the team's name only the service knows.
    if (OUTSIDERS.includes(who) && !maySee.includes(who))
      secrets.push(DEMO_TEAM.name, ...(card ? [] : [DEMO_TEAM.id, PEOPLE.learner.userId]));
    return secrets.filter((s) => text.includes(s)).map((s) => `${who} was shown ${s}`);
  }

  async function writesSince(before: Map<string, string>): Promise<string[]> {
    const after = await w.snapshot();
    const keys = new Set([...before.keys(), ...after.keys()]);
    return [...keys].filter((k) => before.get(k) !== after.get(k));
  }
});

/** What the person who pressed sees: the card's text, and whether it did what they asked. */
function judge(row: VerbRow, res: { status: number; card: unknown }): { outcome: string; text: string } {
  if (res.status !== 200) return { outcome: `HTTP ${res.status}`, text: '' };
  if (!res.card) return { outcome: 'no card', text: '' };
  const text = expectValidTeamsCard(res.card).renderedText;
  // The error card: a refusal, unless it says our side failed (see `outage`).
  if (text.includes('Something went wrong')) return { outcome: /didn’t work just now/.test(text) ? 'outage' : 'refused', text };
  if (row.refused?.test(text)) return { outcome: 'refused', text };
  if (row.ok.test(text)) return { outcome: 'ok', text };
  return { outcome: `unexpected: ${text.slice(0, 160)}`, text };
}

/**
 * A team id nobody has seen, on every route that names a team: each signed-in caller of the
 * tenant is refused (403 or 404), never answered and never failed, and nothing is written. The
 * routes come from the routers themselves, so a new team route is covered the day it is declared.
 */
describe('random team ids on every team route (Azurite)', () => {
  let w: World;

  beforeAll(async () => {
    w = await buildWorld();
  }, 60_000);
  afterAll(() => w?.stop());

  const signedIn = PRINCIPALS.filter((p) => p !== 'none' && p !== 'otherTenant');
  const teamRoutes = [...new Set(declaredApiRoutes())].filter((r) => r.includes(':teamId')).sort();

  it('finds the team routes in the routers', () => {
    expect(teamRoutes.filter((r) => r.includes(' /teams/:teamId/')).length).toBeGreaterThan(15);
  });

  for (const declared of teamRoutes) {
    it(`${declared} with a team id never seen`, async () => {
      const [method, route] = declared.split(' ') as [RouteRow['method'], string];
      const row = ROUTE_ROWS.find((r) => r.method === method && r.route === route);
      // What the route needs to answer at all (the organisation's figures for the report's routes).
      await row?.prepare?.(w);
      const seen: Record<string, number> = {};
      const problems: string[] = [];
      for (const who of signedIn) {
        const randomTeam = `19:${randomUUID()}@thread.tacv2`;
        const path = route.replace(/:(\w+)/g, (_m, name: string) => encodeURIComponent(pathValue(w, name, randomTeam)));
        const before = await w.snapshot();
        const res = await w.api(who, method, path, row?.body?.(w) ?? (method === 'GET' || method === 'DELETE' ? undefined : {}));
        seen[who] = res.status;
        if (res.status !== 403 && res.status !== 404) problems.push(`${who} got ${res.status}: ${res.text.slice(0, 160)}`);
        if (res.text.includes(randomTeam)) problems.push(`${who} was answered with the team id`);
        const after = await w.snapshot();
        for (const key of new Set([...before.keys(), ...after.keys()]))
          if (before.get(key) !== after.get(key)) problems.push(`${who} changed ${key}`);
      }
      expect(problems, JSON.stringify(seen)).toEqual([]);
    });
  }

  it('answers an unsave from someone outside the team with nothing of the share', async () => {
    const { share } = (await w.service.stores.shares.get(DEMO_TENANT_ID, DEMO_TEAM.id, w.ids.meganShare))!;
    for (const who of ['otherTeamLead', 'admin'] as const) {
      const res = await w.api(who, 'PUT', `/teams/${encodeURIComponent(DEMO_TEAM.id)}/shares/${w.ids.meganShare}/my-vote`, {
        saved: false,
      });
      expect(res.status).toBe(200);
      expect(JSON.parse(res.text)).toEqual({ shareId: w.ids.meganShare, mine: { helpful: false, saved: false, rating: null } });
      for (const secret of [share.what, share.sharerName, share.link, share.insight, share.action, DEMO_TEAM.name].filter(Boolean))
        expect(res.text).not.toContain(secret);
    }
    // In a team never seen, an unsave finds no share at all.
    const unseen = encodeURIComponent(`19:${randomUUID()}@thread.tacv2`);
    const res = await w.api('otherTeamLead', 'PUT', `/teams/${unseen}/shares/${w.ids.meganShare}/my-vote`, { saved: false });
    expect(res.status).toBe(404);
  });
});

/** A value for each path parameter: the unseen team, and real ids for the rest (so only the team is wrong). */
function pathValue(w: World, name: string, team: string): string {
  switch (name) {
    case 'teamId':
      return team;
    case 'userId':
      return PEOPLE.learner.userId;
    case 'shareId':
      return w.ids.meganShare;
    case 'recId':
      return w.ids.teamWideRec;
    case 'file':
      return 'goals.csv';
    default:
      return 'x';
  }
}
