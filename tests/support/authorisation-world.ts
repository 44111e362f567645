import { randomUUID } from 'node:crypto';
import type { TableClient } from '@azure/data-tables';
import { vi } from 'vitest';
import { DEMO_PEOPLE, DEMO_TEAM, DEMO_TENANT_ID } from '../../bot/demo/demo-team.js';
import { seedDemoData } from '../../bot/demo/seed-demo-data.js';
import { DEMO_SHARES_CHANNEL } from '../../bot/demo/seed-demo-shares.js';
import { cardActionActivity, inTeamChannel } from '../../bot/testing/activities.js';
import { startFakeConnector } from '../../bot/testing/fake-connector.js';
import { startTestService, type RunningTestService } from '../../bot/testing/test-service.js';
import { tableClients, type TableName } from '../../bot/store/table-clients.js';
import type { RecommendationInput } from '../../bot/contract/recommendation-rules.js';
import type { LearningEntry } from '../../bot/contract/learning-entry.js';

/** Who calls: the seven columns of the authorisation matrix. */
export const PRINCIPALS = ['none', 'otherTenant', 'otherTeamLead', 'member', 'learner', 'lead', 'admin'] as const;
export type Principal = (typeof PRINCIPALS)[number];
export type Person = { tenantId: string; userId: string; teamsUserId: string; displayName: string };

/** Callers who have no business with the demo team or its learner: what they get must hold none of it. */
export const OUTSIDERS: readonly Principal[] = ['none', 'otherTenant', 'otherTeamLead', 'admin'];
/** Written into the learner's private records, so a leak of them is easy to spot in any answer. */
export const MARKER = 'megan-only';

export const OTHER_TENANT_ID = 'b2000000-0000-4000-8000-0000000000b2';
const OTHER_ORG_TEAM = { id: '19:other-org-learning@thread.tacv2', name: 'Fabrikam Platform' };
const SECOND_TEAM = { id: '19:research@thread.tacv2', name: 'User Research' };

const demo = (i: number): Person => {
  const { userId, teamsUserId, displayName } = DEMO_PEOPLE[i]!;
  return { tenantId: DEMO_TENANT_ID, userId, teamsUserId, displayName };
};

/**
 * The people behind the columns. The learner is the member whose records the rows touch; the
 * L&D admin is on no team (unlike the demo's Patti), so no cell passes for them by team
 * membership; the other tenant's caller leads a team and is L&D admin in their own
 * organisation, the most an outsider can be.
 */
export const PEOPLE: Record<Exclude<Principal, 'none'>, Person> = {
  lead: demo(0),
  learner: demo(1),
  member: demo(2),
  otherTeamLead: {
    tenantId: DEMO_TENANT_ID,
    userId: 'a1000000-0000-4000-8000-0000000000a1',
    teamsUserId: '29:demo-olga',
    displayName: 'Olga Research',
  },
  admin: {
    tenantId: DEMO_TENANT_ID,
    userId: 'a1000000-0000-4000-8000-0000000000a2',
    teamsUserId: '29:demo-lidia',
    displayName: 'Lidia Learning',
  },
  otherTenant: {
    tenantId: OTHER_TENANT_ID,
    userId: 'b2000000-0000-4000-8000-000000000001',
    teamsUserId: '29:fabrikam-tomas',
    displayName: 'Tomas Fabrikam',
  },
};

/** Ids of the fixtures rows point at; `prepare` steps replace the ones a cell uses up. */
export interface Fixtures {
  meganShare: string;
  meganEntry: string;
  /** An entry of the learner's whose action awaits a result, seen by the team's leads. */
  meganAction: string;
  meganActionAt: string;
  freshEntry: string;
  teamWideRec: string;
  meganRec: string;
  nudgeId: string;
  noteId: string;
  cycle: string;
  followUpId: string;
}

export interface World {
  service: RunningTestService;
  /** The same service with bot credentials: activities without a Bot Framework token stop here. */
  guarded: RunningTestService;
  connector: Awaited<ReturnType<typeof startFakeConnector>>;
  ids: Fixtures;
  api(who: Principal, method: string, path: string, body?: unknown): Promise<{ status: number; text: string }>;
  invoke(who: Principal, verb: string, data: Record<string, unknown>, inTeam?: boolean): Promise<{ status: number; card: unknown }>;
  /** Every row of every table, with its ETag: equal snapshots mean nothing was written. */
  snapshot(): Promise<Map<string, string>>;
  clear(table: TableName): Promise<void>;
  stop(): Promise<void>;
}

export async function buildWorld(): Promise<World> {
  const connector = await startFakeConnector({
    [DEMO_TEAM.id]: { members: [], channels: [{ id: DEMO_TEAM.id }, { id: DEMO_SHARES_CHANNEL, name: 'Learning shares' }] },
  });
  const ldAdmins = [PEOPLE.admin, PEOPLE.otherTenant].map(({ tenantId, userId }) => ({ tenantId, userId }));
  const service = await startTestService({ ldAdmins });
  const guarded = await startTestService({
    bot: { appId: randomUUID(), appPassword: 'not-a-real-secret', appType: 'MultiTenant', appTenantId: undefined },
  });
  const now = new Date();
  await seedDemoData({ ...service, now });
  await seedOutsiders(service, now);
  const tables = tableClients(service.config.storage);

  const account = (p: Person) => ({ id: p.teamsUserId, aadObjectId: p.userId, name: p.displayName });
  const world: World = {
    service,
    guarded,
    connector,
    ids: await fixtures(service),
    async api(who, method, path, body) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (who !== 'none') Object.assign(headers, { 'x-local-tenant-id': PEOPLE[who].tenantId, 'x-local-user-id': PEOPLE[who].userId });
      const res = await fetch(`${service.baseUrl}/api/v1${path}`, {
        method,
        headers,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: res.status, text: await res.text() };
    },
    async invoke(who, verb, data, inTeam = false) {
      const person = who === 'none' ? PEOPLE.learner : PEOPLE[who];
      let activity = cardActionActivity(verb, data, {
        serviceUrl: connector.serviceUrl,
        tenantId: person.tenantId,
        from: account(person),
        conversationId: `a:personal-${person.userId}`,
      });
      if (inTeam) activity = inTeamChannel(activity, DEMO_TEAM);
      if (who === 'none') {
        // No token: the credentialed service must refuse before any handler runs (botbuilder logs the refusal; expected here).
        const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
        const res = await post(guarded.baseUrl, activity).finally(() => quiet.mockRestore());
        if (res.status !== 401) return res;
        // Without credentials (local mode) an activity naming no tenant is answered, but as nobody.
        const { tenantId: _t, ...conversation } = activity.conversation;
        return post(service.baseUrl, { ...activity, conversation, channelData: {} });
      }
      return post(service.baseUrl, activity);
    },
    async snapshot() {
      await service.services.sharing.settled();
      const rows = new Map<string, string>();
      for (const [name, table] of Object.entries(tables) as [TableName, TableClient][]) {
        for await (const e of table.listEntities()) {
          const { timestamp: _ts, ...rest } = e;
          rows.set(`${name}/${e.partitionKey}/${e.rowKey}`, JSON.stringify(rest));
        }
      }
      return rows;
    },
    async clear(name) {
      for await (const e of tables[name].listEntities()) await tables[name].deleteEntity(e.partitionKey!, e.rowKey!);
    },
    async stop() {
      await Promise.all([service.stop(), guarded.stop(), connector.stop()]);
    },
  };
  return world;
}

async function post(baseUrl: string, activity: unknown): Promise<{ status: number; card: unknown }> {
  const res = await fetch(`${baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
  const text = await res.text();
  let card: unknown;
  try {
    card = text ? (JSON.parse(text) as { value?: unknown }).value : undefined;
  } catch {
    card = undefined;
  }
  return { status: res.status, card };
}

/** A second team in the demo tenant (led by the other team's lead) and a whole other organisation. */
async function seedOutsiders(service: RunningTestService, now: Date): Promise<void> {
  const at = now.toISOString();
  const { users, teams } = service.stores;
  const schedule = {
    cadence: 'weekly' as const,
    weekday: 3,
    localTime: '10:00',
    timeZone: 'Europe/London',
    reminderAfterHours: 24,
    anchorMonday: '2026-01-05',
  };
  const ravi: Person = {
    tenantId: DEMO_TENANT_ID,
    userId: 'a1000000-0000-4000-8000-0000000000a3',
    teamsUserId: '29:demo-ravi',
    displayName: 'Ravi Research',
  };
  const ursula: Person = {
    tenantId: OTHER_TENANT_ID,
    userId: 'b2000000-0000-4000-8000-000000000002',
    teamsUserId: '29:fabrikam-ursula',
    displayName: 'Ursula Fabrikam',
  };
  for (const p of [PEOPLE.otherTeamLead, PEOPLE.admin, PEOPLE.otherTenant, ravi, ursula]) {
    await users.upsert({ ...p, timeZone: 'Europe/London', updatedAt: at });
  }
  for (const [team, lead, member] of [
    [SECOND_TEAM, PEOPLE.otherTeamLead, ravi],
    [OTHER_ORG_TEAM, PEOPLE.otherTenant, ursula],
  ] as const) {
    await teams.createSettingsIfAbsent({
      tenantId: lead.tenantId,
      teamId: team.id,
      name: team.name,
      schedule,
      sharesChannelId: team.id,
      updatedBy: lead.userId,
      updatedAt: at,
    });
    await teams.upsertMember({ ...lead, teamId: team.id, role: 'lead', joinedAt: at });
    await teams.upsertMember({ ...member, teamId: team.id, role: 'member', joinedAt: at });
  }
}

async function fixtures(service: RunningTestService): Promise<Fixtures> {
  const { lead, learner } = PEOPLE;
  const shares = await service.stores.shares.listTeamShares(DEMO_TENANT_ID, DEMO_TEAM.id);
  const meganShare = shares.find((s) => s.sharerId === learner.userId && !s.withdrawnAt)!;
  const recommend = (input: Partial<RecommendationInput> & Pick<RecommendationInput, 'title' | 'link'>) =>
    service.services.recommendations.recommend(lead, DEMO_TEAM.id, { note: null, learnerId: null, ...input });
  const [teamWide, forMegan] = [
    await recommend({ title: 'Inspired', link: 'https://www.svpg.com/inspired/' }),
    await recommend({ title: `${MARKER} reading`, link: 'https://www.ccl.org/sbi', learnerId: learner.userId }),
  ];
  const action = await newLearningOf(service, learner, `${MARKER}: try it with the team`);
  return {
    meganShare: meganShare.shareId,
    meganEntry: await newEntryFor(service, learner),
    meganAction: action.id,
    meganActionAt: action.createdAt,
    freshEntry: '',
    teamWideRec: teamWide.recId,
    meganRec: forMegan.recId,
    nudgeId: '',
    noteId: '',
    cycle: '',
    followUpId: '',
  };
}

/** A new entry in the learner's own log, through the same service a check-in uses. */
export async function newEntryFor(service: RunningTestService, who: Person): Promise<string> {
  return (await newLearningOf(service, who)).id;
}

/** A new entry, planning an action when one is given. */
async function newLearningOf(service: RunningTestService, who: Person, action?: string): Promise<LearningEntry> {
  const result = await service.services.checkIns.submit(who, {
    cardId: randomUUID(),
    what: `${MARKER}: notes on accessible forms`,
    sourceType: 'article',
    minutes: '20',
    ...(action ? { action } : {}),
  });
  if (result.status !== 'saved') throw new Error(`could not seed an entry: ${JSON.stringify(result.errors)}`);
  return result.entry;
}
