import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALOG_KEY } from '../../bot/cards/learning-dialog-card.js';
import { CHECK_IN_NEW_VERB } from '../../bot/cards/check-in-saved-card.js';
import { DEMO_PEOPLE, DEMO_TEAM, DEMO_TENANT_ID } from '../../bot/demo/demo-team.js';
import { seedDemoData } from '../../bot/demo/seed-demo-data.js';
import { cardActionActivity, inTeamChannel, installActivity, messageActivity } from '../../bot/testing/activities.js';
import { expectValidTeamsCard } from '../../bot/testing/card-validation.js';
import { startFakeConnector } from '../../bot/testing/fake-connector.js';
import { asDemoPerson } from '../../bot/testing/requests.js';
import { startTestService, type RunningTestService } from '../../bot/testing/test-service.js';

const [alex, megan] = [DEMO_PEOPLE[0]!, DEMO_PEOPLE[1]!];
const account = (p: (typeof DEMO_PEOPLE)[number]) => ({ id: p.teamsUserId, aadObjectId: p.userId, name: p.displayName });
const team = { id: DEMO_TEAM.id, name: DEMO_TEAM.name };
const GROUP_CHAT = '19:learning-group@thread.v2';

/** What only Megan may read: her open goal and what her lead recommended to her. */
const GOAL = 'Run a design critique every sprint';
const RECOMMENDATION = 'Situation-Behaviour-Impact feedback';

type TaskResponse = {
  task?: { type: 'continue'; value: { title: string; card: { content: unknown } } } | { type: 'message'; value: string };
};

describe('"check in" where others can see: the form opens privately (Azurite, local Bot Connector, Teams activities)', () => {
  let service: RunningTestService;
  let connector: Awaited<ReturnType<typeof startFakeConnector>>;

  async function post(activity: unknown): Promise<{ status: number; body: unknown }> {
    const res = await fetch(`${service.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  }

  const fromMegan = () => ({ serviceUrl: connector.serviceUrl, from: account(megan) });
  const inGroupChat = <T extends { conversation: object }>(activity: T): T => ({
    ...activity,
    conversation: { ...activity.conversation, id: GROUP_CHAT, conversationType: 'groupChat' },
  });
  /** An invoke from Megan, where `where` puts it. */
  const invoke = (name: string, value: unknown, where: <T extends { conversation: object; channelData: object }>(a: T) => T) =>
    where({ ...messageActivity('', fromMegan()), type: 'invoke', name, value, text: undefined });
  const inChannel = <T extends { conversation: object; channelData: object }>(a: T) => inTeamChannel(a, team);

  /** Everything the bot posted to a conversation since `from`, as sent over the wire. */
  const postedTo = (conversationId: string, from: number) =>
    connector.sent
      .slice(from)
      .filter((s) => s.conversationId === conversationId)
      .map((s) => s.activity);

  const expectNothingPrivate = (activities: unknown[]) => {
    const wire = JSON.stringify(activities);
    expect(wire).not.toContain(GOAL);
    expect(wire).not.toContain(RECOMMENDATION);
  };

  beforeAll(async () => {
    connector = await startFakeConnector({
      [team.id]: {
        members: DEMO_PEOPLE.map(account),
        channels: [{ id: team.id, name: 'General' }],
      },
    });
    service = await startTestService();
    await seedDemoData({ ...service, now: new Date() });
    await post(inTeamChannel(installActivity({ serviceUrl: connector.serviceUrl, from: account(alex) }), team));
    const api = (path: string, userId: string, body: unknown) =>
      fetch(`${service.baseUrl}/api/v1${path}`, { method: 'POST', headers: asDemoPerson(userId), body: JSON.stringify(body) });
    const nextYear = `${new Date().getUTCFullYear() + 1}-06-30`;
    expect((await api('/me/goals', megan.userId, { what: GOAL, targetDate: nextYear })).status).toBe(201);
    const recommended = await api(`/teams/${encodeURIComponent(team.id)}/recommendations`, alex.userId, {
      title: RECOMMENDATION,
      link: 'https://www.ccl.org/sbi',
      learnerId: megan.userId,
    });
    expect(recommended.status).toBe(201);
  }, 60_000);
  afterAll(async () => {
    await service.stop();
    await connector.stop();
  });

  it('in personal chat the card itself asks about the goal and the recommendation (what must not reach a channel)', async () => {
    await post(messageActivity('check in', fromMegan()));
    const check = expectValidTeamsCard(connector.sent.at(-1)!.activity.attachments?.[0]?.content);
    expect(check.renderedText).toContain(GOAL);
    expect(check.renderedText).toContain(RECOMMENDATION);
  });

  it('in a channel it posts only a button; the check-in opens in a dialog for whoever presses it, and saves from there', async () => {
    const before = connector.sent.length;
    expect((await post(inChannel(messageActivity('check in', fromMegan())))).status).toBe(200);
    const posted = postedTo(team.id, before);
    expect(posted).toHaveLength(1);
    expectNothingPrivate(posted);
    const invitation = posted[0]!.attachments?.[0]?.content as { actions: Array<{ type: string; data: Record<string, unknown> }> };
    expect(expectValidTeamsCard(invitation).renderedText).toContain('The check-in opens just for you');
    expect(invitation.actions).toEqual([
      expect.objectContaining({ type: 'Action.Submit', data: { msteams: { type: 'task/fetch' }, [DIALOG_KEY]: 'check-in' } }),
    ]);

    // The dialog is the answer to Megan's own invoke: only she sees it.
    const opened = (await post(invoke('task/fetch', { data: invitation.actions[0]!.data, context: { theme: 'default' } }, inChannel)))
      .body as TaskResponse;
    expect(opened.task?.type).toBe('continue');
    const dialog = opened.task as Extract<NonNullable<TaskResponse['task']>, { type: 'continue' }>;
    expect(dialog.value.title).toBe('Check in');
    const form = dialog.value.card.content as { actions: Array<{ type: string; data: Record<string, unknown> }> };
    const check = expectValidTeamsCard(form);
    expect(check.renderedText).toContain(GOAL);
    expect(check.renderedText).toContain(RECOMMENDATION);
    expect(form.actions).toEqual([
      expect.objectContaining({ type: 'Action.Submit', data: expect.objectContaining({ [DIALOG_KEY]: 'check-in' }) }),
    ]);

    const goalState = check.inputIds.find((id) => /^goal\..+\.state$/.test(id))!;
    const submitted = (
      await post(
        invoke(
          'task/submit',
          { data: { ...form.actions[0]!.data, what: 'Critique checklists', sourceType: 'article', [goalState]: 'on-track' } },
          inChannel,
        ),
      )
    ).body as TaskResponse;
    expect(submitted.task).toEqual({ type: 'message', value: 'Saved to your learning log.' });
    const entries = (await service.stores.entries.listForUser(DEMO_TENANT_ID, megan.userId, { limit: 10 })).entries;
    expect(entries.find((e) => e.what === 'Critique checklists')).toMatchObject({ visibility: 'leads' });
    const goals = (await (await fetch(`${service.baseUrl}/api/v1/me/goals`, { headers: asDemoPerson(megan.userId) })).json()) as {
      goals: Array<{ what: string; progress: Array<{ state: string }> }>;
    };
    expect(goals.goals.find((g) => g.what === GOAL)?.progress.at(-1)?.state).toBe('on-track');
    // Saving said nothing in the channel either.
    expect(postedTo(team.id, before)).toHaveLength(1);
  });

  it('a refused dialog comes back with its problems, the goal still asked about, and nothing posted', async () => {
    const before = connector.sent.length;
    const opened = (await post(invoke('task/fetch', { data: { [DIALOG_KEY]: 'check-in' } }, inChannel))).body as TaskResponse;
    const form = (opened.task as Extract<NonNullable<TaskResponse['task']>, { type: 'continue' }>).value.card.content as {
      actions: Array<{ data: Record<string, unknown> }>;
    };
    const res = (await post(invoke('task/submit', { data: { ...form.actions[0]!.data, what: '', sourceType: 'video' } }, inChannel)))
      .body as TaskResponse;
    const dialog = res.task as Extract<NonNullable<TaskResponse['task']>, { type: 'continue' }>;
    const check = expectValidTeamsCard(dialog.value.card.content);
    expect(check.renderedText).toContain('Tell us what you learned');
    expect(check.renderedText).toContain(GOAL);
    expect(check.inputValues).toMatchObject({ sourceType: 'video' });
    expect(connector.sent.length).toBe(before);
  });

  it('in a group chat it posts the same button, naming nothing of the learner’s', async () => {
    const before = connector.sent.length;
    await post(inGroupChat(messageActivity('check in', fromMegan())));
    const posted = postedTo(GROUP_CHAT, before);
    expect(posted).toHaveLength(1);
    expectNothingPrivate(posted);
    expect(expectValidTeamsCard(posted[0]!.attachments?.[0]?.content).renderedText).toContain('The check-in opens just for you');
  });

  it('"Check in now" on a card in a channel answers with the button, not with the learner’s form', async () => {
    const res = await post(inChannel(cardActionActivity(CHECK_IN_NEW_VERB, {}, fromMegan())));
    const card = (res.body as { value: unknown }).value;
    expectNothingPrivate([card]);
    expect(expectValidTeamsCard(card).renderedText).toContain('The check-in opens just for you');
  });
});
