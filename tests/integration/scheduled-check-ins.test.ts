import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PEOPLE, DEMO_TENANT_ID } from '../../bot/demo/demo-team.js';
import { scheduledCardId } from '../../bot/services/scheduled-card-id.js';
import { cardActionActivity, inTeamChannel, installActivity, messageActivity } from '../../bot/testing/activities.js';
import { startFakeConnector } from '../../bot/testing/fake-connector.js';
import { startTestService, type RunningTestService } from '../../bot/testing/test-service.js';

const team = { id: '19:product-design@thread.tacv2', name: 'Product Design' };
type Account = { id: string; aadObjectId: string; name: string };
const people = DEMO_PEOPLE.slice(0, 5);
const account = (p: (typeof DEMO_PEOPLE)[number]): Account => ({ id: p.teamsUserId, aadObjectId: p.userId, name: p.displayName });
const [alex, megan, adele, isaiah, patti] = people.map(account) as [Account, Account, Account, Account, Account];

describe('scheduled check-ins, reminders and pauses (Azurite, local Bot Connector, moving clock)', () => {
  let service: RunningTestService;
  let connector: Awaited<ReturnType<typeof startFakeConnector>>;
  let now = new Date('2026-11-25T10:00:00Z'); // a Wednesday

  const post = async (activity: unknown) => {
    const res = await fetch(`${service.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
    const text = await res.text();
    return text ? (JSON.parse(text) as { value?: unknown }) : {};
  };
  const from = (who: Account) => ({ serviceUrl: connector.serviceUrl, from: who });
  /** Runs the scheduler and drains the queue, as the background jobs would at this moment. */
  const runJobsAt = async (at: string) => {
    now = new Date(at);
    await service.scheduler.tick();
    while ((await service.worker.drainOnce()) > 0);
  };
  const cardsTo = (who: Account, title: string) =>
    connector.sent.filter((s) => s.conversationId === `a:personal-${who.id}` && JSON.stringify(s.activity).includes(title)).length;

  beforeAll(async () => {
    connector = await startFakeConnector(
      {
        [team.id]: { members: people.map(account), channels: [{ id: team.id }, { id: '19:shares@thread.tacv2', name: 'Learning shares' }] },
      },
      { blockedUsers: [patti.id] },
    );
    service = await startTestService({}, { clock: () => now });
    await service.queues.sends.create();
    await service.queues.poison.create();
    await post(inTeamChannel(installActivity(from(alex)), team));
    // Megan chatted with the bot from New York: her own zone wins over the team's.
    await post({
      ...messageActivity('hello', { ...from(megan), conversationId: `a:personal-${megan.id}` }),
      localTimezone: 'America/New_York',
    });
    await post(
      inTeamChannel(
        cardActionActivity(
          'team.setup.submit',
          {
            cadence: 'weekly',
            weekday: '5',
            localTime: '16:00',
            timeZone: 'Europe/London',
            reminderAfterHours: '24',
            sharesChannelId: '19:shares@thread.tacv2',
          },
          from(alex),
        ),
        team,
      ),
    );
  }, 60_000);
  afterAll(async () => {
    await service.stop();
    await connector.stop();
  });

  it('sends each learner one check-in at their own local time, and never twice', async () => {
    // Adele set a goal before the check-in was due: the scheduled card asks about it; Isaiah's, with no goal, does not.
    await service.services.goals.add(
      { tenantId: DEMO_TENANT_ID, userId: adele.aadObjectId },
      { what: 'Finish the SQL course', targetDate: '2027-01-31' },
    );
    await runJobsAt('2026-11-27T16:01:00Z');
    for (const who of [alex, adele, isaiah]) expect(cardsTo(who, 'Time for your check-in')).toBe(1);
    expect(cardsTo(adele, 'Finish the SQL course')).toBe(1);
    expect(cardsTo(isaiah, 'How is your goal going?')).toBe(0);
    // 16:00 in New York is 21:00 UTC.
    expect(cardsTo(megan, 'Time for your check-in')).toBe(0);
    await runJobsAt('2026-11-27T21:01:00Z');
    expect(cardsTo(megan, 'Time for your check-in')).toBe(1);
    await runJobsAt('2026-11-27T21:05:00Z');
    for (const who of [alex, megan, adele, isaiah]) expect(cardsTo(who, 'Time for your check-in')).toBe(1);
  });

  it('records a blocked learner once and does not retry', async () => {
    const record = await service.stores.sends.get(DEMO_TENANT_ID, DEMO_PEOPLE[4]!.userId, '2026-W48', 'checkin');
    expect(record).toMatchObject({ status: 'blocked', attempts: 1 });
    expect(cardsTo(patti, 'Time for your check-in')).toBe(0);
  });

  it('an answer stops the reminder; the others get exactly one reminder', async () => {
    const cardId = scheduledCardId(DEMO_TENANT_ID, DEMO_PEOPLE[2]!.userId, '2026-W48');
    const saved = await post(
      cardActionActivity('checkin.submit', { cardId, cycle: '2026-W48', what: 'Reading on DST bugs', sourceType: 'article' }, from(adele)),
    );
    expect(JSON.stringify(saved)).toContain('Check-in streak: 1 in a row');
    const isaiahCard = scheduledCardId(DEMO_TENANT_ID, DEMO_PEOPLE[3]!.userId, '2026-W48');
    const nothing = await post(cardActionActivity('checkin.nothing', { cardId: isaiahCard, cycle: '2026-W48' }, from(isaiah)));
    expect(JSON.stringify(nothing)).toContain('Noted: nothing this time');

    await runJobsAt('2026-11-28T16:01:00Z');
    await runJobsAt('2026-11-28T21:01:00Z');
    await runJobsAt('2026-11-28T21:30:00Z');
    expect(cardsTo(alex, 'A gentle reminder')).toBe(1);
    expect(cardsTo(megan, 'A gentle reminder')).toBe(1);
    expect(cardsTo(adele, 'A gentle reminder')).toBe(0);
    expect(cardsTo(isaiah, 'A gentle reminder')).toBe(0);
  });

  it('counts the week on the lead’s dashboard as it went, from the deliveries and answers themselves', async () => {
    const res = await fetch(`${service.baseUrl}/api/v1/teams/${encodeURIComponent(team.id)}/dashboard?weeks=4`, {
      headers: { 'x-local-tenant-id': DEMO_TENANT_ID, 'x-local-user-id': DEMO_PEOPLE[0]!.userId },
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      weeks: Array<{ week: string; responded: number; nothing: number; noAnswer: number; entries: number }>;
    };
    // Adele answered with learning, Isaiah with "nothing this week", Alex and Megan not yet; Patti blocked the bot, so was never asked.
    expect(body.weeks.find((w) => w.week === '2026-W48')).toMatchObject({ responded: 1, nothing: 1, noAnswer: 2, entries: 1 });
  });

  it('refuses an answer to someone else’s check-in', async () => {
    const alexCard = scheduledCardId(DEMO_TENANT_ID, DEMO_PEOPLE[0]!.userId, '2026-W48');
    const forged = await post(cardActionActivity('checkin.nothing', { cardId: alexCard, cycle: '2026-W48' }, from(megan)));
    expect(JSON.stringify(forged)).toContain('not yours to answer');
    expect((await service.stores.sends.get(DEMO_TENANT_ID, DEMO_PEOPLE[0]!.userId, '2026-W48', 'checkin'))?.respondedAt).toBeUndefined();
  });

  // Two weeks of the scheduler's minutes: slow on a busy machine, and time is not what it tests.
  it('skips a paused learner and picks them up again after resume', { timeout: 60_000 }, async () => {
    await post(messageActivity('pause', { ...from(adele), conversationId: `a:personal-${adele.id}` }));
    await runJobsAt('2026-12-04T16:01:00Z');
    expect(cardsTo(alex, 'Time for your check-in')).toBe(2);
    expect(cardsTo(adele, 'Time for your check-in')).toBe(1);
    await post(messageActivity('resume', { ...from(adele), conversationId: `a:personal-${adele.id}` }));
    await runJobsAt('2026-12-11T16:01:00Z');
    expect(cardsTo(adele, 'Time for your check-in')).toBe(2);
  });
  it('"Remind me tomorrow" replaces the automatic reminder with one a day later', async () => {
    const alexCard = scheduledCardId(DEMO_TENANT_ID, DEMO_PEOPLE[0]!.userId, '2026-W50');
    await runJobsAt('2026-12-11T20:00:00Z'); // Alex reads the check-in that evening
    const snoozed = await post(cardActionActivity('checkin.snooze', { cardId: alexCard, cycle: '2026-W50' }, from(alex)));
    expect(JSON.stringify(snoozed)).toContain('I’ll remind you tomorrow');
    const before = cardsTo(alex, 'A gentle reminder');
    await runJobsAt('2026-12-12T16:01:00Z'); // the automatic reminder's time: it stands down
    expect(cardsTo(alex, 'A gentle reminder')).toBe(before);
    await runJobsAt('2026-12-12T20:01:00Z'); // a day after the snooze
    expect(cardsTo(alex, 'A gentle reminder')).toBe(before + 1);
  });
});
