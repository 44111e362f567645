import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION_ANSWER_VERB } from '../../bot/cards/ask-how-it-went-card.js';
import type { AwaitingActionsResponse, FollowThroughFigures } from '../../bot/contract/follow-through.js';
import type { MySummaryResponse } from '../../bot/contract/api.js';
import type { DashboardResponse } from '../../bot/contract/dashboard-view.js';
import type { LearningEntry } from '../../bot/contract/learning-entry.js';
import { DEMO_PEOPLE, DEMO_TEAM, DEMO_TENANT_ID } from '../../bot/demo/demo-team.js';
import { seedDemoData } from '../../bot/demo/seed-demo-data.js';
import { followThroughOfEntries } from '../../bot/domain/follow-through.js';
import { cardActionActivity, messageActivity } from '../../bot/testing/activities.js';
import { expectValidTeamsCard } from '../../bot/testing/card-validation.js';
import { startFakeConnector } from '../../bot/testing/fake-connector.js';
import { asDemoPerson, postActivity } from '../../bot/testing/requests.js';
import { startTestService, type RunningTestService } from '../../bot/testing/test-service.js';

const alex = DEMO_PEOPLE[0]!;
/** A member of the demo team with no demo history: every action of hers is one this test planned. */
const nia = { tenantId: DEMO_TENANT_ID, userId: 'f1000000-0000-4000-8000-0000000000a1', teamsUserId: '29:nia', displayName: 'Nia Okafor' };
const account = (p: { teamsUserId: string; userId: string; displayName: string }) => ({
  id: p.teamsUserId,
  aadObjectId: p.userId,
  name: p.displayName,
});
const DAY = 86_400_000;
const team = `/teams/${encodeURIComponent(DEMO_TEAM.id)}`;

type CardJson = { actions: Array<{ data: Record<string, unknown> }> };

describe('results of planned actions (Azurite, local Bot Connector)', () => {
  let service: RunningTestService;
  let connector: Awaited<ReturnType<typeof startFakeConnector>>;
  let now = Date.parse('2026-11-02T09:00:00.000Z');
  const post = (activity: unknown) => postActivity(service.baseUrl, activity);
  const asNia = { serviceUrl: '', from: account(nia), conversationId: `a:personal-${nia.userId}` };
  const api = async <T>(userId: string, path: string, init: RequestInit = {}): Promise<{ status: number; body: T }> => {
    const res = await fetch(`${service.baseUrl}/api/v1${path}`, { ...init, headers: asDemoPerson(userId) });
    return { status: res.status, body: (await res.json()) as T };
  };
  const niasLog = async (): Promise<LearningEntry[]> => service.stores.entries.listAll(DEMO_TENANT_ID, nia.userId);

  /** An entry planning an action, written `daysAgo` before the test's "today", through the service a check-in uses. */
  async function plan(action: string, visibility: 'private' | 'leads' | 'team', daysAgo: number): Promise<LearningEntry> {
    const today = now;
    now = today - daysAgo * DAY;
    try {
      const saved = await service.services.checkIns.submit(nia, {
        cardId: `card-${action.replace(/\W+/g, '-').toLowerCase()}-0001`.slice(0, 60),
        what: `Reading for: ${action}`,
        sourceType: 'article',
        action,
        visibility,
      });
      if (saved.status !== 'saved') throw new Error(JSON.stringify(saved.errors));
      return saved.entry;
    } finally {
      now = today;
    }
  }

  beforeAll(async () => {
    connector = await startFakeConnector();
    asNia.serviceUrl = connector.serviceUrl;
    service = await startTestService({}, { clock: () => new Date(now) });
    await seedDemoData({ ...service, now: new Date(now) });
    await service.stores.teams.upsertMember({
      tenantId: DEMO_TENANT_ID,
      teamId: DEMO_TEAM.id,
      userId: nia.userId,
      teamsUserId: nia.teamsUserId,
      displayName: nia.displayName,
      role: 'member',
      joinedAt: new Date(now - 60 * DAY).toISOString(),
    });
    // Both have chatted with the app, so it can reach them in their personal chat.
    await post(messageActivity('help', asNia));
    await post(
      messageActivity('help', { serviceUrl: connector.serviceUrl, from: account(alex), conversationId: `a:personal-${alex.userId}` }),
    );
    await plan('Pair on a code review', 'leads', 30);
    await plan('Keep a decision log', 'private', 20);
    await plan('Write the runbook', 'team', 15);
    await plan('Demo it at the retro', 'leads', 3);
  }, 90_000);
  afterAll(async () => {
    await service.stop();
    await connector.stop();
  });

  it('asks a check-in about the three oldest actions still awaiting a result, and records a result, "no result yet" and "dropped"', async () => {
    await post(messageActivity('check in', asNia));
    const card = connector.sent.filter((s) => s.conversationId === asNia.conversationId).at(-1)?.activity.attachments?.[0]
      ?.content as CardJson;
    const check = expectValidTeamsCard(card);
    expect(check.renderedText).toContain('What came of the 3 actions you planned?');
    const asked = card.actions[0]!.data.asked as Array<{ action: string }>;
    expect(asked.map((a) => a.action)).toEqual(['Pair on a code review', 'Keep a decision log', 'Write the runbook']);

    const reply = await post(
      cardActionActivity(
        'checkin.submit',
        {
          ...card.actions[0]!.data,
          what: 'Reading on retros',
          sourceType: 'article',
          'actionAnswer.0': 'result',
          'actionResult.0': 'Two reviews paired; fewer comments back',
          'actionAnswer.1': 'notYet',
          'actionAnswer.2': 'dropped',
        },
        asNia,
      ),
    );
    expect(expectValidTeamsCard(reply).renderedText).toContain('Saved to your learning log');
    const log = await niasLog();
    const byAction = new Map(log.map((e) => [e.action, e]));
    expect(byAction.get('Pair on a code review')).toMatchObject({
      result: 'Two reviews paired; fewer comments back',
      actionAnswer: { answer: 'result', at: new Date(now).toISOString() },
    });
    expect(byAction.get('Keep a decision log')).toMatchObject({ result: null, actionAnswer: { answer: 'notYet' } });
    expect(byAction.get('Write the runbook')).toMatchObject({ result: null, actionAnswer: { answer: 'dropped' } });
    expect(log.find((e) => e.what === 'Reading on retros')).toMatchObject({ result: null });
    expect(log.find((e) => e.what === 'Reading on retros')).not.toHaveProperty('actionAnswer');
  });

  it('refuses a result chosen without words: the same card with the problem and every answer kept, and nothing written', async () => {
    await post(messageActivity('check in', asNia));
    const card = connector.sent.filter((s) => s.conversationId === asNia.conversationId).at(-1)?.activity.attachments?.[0]
      ?.content as CardJson;
    const asked = card.actions[0]!.data.asked as Array<{ action: string }>;
    // The dropped one is answered for good; "no result yet" is asked again, with the newest.
    expect(asked.map((a) => a.action)).toEqual(['Keep a decision log', 'Demo it at the retro']);
    const before = await niasLog();
    const reply = await post(
      cardActionActivity(
        'checkin.submit',
        { ...card.actions[0]!.data, what: 'Kept typing', sourceType: 'video', 'actionAnswer.0': 'result', 'actionAnswer.1': 'dropped' },
        asNia,
      ),
    );
    const check = expectValidTeamsCard(reply);
    expect(check.renderedText).toContain('About “Keep a decision log”: say in a few words what came of it');
    expect(check.inputValues).toMatchObject({
      what: 'Kept typing',
      sourceType: 'video',
      'actionAnswer.0': 'result',
      'actionAnswer.1': 'dropped',
    });
    expect(await niasLog()).toEqual(before);
  });

  it('counts follow-through and the median days to a result on My learning and the dashboard as a recount of the raw entries does', async () => {
    const log = await niasLog();
    const expected = followThroughOfEntries(log, new Date(now));
    expect(expected).toMatchObject({ actions: 4, results: 1, dropped: 1, awaiting: 2, due: 3, medianDaysToResult: 30 });
    const mine = await api<MySummaryResponse>(nia.userId, '/me/summary');
    expect(mine.body.followThrough).toEqual(expected);
    const dashboard = await api<DashboardResponse>(alex.userId, `${team}/dashboard?weeks=12`);
    const row = dashboard.body.members.find((m) => m.userId === nia.userId)!;
    expect(row.followThrough).toEqual(expected);
    // The team's totals hold hers among everyone's: at least hers, and follow-through within 0 to 1.
    const totals: FollowThroughFigures = dashboard.body.totals.followThrough;
    expect(totals.results).toBeGreaterThanOrEqual(1);
    expect(totals.followThrough === null || (totals.followThrough >= 0 && totals.followThrough <= 1)).toBe(true);
  });

  it('shows the team’s leads the actions awaiting a result that they may see, and nobody else', async () => {
    const list = await api<AwaitingActionsResponse>(alex.userId, `${team}/awaiting-actions`);
    expect(list.status).toBe(200);
    const hers = list.body.actions.filter((a) => a.userId === nia.userId);
    // "Keep a decision log" was hers alone: it never shows, though it still awaits a result.
    expect(hers.map((a) => [a.action, a.due])).toEqual([['Demo it at the retro', false]]);
    expect(JSON.stringify(list.body)).not.toContain('decision log');
    expect((await api(nia.userId, `${team}/awaiting-actions`)).status).toBe(403);
  });

  it('lets a lead press Ask how it went: the card reaches the learner, and her answer is recorded on her entry', async () => {
    const demo = (await niasLog()).find((e) => e.action === 'Demo it at the retro')!;
    const privateOne = (await niasLog()).find((e) => e.action === 'Keep a decision log')!;
    const path = (entryId: string) => `${team}/members/${encodeURIComponent(nia.userId)}/entries/${entryId}/ask-how-it-went`;
    expect((await api(alex.userId, path(privateOne.id), { method: 'POST' })).status).toBe(404);
    expect((await api(nia.userId, path(demo.id), { method: 'POST' })).status).toBe(403);
    const sentBefore = connector.sent.length;
    const asked = await api<{ delivered: boolean }>(alex.userId, path(demo.id), { method: 'POST' });
    expect(asked).toEqual({ status: 202, body: { delivered: true } });
    const delivered = connector.sent.slice(sentBefore).filter((s) => s.conversationId === asNia.conversationId);
    expect(delivered).toHaveLength(1);
    const card = delivered[0]!.activity.attachments?.[0]?.content as CardJson;
    const check = expectValidTeamsCard(card);
    expect(check.renderedText).toContain('Alex Wilber asks how it went');
    expect(check.renderedText).toContain('“Demo it at the retro”');

    // Someone else pressing her card's Save finds nothing of theirs to answer, and writes nothing.
    const forged = await post(
      cardActionActivity(
        ACTION_ANSWER_VERB,
        { ...card.actions[0]!.data, 'actionAnswer.0': 'dropped' },
        { serviceUrl: connector.serviceUrl, from: account(alex), conversationId: `a:personal-${alex.userId}` },
      ),
    );
    expect(expectValidTeamsCard(forged).renderedText).toContain('not one of yours to answer');
    const answered = await post(
      cardActionActivity(
        ACTION_ANSWER_VERB,
        { ...card.actions[0]!.data, 'actionAnswer.0': 'result', 'actionResult.0': 'The team adopted it' },
        asNia,
      ),
    );
    expect(expectValidTeamsCard(answered).renderedText).toContain('what came of it is saved with your entry');
    expect((await niasLog()).find((e) => e.id === demo.id)).toMatchObject({
      result: 'The team adopted it',
      actionAnswer: { answer: 'result' },
    });
    const list = await api<AwaitingActionsResponse>(alex.userId, `${team}/awaiting-actions`);
    expect(list.body.actions.filter((a) => a.userId === nia.userId)).toEqual([]);
  });

  it('records each ask in the audit trail, and lets a lead ask about one action once a day: a second ask is a conflict naming it', async () => {
    const entry = await plan('Share the checklist', 'leads', 10);
    const path = `${team}/members/${encodeURIComponent(nia.userId)}/entries/${entry.id}/ask-how-it-went`;
    const asks = async () => {
      const found = [];
      for await (const e of service.stores.auditTrail.stream(DEMO_TENANT_ID, { kind: 'ask_how_it_went' })) found.push(e);
      return found;
    };
    const before = (await asks()).length;
    expect(await api(alex.userId, path, { method: 'POST' })).toEqual({ status: 202, body: { delivered: true } });
    const recorded = await asks();
    expect(recorded).toHaveLength(before + 1);
    expect(recorded[0]).toMatchObject({
      kind: 'ask_how_it_went',
      actor: { userId: alex.userId, displayName: alex.displayName },
      subject: { userId: nia.userId, displayName: nia.displayName },
      teamId: DEMO_TEAM.id,
      detail: { entryId: entry.id },
    });

    const sentBefore = connector.sent.length;
    const again = await api<{ status: number; code: string; detail: string }>(alex.userId, path, { method: 'POST' });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ status: 409, code: 'conflict' });
    expect(again.body.detail).toContain('less than 24 hours ago');
    expect(connector.sent.length).toBe(sentBefore);
    expect(await asks()).toHaveLength(before + 1);

    // A day later the lead may ask again.
    now += 24 * 3_600_000 + 60_000;
    expect(await api(alex.userId, path, { method: 'POST' })).toEqual({ status: 202, body: { delivered: true } });
    expect(await asks()).toHaveLength(before + 2);
  });

  it('answers an ask about an action its leads may not see as one that does not exist, and records nothing', async () => {
    // Written before she joined the team (its leads see nothing of hers from then), and one kept to herself.
    const beforeJoining = await plan('Draft the onboarding notes', 'leads', 70);
    const privateOne = await plan('Rehearse the talk', 'private', 9);
    const before = connector.sent.length;
    for (const entry of [beforeJoining, privateOne]) {
      const res = await api<{ code: string }>(
        alex.userId,
        `${team}/members/${encodeURIComponent(nia.userId)}/entries/${entry.id}/ask-how-it-went`,
        { method: 'POST' },
      );
      expect(res.status).toBe(404);
    }
    expect(connector.sent.length).toBe(before);
    for await (const e of service.stores.auditTrail.stream(DEMO_TENANT_ID, { kind: 'ask_how_it_went' }))
      expect(e.detail.entryId === beforeJoining.id || e.detail.entryId === privateOne.id).toBe(false);
  });
});
