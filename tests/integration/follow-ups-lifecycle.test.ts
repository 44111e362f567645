import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FOLLOW_UP_CLOSE_VERB } from '../../bot/cards/follow-up-cards.js';
import { NUDGE_REPLY_VERB } from '../../bot/cards/nudge-cards.js';
import type { FollowUpsResponse } from '../../bot/contract/follow-up-rules.js';
import { DEMO_PEOPLE, DEMO_TENANT_ID } from '../../bot/demo/demo-team.js';
import { followUpsFor, teamFollowUps } from '../../bot/domain/dashboard-follow-ups.js';
import { nudgeFact } from '../../bot/domain/leader-metrics.js';
import { cardActionActivity, inTeamChannel, installActivity, messageActivity } from '../../bot/testing/activities.js';
import { startFakeConnector } from '../../bot/testing/fake-connector.js';
import { asDemoPerson } from '../../bot/testing/requests.js';
import { rollupsFromRaw } from '../../bot/testing/rollup-reference.js';
import { freshTestStorage } from '../../bot/testing/test-storage.js';
import { movingClockInstances, postTo, type Instance } from '../support/moving-clock-instances.js';
import type { StorageConfig } from '../../bot/config.js';

const team = { id: '19:follow-ups@thread.tacv2', name: 'Product Design' };
const otherTeam = { id: '19:other-team@thread.tacv2', name: 'Customer Success' };
type Account = { id: string; aadObjectId: string; name: string };
const account = (p: (typeof DEMO_PEOPLE)[number]): Account => ({ id: p.teamsUserId, aadObjectId: p.userId, name: p.displayName });
const [alex, megan, isaiah] = [DEMO_PEOPLE[0]!, DEMO_PEOPLE[1]!, DEMO_PEOPLE[3]!].map(account) as [Account, Account, Account];
const DAY = 86_400_000;

describe('a follow-up from a nudge’s answer to its closing, across restarts and two instances (Azurite, local Bot Connector, moving clock)', () => {
  let storage: StorageConfig;
  let connector: Awaited<ReturnType<typeof startFakeConnector>>;
  let now = new Date('2026-11-02T09:00:00Z');
  const instances = movingClockInstances(
    () => storage,
    () => now,
  );
  const { running, start } = instances;
  const post = postTo;
  const api = (on: Instance, who: Account, path: string, init: RequestInit = {}) =>
    fetch(`${on.baseUrl}/api/v1${path}`, { ...init, headers: asDemoPerson(who.aadObjectId) });
  const from = (who: Account) => ({ serviceUrl: connector.serviceUrl, from: who, conversationId: `a:personal-${who.id}` });
  const sentTo = (who: Account, text: string) =>
    connector.sent.filter((s) => s.conversationId === `a:personal-${who.id}` && JSON.stringify(s.activity).includes(text));
  const runJobsAt = async (on: Instance[], at: Date) => {
    now = at;
    await instances.runJobs(on);
  };
  const lead = { tenantId: DEMO_TENANT_ID, userId: alex.aadObjectId };

  beforeAll(async () => {
    ({ storage } = await freshTestStorage());
    const members = [alex, megan, isaiah];
    connector = await startFakeConnector({
      [team.id]: { members, channels: [{ id: team.id }] },
      [otherTeam.id]: { members: [alex], channels: [{ id: otherTeam.id }] },
    });
    const first = await start('first');
    await first.queues.sends.create();
    await first.queues.poison.create();
    await post(first, inTeamChannel(installActivity({ serviceUrl: connector.serviceUrl, from: alex }), team));
    await post(first, inTeamChannel(installActivity({ serviceUrl: connector.serviceUrl, from: alex }), otherTeam));
    for (const who of members) await post(first, messageActivity('hello', from(who)));
  }, 60_000);
  afterAll(async () => {
    await Promise.all(running.map((i) => i.stop()));
    await connector.stop();
  });

  it(
    'opens one follow-up for a repeated “I need help”, reminds its lead once past seven days whatever restarts, closes with a note the learner is told, and counts it done',
    { timeout: 60_000 },
    async () => {
      const first = running[0]!;
      // Megan has not checked in since she joined four weeks and a day ago: flagged, and Alex nudges her.
      now = new Date('2026-12-01T10:00:00Z');
      const nudge = await first.services.nudges.nudge(lead, team.id, megan.aadObjectId, { note: 'How is it going?' });
      expect(nudge.flaggedSince).not.toBeNull();

      // She answers "I need help" — twice, as a repeated submission would.
      now = new Date('2026-12-01T11:00:00Z');
      for (let i = 0; i < 2; i++)
        await post(
          first,
          cardActionActivity(NUDGE_REPLY_VERB, { teamId: team.id, nudgeId: nudge.nudgeId, answer: 'need-help' }, from(megan)),
        );
      const listed = (await (await api(first, alex, `/teams/${encodeURIComponent(team.id)}/follow-ups`)).json()) as FollowUpsResponse;
      expect(listed.open).toHaveLength(1);
      expect(listed.open[0]).toMatchObject({
        followUpId: nudge.nudgeId,
        learnerName: megan.name,
        answer: 'need-help',
        openedAt: '2026-12-01T11:00:00.000Z',
        closed: null,
      });
      expect(listed.expectedDays).toBe(7);
      // Done only once the loop closes: nudged, not done.
      const dashboardNow = async (on: Instance) => (await on.services.dashboards.dashboardFor(lead, team.id, 4)).followUps!;
      expect((await dashboardNow(first)).yours).toMatchObject({ nudged: 1, done: 0 });

      // The scheduler runs an hour before the reminder is due, and the instance goes away.
      await runJobsAt([first], new Date('2026-12-08T10:00:00Z'));
      expect(sentTo(alex, 'A follow-up has waited')).toHaveLength(0);
      await first.stop();
      running.splice(0, 1);

      // Two instances take over; the reminder falls due, and each of them works the queue.
      const [a, b] = [await start('second-a'), await start('second-b')];
      await runJobsAt([a, b], new Date('2026-12-08T11:02:00Z'));
      await runJobsAt([a, b], new Date('2026-12-08T12:00:00Z'));
      expect(sentTo(alex, 'A follow-up has waited 7 days')).toHaveLength(1);
      expect(sentTo(megan, 'A follow-up has waited')).toHaveLength(0);
      // Another restart: still one reminder.
      await Promise.all([a.stop(), b.stop()]);
      running.length = 0;
      const c = await start('third');
      await runJobsAt([c], new Date('2026-12-08T12:30:00Z'));
      expect(sentTo(alex, 'A follow-up has waited')).toHaveLength(1);

      // Closing: refused without a note (on the card and by the API), and by anyone but a lead of the team.
      const press = (note: unknown) =>
        post(c, cardActionActivity(FOLLOW_UP_CLOSE_VERB, { teamId: team.id, followUpId: nudge.nudgeId, note }, from(alex)));
      expect(JSON.stringify((await press('   ')).value)).toContain('Write a short note: what was done.');
      const closePath = (teamId: string) => `/teams/${encodeURIComponent(teamId)}/follow-ups/${nudge.nudgeId}/close`;
      const close = (who: Account, teamId: string, body: unknown) =>
        api(c, who, closePath(teamId), { method: 'POST', body: JSON.stringify(body) });
      const refused = await close(alex, team.id, { note: 'x'.repeat(281) });
      expect(refused.status).toBe(400);
      expect(((await refused.json()) as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual(['note']);
      expect((await close(alex, team.id, {})).status).toBe(400);
      expect((await close(megan, team.id, { note: 'Closing my own' })).status).toBe(403);
      expect((await close(alex, otherTeam.id, { note: 'Wrong team' })).status).toBe(404);
      expect((await api(c, megan, `/teams/${encodeURIComponent(team.id)}/follow-ups`)).status).toBe(403);

      // Alex closes it from the reminder card; the card says so in place, and Megan is told, the note escaped.
      now = new Date('2026-12-08T13:00:00Z');
      const closedCard = JSON.stringify((await press('We *talked*')).value);
      expect(closedCard).toContain('Alex Wilber closed Megan Bowen’s follow-up');
      const told = sentTo(megan, 'closed your follow-up');
      expect(told).toHaveLength(1);
      expect(JSON.stringify(told[0]!.activity)).toContain('We \\\\*talked\\\\*');
      expect((await close(alex, team.id, { note: 'Again' })).status).toBe(409);
      expect(JSON.stringify((await press('Again')).value)).toContain('had already closed');
      const trail = await c.stores.auditTrail.page(DEMO_TENANT_ID, {}, { limit: 20 });
      expect(trail.events.filter((e) => e.kind === 'follow_up_closed').map((e) => e.subject?.userId)).toEqual([megan.aadObjectId]);

      // Counted: done for Alex, and the figures equal a recomputation from the raw records.
      const shown = await dashboardNow(c);
      expect(shown.yours).toMatchObject({ done: 1, nudged: 1, medianDays: 8.2 });
      const { members } = await c.stores.teams.readTeam(DEMO_TENANT_ID, team.id);
      const raw = teamFollowUps({
        roster: members,
        rollups: await rollupsFromRaw(c.stores, DEMO_TENANT_ID, team.id, now),
        nudges: (await c.stores.nudges.listTeam(DEMO_TENANT_ID, team.id, 1000)).map(nudgeFact),
        weeks: 4,
        zone: 'UTC',
        now,
      });
      expect(shown).toEqual(followUpsFor(raw, alex.aadObjectId));
      const digest = await c.services.digests.digestView(lead, team.id);
      expect(digest?.digest.leadFollowUps?.figures).toEqual(shown.yours);
      // Nothing more is sent as time goes on.
      await runJobsAt([c], new Date(now.getTime() + DAY / 24));
      expect(sentTo(alex, 'A follow-up has waited')).toHaveLength(1);
      // Megan erases her data: the follow-up about her goes with her nudge.
      await c.services.myData.erase({ tenantId: DEMO_TENANT_ID, userId: megan.aadObjectId });
      expect(await c.stores.followUps.get(DEMO_TENANT_ID, team.id, nudge.nudgeId)).toBeUndefined();
    },
  );
});
