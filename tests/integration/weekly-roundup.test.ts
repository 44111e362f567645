import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PEOPLE, DEMO_TEAM, DEMO_TENANT_ID } from '../../bot/demo/demo-team.js';
import { seedDemoData } from '../../bot/demo/seed-demo-data.js';
import { DEMO_SHARES_CHANNEL } from '../../bot/demo/seed-demo-shares.js';
import { buildService, type Service } from '../../bot/service.js';
import { CheckInScheduler } from '../../bot/services/check-in-scheduler.js';
import { checkInCardFormOf } from '../../bot/teams/check-in-form.js';
import { inTeamChannel, installActivity } from '../../bot/testing/activities.js';
import { expectValidTeamsCard } from '../../bot/testing/card-validation.js';
import { startFakeConnector } from '../../bot/testing/fake-connector.js';
import { asDemoPerson, postActivity } from '../../bot/testing/requests.js';
import { startTestService, type RunningTestService } from '../../bot/testing/test-service.js';
import { fieldsOf, problemOf } from '../support/problem.js';

const [alex, megan, third] = [DEMO_PEOPLE[0]!, DEMO_PEOPLE[1]!, DEMO_PEOPLE[2]!];
const account = (p: (typeof DEMO_PEOPLE)[number]) => ({ id: p.teamsUserId, aadObjectId: p.userId, name: p.displayName });
const team = { id: DEMO_TEAM.id, name: DEMO_TEAM.name };
const SETTINGS = {
  cadence: 'weekly',
  weekday: 5,
  localTime: '16:00',
  timeZone: 'Europe/London',
  reminderAfterHours: 24,
  sharesChannelId: DEMO_SHARES_CHANNEL,
};

describe('the weekly round-up in the team’s learning channel (Azurite, local Bot Connector)', () => {
  let service: RunningTestService;
  let connector: Awaited<ReturnType<typeof startFakeConnector>>;
  let now = new Date('2026-11-30T08:00:00Z');
  let shared = 0;
  /** The service's scheduler, catching up half an hour at most: the test jumps days, and walking each minute of them is slow. */
  let scheduler: CheckInScheduler;

  /** The round-ups posted in the learning channel so far, as sent over the wire. */
  const roundups = () =>
    connector.sent.filter((s) => s.conversationId === DEMO_SHARES_CHANNEL && JSON.stringify(s.activity).includes('learned this week'));
  const settingsPut = (body: Record<string, unknown>) =>
    fetch(`${service.baseUrl}/api/v1/teams/${encodeURIComponent(team.id)}/settings`, {
      method: 'PUT',
      headers: asDemoPerson(alex.userId),
      body: JSON.stringify({ ...SETTINGS, ...body }),
    });
  /** A learner shares an entry with the team, now. */
  async function share(person: (typeof DEMO_PEOPLE)[number], what: string, minutes = 30): Promise<string> {
    const cardId = `roundup-share-${++shared}`;
    const outcome = await service.services.capture.capture(
      { tenantId: DEMO_TENANT_ID, userId: person.userId },
      checkInCardFormOf({
        cardId,
        what,
        sourceType: 'article',
        rating: '4',
        minutes: String(minutes),
        insight: `Insight of ${what}`,
        shareWithTeam: 'true',
        shareTeamId: team.id,
        shareParts: 'insight',
      }).command,
    );
    expect(outcome.status).toBe('saved');
    await service.services.sharing.settled();
    return (await service.stores.shares.sharedSince(DEMO_TENANT_ID, team.id, new Date(now.getTime() - 1000)))[0]!;
  }
  /** What the background jobs do at `at`: a scheduler tick, then the send worker until the queue is empty. */
  async function runAt(at: string, on: Pick<Service, 'scheduler' | 'worker'> = { scheduler, worker: service.worker }): Promise<void> {
    now = new Date(at);
    await on.scheduler.tick();
    while ((await on.worker.drainOnce()) > 0);
  }

  beforeAll(async () => {
    connector = await startFakeConnector({
      [team.id]: { members: DEMO_PEOPLE.map(account), channels: [{ id: team.id, name: 'General' }] },
    });
    service = await startTestService({}, { clock: () => now });
    scheduler = new CheckInScheduler({
      leases: service.stores.leases,
      dueIndex: service.stores.dueIndex,
      sends: service.stores.sends,
      queue: service.queues.sends,
      planner: service.planner,
      roundups: service.services.roundups,
      clock: () => now,
      instanceId: 'first',
      logger: pino({ level: 'silent' }),
      maxCatchUpMinutes: 30,
    });
    await seedDemoData({ ...service, now: new Date('2026-11-28T12:00:00Z') });
    // The app is installed in the team: it keeps the team's conversation, through which it posts to the channel.
    await postActivity(service.baseUrl, inTeamChannel(installActivity({ serviceUrl: connector.serviceUrl, from: account(alex) }), team));
    await service.stores.teams.replaceChannels(DEMO_TENANT_ID, team.id, [
      { id: team.id, name: 'General' },
      { id: DEMO_SHARES_CHANNEL, name: 'Learning shares' },
    ]);
  }, 60_000);
  afterAll(async () => {
    await service?.stop();
    await connector?.stop();
  });

  it('posts one round-up on the chosen day with the week’s most helpful shares and who logged learning', async () => {
    // On by default, on Fridays: saving the settings without the round-up's fields files it.
    expect((await settingsPut({})).status).toBe(200);
    now = new Date('2026-12-01T10:00:00Z');
    const meganShare = await share(megan, 'Inclusive *design* patterns', 45);
    await share(third, 'Writing useful PR descriptions', 20);
    await service.services.sharing.vote({ tenantId: DEMO_TENANT_ID, userId: alex.userId }, team.id, meganShare, {
      kind: 'toggle',
      field: 'helpful',
    });

    await runAt('2026-12-04T14:58:00Z');
    expect(roundups()).toHaveLength(0);
    await runAt('2026-12-04T15:01:00Z');
    expect(roundups()).toHaveLength(1);
    const check = expectValidTeamsCard(roundups()[0]!.activity.attachments?.[0]?.content);
    expect(check.renderedText).toContain('What Product Design learned this week');
    expect(check.renderedText).toContain('2 people logged learning this week, 1 hr 5 min in all.');
    // The most helpful first, what the sharer wrote escaped.
    expect(check.renderedText.indexOf('Inclusive')).toBeLessThan(check.renderedText.indexOf('Writing useful'));
    expect(JSON.stringify(roundups()[0]!.activity)).toContain('Inclusive \\\\*design\\\\* patterns');
    expect(check.renderedText).toContain('Megan Bowen; 1 found it helpful');
    expect(roundups()[0]!.activity.attachments?.[0]?.content).toMatchObject({
      actions: [{ type: 'Action.Submit', title: 'Share yours', data: { msteams: { type: 'task/fetch' }, learningDialog: 'share' } }],
    });
    const record = await service.stores.sends.get(DEMO_TENANT_ID, team.id, '2026-W49', 'roundup');
    expect(record).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('posts it once, though its queue message comes again and a second instance plans the same minute', async () => {
    await service.queues.sends.send({ kind: 'roundup', tenantId: DEMO_TENANT_ID, userId: team.id, teamId: team.id, cycle: '2026-W49' });
    while ((await service.worker.drainOnce()) > 0);
    await service.services.roundups.planDue({
      kind: 'roundup',
      minute: '202612041500',
      tenantId: DEMO_TENANT_ID,
      userId: team.id,
      teamId: team.id,
      cycle: '2026-W49',
      dueAt: '2026-12-04T15:00:00.000Z',
    });
    // A second instance over the same storage, after the first one's lease ran out.
    const second = buildService(service.config, { logger: pino({ level: 'silent' }), clock: () => now, instanceId: 'second' });
    await runAt('2026-12-04T15:40:00Z', second);
    await runAt('2026-12-04T15:45:00Z');
    expect(roundups()).toHaveLength(1);
  });

  it('posts nothing for a week nobody shared in', async () => {
    await runAt('2026-12-11T15:02:00Z');
    expect(roundups()).toHaveLength(1);
    expect(await service.stores.sends.get(DEMO_TENANT_ID, team.id, '2026-W50', 'roundup')).toMatchObject({ status: 'skipped' });
  });

  it('honours the day a lead picks, and posts that week’s round-up then only', async () => {
    now = new Date('2026-12-12T10:00:00Z');
    expect((await settingsPut({ roundupEnabled: true, roundupWeekday: 2 })).status).toBe(200);
    now = new Date('2026-12-14T10:00:00Z');
    await share(megan, 'Accessible colour contrast');
    await runAt('2026-12-15T14:59:00Z');
    expect(roundups()).toHaveLength(1);
    await runAt('2026-12-15T15:01:00Z');
    expect(roundups()).toHaveLength(2);
    expect(JSON.stringify(roundups()[1]!.activity)).toContain('Accessible colour contrast');
    // Not on the Friday as well.
    await runAt('2026-12-18T15:05:00Z');
    expect(roundups()).toHaveLength(2);
  });

  it('stops once a lead turns it off', async () => {
    now = new Date('2026-12-19T10:00:00Z');
    const off = await settingsPut({ roundupEnabled: false, roundupWeekday: 2 });
    expect(off.status).toBe(200);
    expect(await off.json()).toMatchObject({ settings: { roundup: { enabled: false, weekday: 2 } } });
    expect(await service.stores.dueIndex.hasRoundup(DEMO_TENANT_ID, team.id)).toBe(false);
    now = new Date('2026-12-21T10:00:00Z');
    await share(megan, 'Design critiques that help');
    await runAt('2026-12-22T15:05:00Z');
    expect(roundups()).toHaveLength(2);
  });

  it('takes an erased sharer’s share out of the round-ups already posted', async () => {
    const first = roundups()[0]!;
    const id = (await service.stores.sends.get(DEMO_TENANT_ID, team.id, '2026-W49', 'roundup'))!.activityId!;
    expect(JSON.stringify(first.activity)).toContain('Writing useful PR descriptions');
    await service.services.myData.erase({ tenantId: DEMO_TENANT_ID, userId: third.userId });
    const updates = connector.updated.filter((u) => u.conversationId === DEMO_SHARES_CHANNEL && u.activityId === id);
    expect(updates).toHaveLength(1);
    const wire = JSON.stringify(updates[0]!.activity);
    expect(wire).toContain('What Product Design learned this week');
    expect(wire).toContain('Inclusive');
    expect(wire).not.toContain('Writing useful PR descriptions');
    expect(wire).not.toContain(third.displayName);
  });

  it('answers a bad round-up field with a 400 naming it, and keeps the settings', async () => {
    const res = await settingsPut({ roundupEnabled: 'maybe', roundupWeekday: 8 });
    expect(res.status).toBe(400);
    expect(fieldsOf(await problemOf(res))).toEqual(['roundupEnabled', 'roundupWeekday']);
    const after = (await (
      await fetch(`${service.baseUrl}/api/v1/teams/${encodeURIComponent(team.id)}/settings`, { headers: asDemoPerson(alex.userId) })
    ).json()) as { settings: { roundup: unknown } };
    expect(after.settings.roundup).toEqual({ enabled: false, weekday: 2 });
  });
});
