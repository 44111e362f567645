import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PEOPLE, DEMO_TEAM, DEMO_TENANT_ID } from '../../bot/demo/demo-team.js';
import { DEMO_SHARES_CHANNEL } from '../../bot/demo/seed-demo-shares.js';
import { seedDemoData } from '../../bot/demo/seed-demo-data.js';
import { DIGEST_NUDGE_VERB } from '../../bot/cards/digest-card.js';
import { cardActionActivity, messageActivity } from '../../bot/testing/activities.js';
import { expectValidTeamsCard } from '../../bot/testing/card-validation.js';
import { startFakeConnector } from '../../bot/testing/fake-connector.js';
import { digestCycle } from '../../bot/store/send-store.js';
import { startTestService, type RunningTestService } from '../../bot/testing/test-service.js';
import { buildService, type Service } from '../../bot/service.js';
import { CheckInScheduler } from '../../bot/services/check-in-scheduler.js';
import { pino } from 'pino';

const [alex, megan] = [DEMO_PEOPLE[0]!, DEMO_PEOPLE[1]!];
const TEAMS_APP_ID = '5f1c9a3e-2b7d-4e8a-9c61-0d2f4b8e7a15';
const account = (p: (typeof DEMO_PEOPLE)[number]) => ({ id: p.teamsUserId, aadObjectId: p.userId, name: p.displayName });
type Instance = Pick<Service, 'stores' | 'queues' | 'planner' | 'services' | 'worker'>;

describe('the weekly digest to each lead (Azurite, local Bot Connector)', () => {
  let service: RunningTestService;
  let connector: Awaited<ReturnType<typeof startFakeConnector>>;
  // Monday 30 November 2026, 09:10 in London: the demo team's digest hour.
  let now = new Date('2026-11-30T09:10:00Z');
  const digestsToAlex = () =>
    connector.sent.filter((s) => s.conversationId === `a:personal-${alex.userId}` && JSON.stringify(s.activity).includes('Your week in'));
  async function post(activity: unknown): Promise<unknown> {
    const res = await fetch(`${service.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
    const text = await res.text();
    return text ? (JSON.parse(text) as { value?: unknown }).value : undefined;
  }

  beforeAll(async () => {
    connector = await startFakeConnector();
    service = await startTestService({ teamsAppId: TEAMS_APP_ID }, { clock: () => now });
    await seedDemoData({ ...service, now: new Date('2026-11-28T12:00:00Z') });
    for (const p of [alex, megan])
      await post(messageActivity('help', { serviceUrl: connector.serviceUrl, from: account(p), conversationId: `a:personal-${p.userId}` }));
  }, 60_000);
  afterAll(async () => {
    await service.stop();
    await connector.stop();
  });

  const digestsTo = (p: (typeof DEMO_PEOPLE)[number]) =>
    connector.sent.filter((s) => s.conversationId === `a:personal-${p.userId}` && JSON.stringify(s.activity).includes('Your week in'));
  /** An instance's scheduler, catching up half an hour at most: the test jumps days, and walking each minute of them is slow. */
  const schedulerOf = (on: Instance, instanceId: string) =>
    new CheckInScheduler({
      leases: on.stores.leases,
      dueIndex: on.stores.dueIndex,
      sends: on.stores.sends,
      queue: on.queues.sends,
      planner: on.planner,
      digests: on.services.digests,
      clock: () => now,
      instanceId,
      logger: pino({ level: 'silent' }),
      maxCatchUpMinutes: 30,
    });
  let scheduler: CheckInScheduler;
  /** What the background jobs do at `at`: a scheduler tick, then the send worker until the queue is empty. */
  async function runAt(at: string, on: { scheduler: CheckInScheduler; worker: Service['worker'] } = { scheduler, worker: service.worker }) {
    now = new Date(at);
    await on.scheduler.tick();
    while ((await on.worker.drainOnce()) > 0);
  }

  it('files a digest for a team set up before digests were filed, once, and sends each lead one when the team’s digest hour has come, and only then', async () => {
    scheduler = schedulerOf(service, 'first');
    now = new Date('2026-11-30T08:40:00Z');
    // The demo team was written straight to storage, as a team set up before this release: the walk files its digest.
    expect(await service.stores.dueIndex.digestMinute(DEMO_TENANT_ID, DEMO_TEAM.id)).toBeUndefined();
    expect(await service.services.digests.fileExistingTeams()).toBe(1);
    expect(await service.stores.dueIndex.digestMinute(DEMO_TENANT_ID, DEMO_TEAM.id)).toBe('202611300900');
    // Once through, the walk never reads the teams again.
    expect(await service.services.digests.fileExistingTeams()).toBe(0);
    await runAt('2026-11-30T08:40:00Z');
    expect(digestsToAlex()).toHaveLength(0);
    await runAt('2026-11-30T09:10:00Z');
    expect(digestsToAlex()).toHaveLength(1);
    await runAt('2026-11-30T09:25:00Z');
    expect(digestsToAlex()).toHaveLength(1);
    // Next week's window is filed in its place.
    expect(await service.stores.dueIndex.digestMinute(DEMO_TENANT_ID, DEMO_TEAM.id)).toBe('202612070900');
    const [digest] = digestsToAlex();
    const check = expectValidTeamsCard(digest!.activity.attachments?.[0]?.content);
    expect(check.renderedText).toContain('Your week in Product Design');
    expect(check.renderedText).toContain('Week 2026-W48');
    expect(check.renderedText).toContain('Most helpful shares');
    expect(check.renderedText).toContain('Needs a follow-up');
    // The last button opens the team's dashboard tab in Teams, the team named in the deep link's context.
    const open = (
      digest!.activity.attachments?.[0]?.content as { actions: Array<{ type: string; title: string; url?: string }> }
    ).actions.at(-1)!;
    expect(open).toMatchObject({ type: 'Action.OpenUrl', title: 'Open the dashboard' });
    const link = new URL(open.url!);
    expect(`${link.origin}${link.pathname}`).toBe(`https://teams.microsoft.com/l/entity/${TEAMS_APP_ID}/team-dashboard`);
    expect(JSON.parse(link.searchParams.get('context')!)).toEqual({ subEntityId: DEMO_TEAM.id });
  });

  it('nudges a member straight from the digest, and the digest says so', async () => {
    const card = digestsToAlex()[0]!.activity.attachments?.[0]?.content as {
      actions?: Array<{ title: string; data: { teamId: string; userId: string } }>;
    };
    const target = card.actions?.[0] ?? { title: `Nudge ${megan.displayName}`, data: { teamId: DEMO_TEAM.id, userId: megan.userId } };
    const answered = await post(
      cardActionActivity(DIGEST_NUDGE_VERB, target.data, { serviceUrl: connector.serviceUrl, from: account(alex) }),
    );
    expect(expectValidTeamsCard(answered).renderedText).toMatch(/Nudge (sent to|recorded;)/);
    const history = await service.services.nudges.historyFor({ tenantId: DEMO_TENANT_ID, userId: alex.userId }, DEMO_TEAM.id);
    expect(history[0]).toMatchObject({ learnerId: target.data.userId, leadId: alex.userId });
    // Pressed again at once: the 12-hour rule answers on the digest instead of a second nudge.
    const again = await post(cardActionActivity(DIGEST_NUDGE_VERB, target.data, { serviceUrl: connector.serviceUrl, from: account(alex) }));
    expect(expectValidTeamsCard(again).renderedText).toContain('less than 12 hours ago');
    // A member cannot nudge through a forged button.
    const forged = await post(
      cardActionActivity(
        DIGEST_NUDGE_VERB,
        { teamId: DEMO_TEAM.id, userId: alex.userId },
        { serviceUrl: connector.serviceUrl, from: account(megan) },
      ),
    );
    expect(expectValidTeamsCard(forged).renderedText).toContain('Only the team’s leads can nudge');
  });

  it('sends a digest Teams refused with a 429 once it is accepted, and records it sent only then', async () => {
    // The next Monday; Teams throttles the first attempt.
    now = new Date('2026-12-07T09:05:00Z');
    connector.refuseNext(1, { status: 429, retryAfter: '0' });
    const before = digestsToAlex().length;
    await scheduler.tick();
    await service.worker.drainOnce();
    expect(digestsToAlex()).toHaveLength(before);
    const record = await service.stores.sends.get(DEMO_TENANT_ID, alex.userId, digestCycle('2026-W49', DEMO_TEAM.id), 'digest');
    expect(record).toMatchObject({ status: 'pending', attempts: 1 });
    await waitFor(async () => {
      await service.worker.drainOnce();
      return digestsToAlex().length > before;
    });
    expect(await service.stores.sends.get(DEMO_TENANT_ID, alex.userId, digestCycle('2026-W49', DEMO_TEAM.id), 'digest')).toMatchObject({
      status: 'sent',
    });
    expect(digestsToAlex()).toHaveLength(before + 1);
  });

  it('gives each lead one digest a week across a restart in the middle of the round', async () => {
    await service.stores.teams.setRole(DEMO_TENANT_ID, DEMO_TEAM.id, megan.userId, 'lead');
    const [alexBefore, meganBefore] = [digestsToAlex().length, digestsTo(megan).length];
    now = new Date('2026-12-14T09:02:00Z');
    // The first instance plans both digests and delivers one of them, then stops before it has
    // finished the minute: the digest's entry is still in the index and the scheduler's place unsaved.
    const [entry] = (await service.stores.dueIndex.listMinute('202612140900')).filter((e) => e.kind === 'digest');
    expect(await service.services.digests.planDue(entry!)).toBe(2);
    await service.worker.drainOnce(1);
    expect(digestsToAlex().length + digestsTo(megan).length - alexBefore - meganBefore).toBe(1);
    // A second instance comes up over the same storage after the first one's lease ran out, and plans that minute again.
    const second = buildService(service.config, { logger: pino({ level: 'silent' }), clock: () => now, instanceId: 'second' });
    const onSecond = { scheduler: schedulerOf(second, 'second'), worker: second.worker };
    await runAt('2026-12-14T09:20:00Z', onSecond);
    await runAt('2026-12-14T09:35:00Z', onSecond);
    expect(digestsToAlex().length - alexBefore).toBe(1);
    expect(digestsTo(megan).length - meganBefore).toBe(1);
    expect(await service.stores.dueIndex.digestMinute(DEMO_TENANT_ID, DEMO_TEAM.id)).toBe('202612210900');
  });

  it('plans once when two instances reach the same window together', async () => {
    const [alexBefore, meganBefore] = [digestsToAlex().length, digestsTo(megan).length];
    const second = buildService(service.config, { logger: pino({ level: 'silent' }), clock: () => now, instanceId: 'second' });
    const secondScheduler = schedulerOf(second, 'second');
    now = new Date('2026-12-21T09:05:00Z');
    const [entry] = (await service.stores.dueIndex.listMinute('202612210900')).filter((e) => e.kind === 'digest');
    const ticks = await Promise.all([scheduler.tick(), secondScheduler.tick()]);
    expect(ticks.filter((t) => t.held)).toHaveLength(1);
    // Both instances' send workers deliver, each digest once.
    await Promise.all([service.worker.drainOnce(), second.worker.drainOnce()]);
    while ((await service.worker.drainOnce()) + (await second.worker.drainOnce()) > 0);
    // The same entry handed over again once sent (a late duplicate) queues nothing.
    expect(await second.services.digests.planDue(entry!)).toBe(0);
    expect(digestsToAlex().length - alexBefore).toBe(1);
    expect(digestsTo(megan).length - meganBefore).toBe(1);
  });

  it('sends the digest at the new time once a lead moves the team to another time zone', async () => {
    const [alexBefore, meganBefore] = [digestsToAlex().length, digestsTo(megan).length];
    now = new Date('2026-12-22T10:00:00Z');
    const saved = await service.services.teams.updateSchedule({ tenantId: DEMO_TENANT_ID, userId: alex.userId }, DEMO_TEAM.id, {
      cadence: 'weekly',
      weekday: 5,
      localTime: '16:00',
      timeZone: 'America/New_York',
      reminderAfterHours: 24,
      sharesChannelId: DEMO_SHARES_CHANNEL,
    });
    expect(saved.ok).toBe(true);
    // Monday 09:00 in New York is 14:00 UTC in December.
    expect(await service.stores.dueIndex.digestMinute(DEMO_TENANT_ID, DEMO_TEAM.id)).toBe('202612281400');
    expect(await service.stores.dueIndex.listMinute('202612280900')).toEqual([]);
    await runAt('2026-12-28T09:05:00Z');
    expect(digestsToAlex().length - alexBefore).toBe(0);
    await runAt('2026-12-28T14:05:00Z');
    expect(digestsToAlex().length - alexBefore).toBe(1);
    expect(digestsTo(megan).length - meganBefore).toBe(1);
  });
});

async function waitFor(done: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 100));
  }
}
