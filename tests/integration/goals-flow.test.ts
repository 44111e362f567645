import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PEOPLE, DEMO_TENANT_ID } from '../../bot/demo/demo-team.js';
import { GOAL_SUBMIT_VERB } from '../../bot/cards/goal-cards.js';
import { DEMO_TEAM } from '../../bot/demo/demo-team.js';
import { seedDemoData } from '../../bot/demo/seed-demo-data.js';
import type { DashboardResponse } from '../../bot/contract/api.js';
import type { Goal } from '../../bot/contract/goal-rules.js';
import { cardActionActivity, messageActivity } from '../../bot/testing/activities.js';
import { expectValidTeamsCard } from '../../bot/testing/card-validation.js';
import { startFakeConnector } from '../../bot/testing/fake-connector.js';
import { startTestService, type RunningTestService } from '../../bot/testing/test-service.js';
import { fieldsOf, problemOf } from '../support/problem.js';

const alex = DEMO_PEOPLE[0]!;
let now = new Date('2026-11-28T12:00:00Z');

describe('learning goals: set by card or API, asked about at every check-in (Azurite, local Bot Connector)', () => {
  let service: RunningTestService;
  let connector: Awaited<ReturnType<typeof startFakeConnector>>;
  const from = () => ({ serviceUrl: connector.serviceUrl });
  const headers = { 'x-local-tenant-id': DEMO_TENANT_ID, 'x-local-user-id': alex.userId, 'content-type': 'application/json' };

  beforeAll(async () => {
    connector = await startFakeConnector();
    service = await startTestService({}, { clock: () => now });
    // Alex leads the demo team, whose dashboard shows goals that need a follow-up.
    await seedDemoData({ ...service, now });
    await post(messageActivity('help', from()));
  });
  afterAll(async () => {
    await service.stop();
    await connector.stop();
  });

  async function post(activity: unknown): Promise<unknown> {
    const res = await fetch(`${service.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
    const text = await res.text();
    return text ? (JSON.parse(text) as { value?: unknown }).value : undefined;
  }
  const lastCard = () => connector.sent.at(-1)?.activity.attachments?.[0]?.content as { actions: Array<{ data: Record<string, unknown> }> };
  const myGoals = async () => ((await (await fetch(`${service.baseUrl}/api/v1/me/goals`, { headers })).json()) as { goals: Goal[] }).goals;

  it('"goal add" opens the goal form; a past date comes back with the problem and the words kept, and saves nothing', async () => {
    await post(messageActivity('goal add', from()));
    expect(expectValidTeamsCard(lastCard()).renderedText).toContain('Set a learning goal');
    const rejected = await post(
      cardActionActivity(GOAL_SUBMIT_VERB, { what: 'Run a usability test', why: 'Stop guessing', targetDate: '2026-11-01' }, from()),
    );
    const check = expectValidTeamsCard(rejected);
    expect(check.renderedText).toContain('The target date has passed');
    expect(check.inputValues).toMatchObject({ what: 'Run a usability test', why: 'Stop guessing' });
    expect(await myGoals()).toEqual([]);
  });

  it('saves a goal from the card and lists it for the learner', async () => {
    const saved = await post(
      cardActionActivity(
        GOAL_SUBMIT_VERB,
        {
          what: 'Run a usability test',
          why: 'Stop guessing',
          targetDate: '2027-01-31',
          resources: 'https://www.nngroup.com/articles/usability-testing-101/',
        },
        from(),
      ),
    );
    expect(expectValidTeamsCard(saved).renderedText).toContain('Goal saved');
    expect(await myGoals()).toEqual([
      expect.objectContaining({ what: 'Run a usability test', targetDate: '2027-01-31', progress: [], closedAt: null }),
    ]);
  });

  it('asks about the goal at the next check-in and records the progress with the entry', async () => {
    await post(messageActivity('check in', from()));
    const card = lastCard();
    const check = expectValidTeamsCard(card);
    const [goal] = await myGoals();
    expect(check.renderedText).toContain('How is your goal going?');
    expect(check.renderedText).toContain('Run a usability test');
    expect(check.inputIds).toContain(`goal.${goal!.goalId}.state`);
    const cardId = card.actions[0]!.data.cardId as string;

    // A note without saying how it is going is sent back, and neither the entry nor the progress is saved.
    const rejected = await post(
      cardActionActivity(
        'checkin.submit',
        { cardId, what: 'Read about test scripts', sourceType: 'article', [`goal.${goal!.goalId}.note`]: 'Recruiting is slow' },
        from(),
      ),
    );
    const again = expectValidTeamsCard(rejected);
    expect(again.renderedText).toContain('Choose how this goal is going');
    expect(again.inputValues).toMatchObject({ what: 'Read about test scripts', [`goal.${goal!.goalId}.note`]: 'Recruiting is slow' });
    expect(await service.stores.entries.findBySubmission(DEMO_TENANT_ID, alex.userId, cardId)).toBeUndefined();

    await post(
      cardActionActivity(
        'checkin.submit',
        {
          cardId,
          what: 'Read about test scripts',
          sourceType: 'article',
          [`goal.${goal!.goalId}.state`]: 'behind',
          [`goal.${goal!.goalId}.note`]: 'Recruiting is slow',
        },
        from(),
      ),
    );
    const [after] = await myGoals();
    expect(after!.progress).toEqual([expect.objectContaining({ state: 'behind', note: 'Recruiting is slow' })]);
    expect(await service.stores.entries.findBySubmission(DEMO_TENANT_ID, alex.userId, cardId)).toBeDefined();
  });

  it('closes a goal reported done, so the next check-in no longer asks', async () => {
    const [goal] = await myGoals();
    await post(messageActivity('check in', from()));
    const cardId = lastCard().actions[0]!.data.cardId as string;
    await post(
      cardActionActivity(
        'checkin.submit',
        { cardId, what: 'Ran the test', sourceType: 'on-the-job', [`goal.${goal!.goalId}.state`]: 'done' },
        from(),
      ),
    );
    expect((await myGoals())[0]!.closedAt).not.toBeNull();
    await post(messageActivity('check in', from()));
    expect(expectValidTeamsCard(lastCard()).renderedText).not.toContain('How is your goal going?');
  });

  it('takes goals through the API with the same rules: 400 naming each problem, nothing saved', async () => {
    const before = (await myGoals()).length;
    const bad = await fetch(`${service.baseUrl}/api/v1/me/goals`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ what: ' ', targetDate: '2027-02-30', resources: ['ftp://x'] }),
    });
    expect(bad.status).toBe(400);
    expect(fieldsOf(await problemOf(bad))).toEqual(['resources', 'targetDate', 'what']);
    const good = await fetch(`${service.baseUrl}/api/v1/me/goals`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ what: 'Pair on code review', targetDate: '2026-12-31' }),
    });
    expect(good.status).toBe(201);
    expect((await myGoals()).length).toBe(before + 1);
  });

  it('flags a member whose goal is past its date on the lead’s dashboard', async () => {
    const dashboard = async () =>
      (
        (await (
          await fetch(`${service.baseUrl}/api/v1/teams/${encodeURIComponent(DEMO_TEAM.id)}/dashboard?weeks=4`, { headers })
        ).json()) as DashboardResponse
      ).members.find((m) => m.userId === alex.userId);
    expect((await dashboard())?.followUpReason ?? '').not.toContain('Goal');
    now = new Date('2027-01-02T12:00:00Z');
    expect(await dashboard()).toMatchObject({ needsFollowUp: true, followUpReason: 'Goal “Pair on code review” is overdue' });
  });
});
