import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PEOPLE, DEMO_TENANT_ID } from '../../bot/demo/demo-team.js';
import { expectValidTeamsCard } from '../../bot/testing/card-validation.js';
import { cardActionActivity, messageActivity } from '../../bot/testing/activities.js';
import { startFakeConnector } from '../../bot/testing/fake-connector.js';
import { startTestService, type RunningTestService } from '../../bot/testing/test-service.js';

const alex = DEMO_PEOPLE[0]!;

describe('check-in through the bot endpoint (Azurite, local Bot Connector)', () => {
  let service: RunningTestService;
  let connector: Awaited<ReturnType<typeof startFakeConnector>>;

  beforeAll(async () => {
    connector = await startFakeConnector();
    service = await startTestService();
  });
  afterAll(async () => {
    await service.stop();
    await connector.stop();
  });

  async function post(activity: unknown): Promise<{ status: number; body: unknown }> {
    const res = await fetch(`${service.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  }

  async function askForCheckIn(): Promise<{ cardId: string; card: unknown }> {
    const before = connector.sent.length;
    const res = await post(messageActivity('check in', { serviceUrl: connector.serviceUrl }));
    expect(res.status).toBe(200);
    const reply = connector.sent.at(-1);
    expect(connector.sent.length).toBe(before + 1);
    const card = reply?.activity.attachments?.[0]?.content as { actions: Array<{ data: { cardId: string } }> };
    expect(reply?.activity.attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    return { cardId: card.actions[0]!.data.cardId, card };
  }

  async function myEntries(): Promise<Array<{ what: string }>> {
    const res = await fetch(`${service.baseUrl}/api/v1/me/entries`, {
      headers: { 'x-local-tenant-id': DEMO_TENANT_ID, 'x-local-user-id': alex.userId },
    });
    expect(res.status).toBe(200);
    return ((await res.json()) as { entries: Array<{ what: string }> }).entries;
  }

  it('answers "check in" with the check-in card, and "help" with the commands', async () => {
    const { card } = await askForCheckIn();
    expect(expectValidTeamsCard(card).renderedText).toContain('What did you learn?');
    await post(messageActivity('help', { serviceUrl: connector.serviceUrl }));
    const help = connector.sent.at(-1)?.activity.attachments?.[0]?.content;
    expect(expectValidTeamsCard(help).renderedText).toContain('check in, checkin, log');
  });

  it('saves a valid submission, answers with the confirmation card, and shows it in My learning', async () => {
    const { cardId } = await askForCheckIn();
    const res = await post(
      cardActionActivity(
        'checkin.submit',
        {
          cardId,
          what: 'Structured logging with pino',
          sourceType: 'article',
          link: 'https://getpino.io',
          minutes: '20',
          rating: '5',
          insight: 'Log objects, not strings',
          action: 'Add request ids',
        },
        { serviceUrl: connector.serviceUrl },
      ),
    );
    expect(res.status).toBe(200);
    const body = res.body as { statusCode: number; type: string; value: unknown };
    expect(body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    const check = expectValidTeamsCard(body.value);
    expect(check.renderedText).toContain('Saved to your learning log');
    expect(check.renderedText).toContain('Structured logging with pino');
    expect((await myEntries()).map((e) => e.what)).toContain('Structured logging with pino');
  });

  it('returns the same card with the problems stated and the values kept, and stores nothing', async () => {
    const { cardId } = await askForCheckIn();
    const before = await myEntries();
    const res = await post(
      cardActionActivity(
        'checkin.submit',
        { cardId, what: '', sourceType: 'video', link: 'javascript:alert(1)', minutes: 'lots', insight: 'keep this insight' },
        { serviceUrl: connector.serviceUrl },
      ),
    );
    const check = expectValidTeamsCard((res.body as { value: unknown }).value);
    expect(check.renderedText).toContain('Please fix these 3 things');
    expect(check.renderedText).toContain('Tell us what you learned');
    expect(check.renderedText).toContain('Minutes must be a number (you entered “lots”)');
    expect(check.inputValues).toMatchObject({ link: 'javascript:alert(1)', insight: 'keep this insight', sourceType: 'video' });
    expect(await myEntries()).toEqual(before);
  });

  it('stores one entry when the same card is submitted twice', async () => {
    const { cardId } = await askForCheckIn();
    const submit = () =>
      post(
        cardActionActivity('checkin.submit', { cardId, what: 'Double click', sourceType: 'other' }, { serviceUrl: connector.serviceUrl }),
      );
    await Promise.all([submit(), submit()]);
    await submit();
    expect((await myEntries()).filter((e) => e.what === 'Double click')).toHaveLength(1);
  });

  it('keeps the learner’s answers on the card when storage is unavailable', async () => {
    const broken = await startTestService({
      storage: {
        kind: 'connectionString',
        connectionString:
          'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:9/devstoreaccount1;QueueEndpoint=http://127.0.0.1:9/devstoreaccount1',
        tablePrefix: 'down',
      },
    });
    try {
      const res = await fetch(`${broken.baseUrl}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(
          cardActionActivity(
            'checkin.submit',
            {
              cardId: 'card-0000-0001',
              what: 'Not lost',
              sourceType: 'book',
              shareWithTeam: 'true',
              shareTeamId: 'team-1',
              shareParts: 'action',
            },
            { serviceUrl: connector.serviceUrl },
          ),
        ),
      });
      expect(res.status).toBe(200);
      const check = expectValidTeamsCard(((await res.json()) as { value: unknown }).value);
      expect(check.renderedText).toContain('We couldn’t save this just now');
      expect(check.inputValues).toMatchObject({ what: 'Not lost', sourceType: 'book', visibility: 'team', shareParts: 'action' });
    } finally {
      await broken.stop();
    }
  });

  it('stores what came of the last action with that earlier entry', async () => {
    const first = await askForCheckIn();
    await post(
      cardActionActivity(
        'checkin.submit',
        { cardId: first.cardId, what: 'Time-boxing', sourceType: 'book', action: 'Time-box my mornings' },
        { serviceUrl: connector.serviceUrl },
      ),
    );
    const earlier = (await service.stores.entries.listForUser(DEMO_TENANT_ID, alex.userId, { limit: 1 })).entries[0]!;
    const second = await askForCheckIn();
    const res = await post(
      cardActionActivity(
        'checkin.submit',
        {
          cardId: second.cardId,
          what: 'Deep work',
          sourceType: 'podcast',
          result: 'Two focused hours a day',
          previousEntryId: earlier.id,
          previousCreatedAt: earlier.createdAt,
          previousAction: earlier.action,
        },
        { serviceUrl: connector.serviceUrl },
      ),
    );
    expect(res.status).toBe(200);
    const entries = (await service.stores.entries.listForUser(DEMO_TENANT_ID, alex.userId, { limit: 5 })).entries;
    expect(entries.find((e) => e.id === earlier.id)?.result).toBe('Two focused hours a day');
    expect(entries.find((e) => e.what === 'Deep work')?.result).toBeNull();
  });

  it('records who the learner is and where to reach them', async () => {
    await post(messageActivity('hello', { serviceUrl: connector.serviceUrl }));
    const profile = await service.stores.users.get(DEMO_TENANT_ID, alex.userId);
    expect(profile).toMatchObject({ displayName: alex.displayName, teamsUserId: alex.teamsUserId });
    const refs = await service.stores.conversations.listFor(DEMO_TENANT_ID, 'personal', alex.userId);
    expect(refs).toHaveLength(1);
    expect(JSON.parse(refs[0]!.reference)).toMatchObject({ serviceUrl: connector.serviceUrl });
  });
});
