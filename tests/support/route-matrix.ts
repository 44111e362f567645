import { expect } from 'vitest';
import { DEMO_TEAM, DEMO_TENANT_ID } from '../../bot/demo/demo-team.js';
import { DEMO_SHARES_CHANNEL } from '../../bot/demo/seed-demo-shares.js';
import { DEMO_LD_SETTINGS } from '../../bot/demo/seed-demo-ld-settings.js';
import { apiRouter, type ApiDeps } from '../../bot/http/api-router.js';
import { MARKER, OTHER_TENANT_ID, PEOPLE, newEntryFor, type Principal, type World } from './authorisation-world.js';

export type Expected = Record<Principal, number>;

type Layer = { route?: { path: string; methods: Record<string, boolean> }; handle?: { stack?: Layer[] } };

/**
 * Every `METHOD /path` the API declares. Each resource's router is mounted without a prefix and
 * declares its full paths. Only the handlers' closures use the deps: a router built on nothing
 * lists the same routes.
 */
export function declaredApiRoutes(): string[] {
  const router = apiRouter({ identity: { kind: 'local', displayNameOf: async () => undefined }, localTenantIds: [] } as unknown as ApiDeps);
  const routesOf = (layers: readonly Layer[]): string[] =>
    layers.flatMap((l) => {
      if (l.route) return Object.keys(l.route.methods).map((m) => `${m.toUpperCase()} ${l.route!.path}`);
      return l.handle?.stack ? routesOf(l.handle.stack) : [];
    });
  return routesOf((router as unknown as { stack: Layer[] }).stack);
}

/** One API route (or one case of it) and the status each kind of caller must get. */
export interface RouteRow {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Exactly as declared by its resource's router (bot/http/*-routes.ts); the guard test matches rows to the routers on it. */
  route: string;
  /** Tells apart two rows for one route. */
  variant?: string;
  path(w: World): string;
  body?(w: World): unknown;
  /** Runs before every cell, so no cell depends on what an earlier one used up or changed. */
  prepare?(w: World): Promise<void>;
  /** Runs after an allowed cell that changed something later cells rely on. */
  restore?(w: World): Promise<void>;
  expect: Expected;
  /** Outsiders these answers may legitimately show the demo team to. */
  outsidersMaySee?: readonly Principal[];
  /** More to check of an allowed answer. */
  check?(w: World, who: Principal, text: string): Promise<void>;
}

type Callers = Omit<Expected, 'none'>;
const cells = (callers: Callers, none = 401): Expected => ({ none, ...callers });
/** Reads and writes of the caller's own records: everyone signed in, each for themself. */
const everyone = (ok: number) => cells({ otherTenant: ok, otherTeamLead: ok, member: ok, learner: ok, lead: ok, admin: ok });
/** The team's members, whatever their role; nobody else. */
const teamMembers = (ok: number) => cells({ otherTenant: 403, otherTeamLead: 403, member: ok, learner: ok, lead: ok, admin: 403 });
const teamLeads = (ok: number) => cells({ otherTenant: 403, otherTeamLead: 403, member: 403, learner: 403, lead: ok, admin: 403 });
/** A 1:1 list: its lead and its member; another lead of the team (none here), a plain member and outsiders are refused. */
const thePair = (ok: number) => cells({ otherTenant: 403, otherTeamLead: 403, member: 403, learner: ok, lead: ok, admin: 403 });
/** One of the learner's own records: to anyone else it does not exist. */
const learnerOnly = (ok: number) => cells({ otherTenant: 404, otherTeamLead: 404, member: 404, learner: ok, lead: 404, admin: 404 });
/**
 * L&D admins. The other tenant's caller is their own organisation's admin: they get their
 * organisation's answer, and the leak check shows it holds nothing of ours.
 */
const ldAdmins = (ok: number) => cells({ otherTenant: ok, otherTeamLead: 403, member: 403, learner: 403, lead: 403, admin: ok });

const team = `/teams/${encodeURIComponent(DEMO_TEAM.id)}`;
const learner = encodeURIComponent(PEOPLE.learner.userId);
const schedule = {
  cadence: 'weekly',
  weekday: 5,
  localTime: '16:00',
  timeZone: 'Europe/London',
  reminderAfterHours: 24,
  sharesChannelId: DEMO_SHARES_CHANNEL,
};
const NEW_ADMIN = 'a1000000-0000-4000-8000-0000000000ff';
const REMOVED_ADMIN = 'a1000000-0000-4000-8000-0000000000fe';
const LRS = { endpoint: 'http://127.0.0.1:9/xapi', key: 'matrix-key', secret: 'matrix-secret' };
/** Both organisations' admins may set an LRS; each row starts and ends with none set and no backfill run. */
const withoutLrs = async (w: World) => w.clear('lrs');
const withLrs = async (w: World) => {
  await w.clear('lrs');
  for (const tenantId of [DEMO_TENANT_ID, OTHER_TENANT_ID])
    await w.service.stores.lrs.save(tenantId, { ...LRS, updatedAt: new Date().toISOString() });
};
/** Both organisations' report figures, as the figures job computes them. */
const withFigures = async (w: World) => {
  for (const tenantId of [DEMO_TENANT_ID, OTHER_TENANT_ID])
    if (!(await w.service.stores.orgFigures.pointer(tenantId))?.generation) await w.service.orgFigures.runTenant(tenantId);
};
const oneToOne = `${team}/one-to-ones/${encodeURIComponent(PEOPLE.lead.userId)}/${learner}`;
const oneToOneItem = { id: '', made: 0 };
const FOREIGN_CURSOR = Buffer.from(JSON.stringify({ p: 'another-list', t: 'eyJuZXh0UGFydGl0aW9uS2V5IjoiYSJ9' })).toString('base64url');
const inAYear = () => new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10);

export const ROUTE_ROWS: readonly RouteRow[] = [
  // The tab's identity picker, mounted only in local mode (production answers 401: tab-api.test.ts).
  {
    method: 'GET',
    route: '/local/identities',
    path: () => '/local/identities',
    expect: { ...everyone(200), none: 200 },
    outsidersMaySee: ['none', 'otherTenant', 'otherTeamLead', 'admin'],
  },

  { method: 'GET', route: '/me', path: () => '/me', expect: everyone(200) },
  { method: 'GET', route: '/me/entries', path: () => '/me/entries', expect: everyone(200) },
  {
    method: 'PATCH',
    route: '/me/entries/:entryId',
    path: (w) => `/me/entries/${w.ids.meganEntry}`,
    body: () => ({ minutes: 25 }),
    expect: learnerOnly(200),
  },
  {
    method: 'DELETE',
    route: '/me/entries/:entryId',
    path: (w) => `/me/entries/${w.ids.freshEntry}`,
    prepare: async (w) => void (w.ids.freshEntry = await newEntryFor(w.service, PEOPLE.learner)),
    expect: learnerOnly(204),
  },
  { method: 'GET', route: '/me/summary', path: () => '/me/summary', expect: everyone(200) },
  { method: 'GET', route: '/me/settings', path: () => '/me/settings', expect: everyone(200) },
  { method: 'PUT', route: '/me/settings', path: () => '/me/settings', body: () => ({ paused: false }), expect: everyone(200) },
  { method: 'GET', route: '/me/teams', path: () => '/me/teams', expect: everyone(200) },
  { method: 'GET', route: '/me/audience', path: () => '/me/audience', expect: everyone(200) },

  { method: 'GET', route: '/teams/:teamId/dashboard', path: () => `${team}/dashboard`, expect: teamMembers(200) },
  { method: 'GET', route: '/teams/:teamId/settings', path: () => `${team}/settings`, expect: teamMembers(200) },
  { method: 'GET', route: '/teams/:teamId/channels', path: () => `${team}/channels`, expect: teamMembers(200) },
  { method: 'GET', route: '/teams/:teamId/members', path: () => `${team}/members`, expect: teamLeads(200) },
  { method: 'PUT', route: '/teams/:teamId/settings', path: () => `${team}/settings`, body: () => schedule, expect: teamLeads(200) },
  {
    method: 'PUT',
    route: '/teams/:teamId/members/:userId/role',
    path: () => `${team}/members/${learner}/role`,
    // The learner asking to lead is refused like anyone else who does not lead.
    body: () => ({ role: 'lead' }),
    restore: async (w) => void (await w.service.stores.teams.setRole(DEMO_TENANT_ID, DEMO_TEAM.id, PEOPLE.learner.userId, 'member')),
    expect: teamLeads(200),
  },
  {
    method: 'POST',
    route: '/teams/:teamId/members/:userId/nudges',
    path: () => `${team}/members/${learner}/nudges`,
    body: () => ({ note: 'How is the course going?' }),
    // One nudge per lead and learner in 12 hours: each cell starts with none sent.
    prepare: (w) => w.clear('nudges'),
    expect: teamLeads(201),
  },
  { method: 'GET', route: '/teams/:teamId/awaiting-actions', path: () => `${team}/awaiting-actions`, expect: teamLeads(200) },
  {
    method: 'POST',
    route: '/teams/:teamId/members/:userId/entries/:entryId/ask-how-it-went',
    path: (w) => `${team}/members/${learner}/entries/${w.ids.meganAction}/ask-how-it-went`,
    expect: teamLeads(202),
  },
  {
    method: 'POST',
    route: '/teams/:teamId/members/:userId/entries/:entryId/ask-to-share',
    path: (w) => `${team}/members/${learner}/entries/${w.ids.meganAction}/ask-to-share`,
    // A lead asks about an entry once: each cell starts with no request made.
    prepare: (w) => w.clear('shareAsks'),
    expect: teamLeads(202),
  },
  { method: 'GET', route: '/teams/:teamId/share-asks', path: () => `${team}/share-asks`, expect: teamLeads(200) },
  { method: 'GET', route: '/teams/:teamId/nudges', path: () => `${team}/nudges`, expect: teamLeads(200) },
  { method: 'GET', route: '/teams/:teamId/follow-ups', path: () => `${team}/follow-ups`, expect: teamLeads(200) },
  {
    method: 'POST',
    route: '/teams/:teamId/follow-ups/:followUpId/close',
    path: (w) => `${team}/follow-ups/${w.ids.followUpId}/close`,
    body: () => ({ note: `${MARKER} we talked` }),
    // Each cell closes a follow-up of its own, opened by the learner's "I need help".
    prepare: (w) => openFollowUp(w),
    expect: teamLeads(200),
  },
  {
    method: 'POST',
    route: '/teams/:teamId/shares/:shareId/coaching',
    path: (w) => `${team}/shares/${w.ids.meganShare}/coaching`,
    body: () => ({ note: `${MARKER} try it on the next sprint` }),
    expect: teamLeads(201),
  },
  // Coaching on an entry the leads may see: the learner's own entry, coached by the team's lead.
  {
    method: 'POST',
    route: '/teams/:teamId/members/:userId/entries/:entryId/coaching',
    path: (w) => `${team}/members/${learner}/entries/${w.ids.meganEntry}/coaching`,
    body: () => ({ note: `${MARKER} what would you try first?` }),
    expect: teamLeads(201),
  },
  // The leads' view of a member's log; the member themself is no lead, so they too are refused (403).
  {
    method: 'GET',
    route: '/teams/:teamId/members/:userId/entries',
    path: () => `${team}/members/${learner}/entries`,
    expect: teamLeads(200),
  },
  {
    method: 'GET',
    route: '/teams/:teamId/exports/:file',
    variant: 'entries',
    path: () => `${team}/exports/entries.csv`,
    expect: teamLeads(200),
  },
  {
    method: 'GET',
    route: '/teams/:teamId/exports/:file',
    variant: 'follow-ups',
    path: () => `${team}/exports/follow-ups.csv?weeks=52`,
    expect: teamLeads(200),
  },
  {
    method: 'GET',
    route: '/teams/:teamId/members/:userId/coaching',
    path: () => `${team}/members/${learner}/coaching`,
    expect: teamLeads(200),
  },
  {
    method: 'POST',
    route: '/teams/:teamId/recommendations',
    path: () => `${team}/recommendations`,
    body: () => ({ title: 'Refactoring UI', link: 'https://www.refactoringui.com/' }),
    expect: teamLeads(201),
  },
  { method: 'GET', route: '/teams/:teamId/recommendations', path: () => `${team}/recommendations`, expect: teamLeads(200) },
  { method: 'GET', route: '/me/recommendations', path: () => '/me/recommendations', expect: everyone(200) },
  {
    method: 'PUT',
    route: '/me/recommendations/:teamId/:recId',
    variant: 'recommended to the whole team',
    path: (w) => `/me/recommendations/${encodeURIComponent(DEMO_TEAM.id)}/${w.ids.teamWideRec}`,
    body: () => ({ done: true }),
    expect: cells({ otherTenant: 404, otherTeamLead: 404, member: 200, learner: 200, lead: 200, admin: 404 }),
  },
  {
    method: 'PUT',
    route: '/me/recommendations/:teamId/:recId',
    variant: 'recommended to the learner alone',
    path: (w) => `/me/recommendations/${encodeURIComponent(DEMO_TEAM.id)}/${w.ids.meganRec}`,
    body: () => ({ done: true }),
    expect: learnerOnly(200),
  },
  { method: 'GET', route: '/me/coaching', path: () => '/me/coaching', expect: everyone(200) },
  // The 1:1 list between the team's lead and the learner: the two of them, nobody else (another lead, a plain member: 403).
  { method: 'GET', route: '/me/one-to-ones', path: () => '/me/one-to-ones', expect: everyone(200) },
  { method: 'GET', route: '/teams/:teamId/one-to-ones/:leadId/:memberId', path: () => oneToOne, expect: thePair(200) },
  {
    method: 'POST',
    route: '/teams/:teamId/one-to-ones/:leadId/:memberId/items',
    path: () => `${oneToOne}/items`,
    body: () => ({ topic: `${MARKER} the conference budget` }),
    expect: thePair(201),
  },
  {
    method: 'PUT',
    route: '/teams/:teamId/one-to-ones/:leadId/:memberId/items/:itemId/ticked',
    path: () => `${oneToOne}/items/${oneToOneItem.id}/ticked`,
    // A fresh open item for each cell, so each caller ticks one off.
    prepare: async (w) => {
      const pair = { tenantId: DEMO_TENANT_ID, teamId: DEMO_TEAM.id, leadId: PEOPLE.lead.userId, memberId: PEOPLE.learner.userId };
      oneToOneItem.id = `0000000000001-${String(++oneToOneItem.made).padStart(8, '0')}`;
      await w.service.stores.oneToOne.create(pair, {
        itemId: oneToOneItem.id,
        kind: 'topic',
        refId: null,
        text: `${MARKER} a topic to tick`,
        addedBy: { userId: PEOPLE.learner.userId, displayName: PEOPLE.learner.displayName },
        addedAt: new Date().toISOString(),
        ticked: null,
      });
    },
    expect: thePair(200),
  },
  { method: 'GET', route: '/teams/:teamId/shares', path: () => `${team}/shares`, expect: teamMembers(200) },
  { method: 'GET', route: '/teams/:teamId/resources', path: () => `${team}/resources`, expect: teamMembers(200) },
  {
    method: 'PUT',
    route: '/teams/:teamId/shares/:shareId/my-vote',
    path: (w) => `${team}/shares/${w.ids.meganShare}/my-vote`,
    body: () => ({ helpful: true }),
    // The share is the learner's own: they cannot mark it helpful (422).
    expect: cells({ otherTenant: 403, otherTeamLead: 403, member: 200, learner: 422, lead: 200, admin: 403 }),
  },
  { method: 'GET', route: '/me/goals', path: () => '/me/goals', expect: everyone(200) },
  {
    method: 'POST',
    route: '/me/goals',
    path: () => '/me/goals',
    body: () => ({ what: 'Pair on code review', targetDate: inAYear() }),
    expect: everyone(201),
  },

  {
    method: 'GET',
    route: '/admin/me',
    path: () => '/admin/me',
    expect: everyone(200),
    check: async (_w, who, text) => expect(JSON.parse(text)).toEqual({ isAdmin: who === 'admin' || who === 'otherTenant' }),
  },
  {
    method: 'PUT',
    route: '/admin/admins/:userId',
    path: () => `/admin/admins/${NEW_ADMIN}`,
    // Each admin names admins in their own organisation only.
    check: async (w, who) => {
      const admins = w.service.stores.admins;
      expect(await admins.isAdmin(who === 'otherTenant' ? OTHER_TENANT_ID : DEMO_TENANT_ID, NEW_ADMIN)).toBe(true);
      if (who === 'otherTenant') expect(await admins.isAdmin(DEMO_TENANT_ID, NEW_ADMIN)).toBe(false);
    },
    expect: ldAdmins(204),
  },
  // L&D settings: each organisation's admins read and set their own.
  { method: 'GET', route: '/admin/settings', path: () => '/admin/settings', expect: ldAdmins(200) },
  {
    method: 'PUT',
    route: '/admin/settings',
    path: () => '/admin/settings',
    // The demo's own again: no other row sees a different expectation.
    body: () => DEMO_LD_SETTINGS,
    expect: ldAdmins(200),
  },
  {
    method: 'GET',
    route: '/admin/people',
    path: () => `/admin/people?name=${encodeURIComponent(PEOPLE.member.displayName.slice(0, 3))}`,
    expect: ldAdmins(200),
    // The picker offers only the caller's own organisation's people.
    check: async (_w, who, text) => {
      const ids = (JSON.parse(text) as { people: { userId: string }[] }).people.map((p) => p.userId);
      if (who === 'otherTenant') expect(ids).not.toContain(PEOPLE.member.userId);
      else expect(ids).toContain(PEOPLE.member.userId);
    },
  },
  {
    method: 'POST',
    route: '/admin/settings/admins',
    path: () => '/admin/settings/admins',
    // Someone the demo organisation's app knows; another organisation's admin knows nobody by that id.
    body: () => ({ userId: PEOPLE.member.userId }),
    restore: async (w) => w.service.stores.admins.remove(DEMO_TENANT_ID, PEOPLE.member.userId),
    expect: cells({ otherTenant: 404, otherTeamLead: 403, member: 403, learner: 403, lead: 403, admin: 200 }),
  },
  {
    method: 'DELETE',
    route: '/admin/admins/:userId',
    path: () => `/admin/admins/${REMOVED_ADMIN}`,
    prepare: async (w) => {
      for (const tenantId of [DEMO_TENANT_ID, OTHER_TENANT_ID])
        await w.service.stores.admins.add(tenantId, REMOVED_ADMIN, 'x', new Date(0).toISOString());
    },
    check: async (w, who) => {
      const admins = w.service.stores.admins;
      expect(await admins.isAdmin(who === 'otherTenant' ? OTHER_TENANT_ID : DEMO_TENANT_ID, REMOVED_ADMIN)).toBe(false);
      // Each admin removes admins in their own organisation only.
      expect(await admins.isAdmin(who === 'otherTenant' ? DEMO_TENANT_ID : OTHER_TENANT_ID, REMOVED_ADMIN)).toBe(true);
    },
    expect: ldAdmins(204),
  },
  { method: 'GET', route: '/admin/report', path: () => '/admin/report', expect: ldAdmins(200), outsidersMaySee: ['admin'] },
  {
    method: 'GET',
    route: '/admin/report.csv',
    path: () => '/admin/report.csv',
    prepare: withFigures,
    expect: ldAdmins(200),
    outsidersMaySee: ['admin'],
  },
  {
    method: 'GET',
    route: '/admin/report/teams/:teamId',
    path: () => `/admin/report/teams/${encodeURIComponent(DEMO_TEAM.id)}`,
    prepare: withFigures,
    // Another organisation's admin finds no such team in their own figures.
    expect: { ...ldAdmins(200), otherTenant: 404 },
    outsidersMaySee: ['admin'],
  },
  // More of a table needs the cursor its first page gave; the demo's tables fit on one page.
  {
    method: 'GET',
    route: '/admin/report/teams',
    variant: 'a cursor from another list',
    path: () => `/admin/report/teams?weeks=4&cursor=${FOREIGN_CURSOR}`,
    prepare: withFigures,
    expect: ldAdmins(400),
  },
  {
    method: 'GET',
    route: '/admin/report/leads',
    variant: 'a cursor from another list',
    path: () => `/admin/report/leads?weeks=4&cursor=${FOREIGN_CURSOR}`,
    prepare: withFigures,
    expect: ldAdmins(400),
  },
  // Each organisation's admins read their own organisation's trail, and nobody else reads any.
  { method: 'GET', route: '/admin/audit', path: () => '/admin/audit', expect: ldAdmins(200), outsidersMaySee: ['admin'] },
  { method: 'GET', route: '/admin/audit.csv', path: () => '/admin/audit.csv', expect: ldAdmins(200), outsidersMaySee: ['admin'] },
  {
    method: 'GET',
    route: '/admin/lrs',
    path: () => '/admin/lrs',
    prepare: withLrs,
    restore: withoutLrs,
    expect: ldAdmins(200),
    check: async (_w, _who, text) => expect(text).not.toContain(LRS.secret),
  },
  {
    method: 'PUT',
    route: '/admin/lrs',
    path: () => '/admin/lrs',
    body: () => LRS,
    restore: withoutLrs,
    expect: ldAdmins(200),
    check: async (_w, _who, text) => expect(text).not.toContain(LRS.secret),
  },
  { method: 'DELETE', route: '/admin/lrs', path: () => '/admin/lrs', prepare: withLrs, restore: withoutLrs, expect: ldAdmins(204) },
  { method: 'GET', route: '/admin/lrs/status', path: () => '/admin/lrs/status', expect: ldAdmins(200) },
  {
    method: 'POST',
    route: '/admin/lrs/backfill',
    path: () => '/admin/lrs/backfill',
    prepare: withLrs,
    restore: withoutLrs,
    expect: ldAdmins(202),
  },
  { method: 'GET', route: '/me/saved', path: () => '/me/saved', expect: everyone(200) },
  // Each caller's own data, and nobody else's.
  { method: 'GET', route: '/me/export', path: () => '/me/export', expect: everyone(200) },
  { method: 'GET', route: '/me/export.csv', path: () => '/me/export.csv', expect: everyone(200) },
  // A real erasure would empty the shared world; without the phrase it must erase nothing, for anyone.
  {
    method: 'DELETE',
    route: '/me',
    variant: 'without the phrase',
    path: () => '/me',
    body: () => ({ confirm: 'no' }),
    expect: everyone(400),
  },
];

/** A follow-up open now: the lead nudged the learner, who answered "I need help". */
export async function openFollowUp(w: World): Promise<void> {
  await w.clear('nudges');
  const nudge = await w.service.services.nudges.nudge(PEOPLE.lead, DEMO_TEAM.id, PEOPLE.learner.userId, {
    note: `${MARKER}: how is it going?`,
  });
  await w.service.services.nudges.reply(PEOPLE.learner, DEMO_TEAM.id, nudge.nudgeId, 'need-help');
  w.ids.followUpId = nudge.nudgeId;
}
