import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FOLLOW_UP_CLOSE_VERB, followUpNoteInputId } from '../../bot/cards/follow-up-cards.js';
import { NUDGE_REPLY_VERB } from '../../bot/cards/nudge-cards.js';
import { DEMO_PEOPLE, DEMO_TENANT_ID } from '../../bot/demo/demo-team.js';
import { nextBehindSlot } from '../../bot/domain/lead-expectation.js';
import type { SendWork } from '../../bot/services/send-work.js';
import { cardActionActivity, inTeamChannel, installActivity, messageActivity } from '../../bot/testing/activities.js';
import { startFakeConnector } from '../../bot/testing/fake-connector.js';
import { freshTestStorage } from '../../bot/testing/test-storage.js';
import { movingClockInstances, postTo, type Instance } from '../support/moving-clock-instances.js';
import type { StorageConfig } from '../../bot/config.js';

const team = { id: '19:behind@thread.tacv2', name: 'Product Design' };
const otherTeam = { id: '19:on-time@thread.tacv2', name: 'Customer Success' };
type Account = { id: string; aadObjectId: string; name: string };
const account = (p: (typeof DEMO_PEOPLE)[number]): Account => ({ id: p.teamsUserId, aadObjectId: p.userId, name: p.displayName });
const [alex, megan, isaiah] = [DEMO_PEOPLE[0]!, DEMO_PEOPLE[1]!, DEMO_PEOPLE[3]!].map(account) as [Account, Account, Account];
const MINUTE = 60_000;
const WEEK = 7 * 86_400_000;
const WEEKLY = 'waited longer than expected';

describe('a lead behind the expectation gets one reminder a week, across restarts and re-delivered messages (Azurite, local Bot Connector, moving clock)', () => {
  let storage: StorageConfig;
  let connector: Awaited<ReturnType<typeof startFakeConnector>>;
  let now = new Date('2026-11-02T09:00:00Z');
  const instances = movingClockInstances(
    () => storage,
    () => now,
  );
  const { running, start } = instances;
  const post = postTo;
  const from = (who: Account) => ({ serviceUrl: connector.serviceUrl, from: who, conversationId: `a:personal-${who.id}` });
  const sentTo = (who: Account, text: string) =>
    connector.sent.filter((s) => s.conversationId === `a:personal-${who.id}` && JSON.stringify(s.activity).includes(text));
  const runJobsAt = async (on: Instance[], at: Date) => {
    now = at;
    await instances.runJobs(on);
  };
  const drain = async (on: Instance) => {
    while ((await on.worker.drainOnce()) > 0);
  };
  const restart = async (instanceId: string) => {
    await Promise.all(running.map((i) => i.stop()));
    running.length = 0;
    return start(instanceId);
  };
  /** A learner answers a lead's nudge, opening a follow-up for the team's leads. */
  const openFollowUp = async (on: Instance, lead: Account, teamId: string, learner: Account, answer: 'need-help' | 'lets-talk') => {
    const nudge = await on.services.nudges.nudge({ tenantId: DEMO_TENANT_ID, userId: lead.aadObjectId }, teamId, learner.aadObjectId, {
      note: 'How is it going?',
    });
    now = new Date(now.getTime() + 60 * MINUTE);
    await post(on, cardActionActivity(NUDGE_REPLY_VERB, { teamId, nudgeId: nudge.nudgeId, answer }, from(learner)));
    return nudge.nudgeId;
  };

  beforeAll(async () => {
    ({ storage } = await freshTestStorage());
    connector = await startFakeConnector({
      [team.id]: { members: [alex, megan, isaiah], channels: [{ id: team.id }] },
      [otherTeam.id]: { members: [isaiah, megan], channels: [{ id: otherTeam.id }] },
    });
    const first = await start('first');
    await first.queues.sends.create();
    await first.queues.poison.create();
    // Whoever adds the app leads the team: Alex leads Product Design, Isaiah Customer Success.
    await post(first, inTeamChannel(installActivity({ serviceUrl: connector.serviceUrl, from: alex }), team));
    await post(first, inTeamChannel(installActivity({ serviceUrl: connector.serviceUrl, from: isaiah }), otherTeam));
    for (const who of [alex, megan, isaiah]) await post(first, messageActivity('hello', from(who)));
  }, 60_000);
  afterAll(async () => {
    await Promise.all(running.map((i) => i.stop()));
    await connector.stop();
  });

  it(
    'sends Alex one card the week his follow-up is overdue whatever restarts and duplicates, none to Isaiah who closed his in time, and none once it is closed',
    { timeout: 150_000 },
    async () => {
      let on = running[0]!;
      expect((await on.stores.teams.getMember(DEMO_TENANT_ID, otherTeam.id, isaiah.aadObjectId))?.role).toBe('lead');
      // Megan asks both her leads for help on the same day; Isaiah closes his at once, Alex does not.
      now = new Date('2026-12-01T10:00:00Z');
      const overdueId = await openFollowUp(on, alex, team.id, megan, 'need-help');
      const openedAt = new Date(now);
      const inTimeId = await openFollowUp(on, isaiah, otherTeam.id, megan, 'lets-talk');
      await on.services.followUps.close({ tenantId: DEMO_TENANT_ID, userId: isaiah.aadObjectId }, otherTeam.id, inTimeId, 'We talked');
      await drain(on);

      // Alex's weekly slot is the first after the follow-up falls overdue (seven days by default).
      const zone = (await on.stores.users.get(DEMO_TENANT_ID, alex.aadObjectId))?.timeZone;
      const slot = nextBehindSlot(zone, new Date(openedAt.getTime() + WEEK));
      expect(slot.dueAt.getTime()).toBeGreaterThan(openedAt.getTime() + WEEK);
      await runJobsAt([on], new Date(slot.dueAt.getTime() - 60 * MINUTE));
      expect(sentTo(alex, WEEKLY)).toHaveLength(0);

      // The slot falls due while the service restarts.
      on = await restart('second');
      await runJobsAt([on], new Date(slot.dueAt.getTime() + 2 * MINUTE));
      const cards = sentTo(alex, WEEKLY);
      expect(cards).toHaveLength(1);
      const card = JSON.stringify(cards[0]!.activity);
      expect(card).toContain('1 follow-up has waited longer than expected');
      expect(card).toContain('within 7 days');
      expect(card).toContain('Megan Bowen');
      expect(card).toContain(followUpNoteInputId(overdueId));
      expect(sentTo(isaiah, WEEKLY)).toHaveLength(0);
      // Recorded as the lead's other reminders are: one send record for the week, sent.
      expect(await on.stores.sends.get(DEMO_TENANT_ID, alex.aadObjectId, slot.week, 'behind-reminder')).toMatchObject({
        status: 'sent',
        attempts: 1,
      });

      // Another restart, the same week: a second run, the queue message delivered again, and the slot filed again, send nothing more.
      on = await restart('third');
      await runJobsAt([on], new Date(slot.dueAt.getTime() + 3 * 60 * MINUTE));
      const again: SendWork = {
        kind: 'behind-reminder',
        tenantId: DEMO_TENANT_ID,
        userId: alex.aadObjectId,
        cycle: slot.week,
        teamId: team.id,
      };
      await on.queues.sends.send(again);
      await on.queues.sends.send(again);
      await drain(on);
      await on.services.followUps.answered(
        (await on.stores.nudges.listTeam(DEMO_TENANT_ID, team.id, 10)).find((n) => n.nudgeId === overdueId)!,
        'need-help',
        openedAt.toISOString(),
      );
      await runJobsAt([on], new Date(slot.dueAt.getTime() + 10 * 60 * MINUTE));
      expect(sentTo(alex, WEEKLY)).toHaveLength(1);
      expect(sentTo(isaiah, WEEKLY)).toHaveLength(0);

      // Still behind a week later: that week's one card.
      await runJobsAt([on], new Date(slot.dueAt.getTime() + WEEK + 2 * MINUTE));
      expect(sentTo(alex, WEEKLY)).toHaveLength(2);
      expect(JSON.stringify(sentTo(alex, WEEKLY)[1]!.activity)).toContain('1 follow-up has waited longer than expected');

      // Alex closes it from the weekly card, with the note typed in its box there.
      const closed = await post(
        on,
        cardActionActivity(
          FOLLOW_UP_CLOSE_VERB,
          { teamId: team.id, followUpId: overdueId, [followUpNoteInputId(overdueId)]: 'Sent a course' },
          from(alex),
        ),
      );
      expect(JSON.stringify(closed.value)).toContain('Alex Wilber closed Megan Bowen’s follow-up');
      expect(JSON.stringify(sentTo(megan, 'closed your follow-up').at(-1)?.activity)).toContain('Sent a course');

      // The week after: no longer behind, so nothing.
      on = await restart('fourth');
      await runJobsAt([on], new Date(slot.dueAt.getTime() + 2 * WEEK + 2 * MINUTE));
      expect(sentTo(alex, WEEKLY)).toHaveLength(2);
      expect(sentTo(isaiah, WEEKLY)).toHaveLength(0);
      expect(
        await on.stores.sends.get(
          DEMO_TENANT_ID,
          alex.aadObjectId,
          nextBehindSlot(zone, new Date(slot.dueAt.getTime() + WEEK)).week,
          'behind-reminder',
        ),
      ).toBeUndefined();
    },
  );
});
