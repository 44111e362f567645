import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PEOPLE, DEMO_TEAM, DEMO_TENANT_ID } from '../../bot/demo/demo-team.js';
import { seedDemoData } from '../../bot/demo/seed-demo-data.js';
import { DEMO_SHARES_CHANNEL } from '../../bot/demo/seed-demo-shares.js';
import { DIALOG_KEY } from '../../bot/cards/learning-dialog-card.js';
import { COMPOSE_SHARE_COMMAND, SAVE_MESSAGE_COMMAND } from '../../bot/teams/learning-dialogs.js';
import { inTeamChannel, installActivity, messageActivity } from '../../bot/testing/activities.js';
import { expectValidTeamsCard } from '../../bot/testing/card-validation.js';
import { startFakeConnector } from '../../bot/testing/fake-connector.js';
import { startTestService, type RunningTestService } from '../../bot/testing/test-service.js';

const alex = DEMO_PEOPLE[0]!;
const alexAccount = { id: alex.teamsUserId, aadObjectId: alex.userId, name: alex.displayName };
const team = { id: DEMO_TEAM.id, name: DEMO_TEAM.name };

type TaskResponse = {
  task?: { type: 'continue'; value: { title: string; card: { content: unknown } } } | { type: 'message'; value: string };
};

describe('message extension and dialogs: "Save as learning" and "Share learning" (Azurite, local Bot Connector, real invoke activities)', () => {
  let service: RunningTestService;
  let connector: Awaited<ReturnType<typeof startFakeConnector>>;
  const now = new Date();

  beforeAll(async () => {
    connector = await startFakeConnector({
      [team.id]: {
        members: DEMO_PEOPLE.map((p) => ({ id: p.teamsUserId, aadObjectId: p.userId, name: p.displayName })),
        channels: [{ id: team.id, name: 'General' }],
      },
    });
    service = await startTestService({}, { clock: () => now });
    await seedDemoData({ ...service, now });
    await post(inTeamChannel(installActivity({ serviceUrl: connector.serviceUrl, from: alexAccount }), team));
  }, 60_000);
  afterAll(async () => {
    await service.stop();
    await connector.stop();
  });

  async function post(activity: unknown): Promise<{ status: number; body: TaskResponse }> {
    const res = await fetch(`${service.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as TaskResponse) : {} };
  }

  /** An invoke as Teams sends it from the compose box, a message's "…" menu, or a dialog. */
  function invoke(name: string, value: unknown, where: 'personal' | 'channel' = 'channel') {
    const activity = {
      ...messageActivity('', { serviceUrl: connector.serviceUrl, from: alexAccount }),
      type: 'invoke',
      name,
      value,
      text: undefined,
    };
    return where === 'channel' ? inTeamChannel(activity, team) : activity;
  }

  const formOf = (res: { body: TaskResponse }) => {
    expect(res.body.task?.type).toBe('continue');
    const task = res.body.task as Extract<NonNullable<TaskResponse['task']>, { type: 'continue' }>;
    const card = task.value.card.content as { actions: Array<{ type: string; data: Record<string, unknown> }> };
    return { title: task.value.title, card, check: expectValidTeamsCard(card), data: card.actions[0]!.data };
  };
  const myEntries = async () => (await service.stores.entries.listForUser(DEMO_TENANT_ID, alex.userId, { limit: 100 })).entries;

  it('"Save as learning" opens a form pre-filled from the message’s text and first link', async () => {
    const res = await post(
      invoke('composeExtension/fetchTask', {
        commandId: SAVE_MESSAGE_COMMAND,
        commandContext: 'message',
        messagePayload: {
          id: '1700000000000',
          body: {
            contentType: 'html',
            content:
              '<p><at>Megan</at> try <a href="https://martinfowler.com/articles/ship-show-ask.html?utm_source=chat">Ship / Show / Ask</a> &amp; tell me</p>',
          },
        },
      }),
    );
    expect(res.status).toBe(200);
    const form = formOf(res);
    expect(form.title).toBe('Save as learning');
    expect(form.check.inputValues).toMatchObject({
      what: 'Megan try Ship / Show / Ask & tell me',
      link: 'https://martinfowler.com/articles/ship-show-ask.html?utm_source=chat',
    });
    expect(form.card.actions).toHaveLength(1);
    expect(form.card.actions[0]).toMatchObject({ type: 'Action.Submit', data: { [DIALOG_KEY]: 'save-message' } });
  });

  it('a bad submit comes back in the dialog with every problem and every answer kept, and saves nothing', async () => {
    const before = (await myEntries()).length;
    const cardId = randomUUID();
    const res = await post(
      invoke('composeExtension/submitAction', {
        commandId: SAVE_MESSAGE_COMMAND,
        commandContext: 'message',
        data: {
          cardId,
          [DIALOG_KEY]: 'save-message',
          what: '',
          sourceType: 'article',
          link: 'ftp://old.example',
          insight: 'Keep this insight',
          minutes: 'lots',
        },
      }),
    );
    const form = formOf(res);
    expect(form.check.renderedText).toContain('Tell us what you learned');
    expect(form.check.renderedText).toContain('The link must be a web address');
    expect(form.check.renderedText).toContain('Minutes must be a number');
    expect(form.check.inputValues).toMatchObject({ link: 'ftp://old.example', insight: 'Keep this insight' });
    expect((await myEntries()).length).toBe(before);
  });

  it('a good submit saves the entry once and closes the dialog saying so', async () => {
    const cardId = randomUUID();
    const data = {
      cardId,
      [DIALOG_KEY]: 'save-message',
      what: 'Ship / Show / Ask',
      sourceType: 'article',
      link: 'https://martinfowler.com/articles/ship-show-ask.html',
      rating: '4',
    };
    const res = await post(invoke('composeExtension/submitAction', { commandId: SAVE_MESSAGE_COMMAND, commandContext: 'message', data }));
    expect(res.body.task).toEqual({ type: 'message', value: 'Saved to your learning log.' });
    await post(invoke('composeExtension/submitAction', { commandId: SAVE_MESSAGE_COMMAND, commandContext: 'message', data }));
    expect((await myEntries()).filter((e) => e.id === cardId)).toHaveLength(1);
  });

  it('"Share learning" from a channel’s compose box shares with that team: the card is posted to its learning channel and the entry saved', async () => {
    const opened = formOf(
      await post(invoke('composeExtension/fetchTask', { commandId: COMPOSE_SHARE_COMMAND, commandContext: 'compose' })),
    );
    expect(opened.title).toBe('Share learning');
    expect(opened.check.renderedText).toContain('Sharing with Product Design');
    expect(opened.data).toMatchObject({ shareTeamId: team.id, [DIALOG_KEY]: 'share' });
    const postedBefore = connector.sent.filter((s) => s.conversationId === DEMO_SHARES_CHANNEL).length;
    const res = await post(
      invoke('composeExtension/submitAction', {
        commandId: COMPOSE_SHARE_COMMAND,
        commandContext: 'compose',
        data: {
          ...opened.data,
          what: 'Feature flags as a release tool',
          sourceType: 'podcast',
          insight: 'Decouple deploy from release',
          shareParts: 'insight',
        },
      }),
    );
    expect(res.body.task).toEqual({ type: 'message', value: 'Shared in Product Design’s learning channel. Saved to your learning log.' });
    await service.services.sharing.settled();
    const posted = connector.sent.filter((s) => s.conversationId === DEMO_SHARES_CHANNEL).slice(postedBefore);
    expect(posted).toHaveLength(1);
    expect(expectValidTeamsCard(posted[0]!.activity.attachments?.[0]?.content).renderedText).toContain('Decouple deploy from release');
    expect((await myEntries()).some((e) => e.id === opened.data.cardId)).toBe(true);
  });

  it('"share" typed in a channel posts a button that opens the same form privately in a dialog', async () => {
    await post(inTeamChannel(messageActivity('share', { serviceUrl: connector.serviceUrl, from: alexAccount }), team));
    const invitation = connector.sent.at(-1)!.activity.attachments?.[0]?.content as {
      actions: Array<{ type: string; data: Record<string, unknown> }>;
    };
    expect(expectValidTeamsCard(invitation).renderedText).toContain('The form opens just for you');
    expect(invitation.actions[0]).toMatchObject({ type: 'Action.Submit', data: { msteams: { type: 'task/fetch' } } });
    const opened = formOf(await post(invoke('task/fetch', { data: invitation.actions[0]!.data, context: { theme: 'default' } })));
    expect(opened.check.renderedText).toContain('Share a learning with your team');
    const res = await post(invoke('task/submit', { data: { ...opened.data, what: '', sourceType: 'video' } }));
    expect(formOf(res).check.renderedText).toContain('Tell us what you learned');
  });
});
