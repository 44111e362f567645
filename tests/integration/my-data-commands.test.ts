import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MY_DATA_ERASE_VERB } from '../../bot/cards/my-data-cards.js';
import { DEMO_PEOPLE, DEMO_TEAM, DEMO_TENANT_ID, type DemoPerson } from '../../bot/demo/demo-team.js';
import { seedDemoData } from '../../bot/demo/seed-demo-data.js';
import { tableClients, type TableClients } from '../../bot/store/table-clients.js';
import { cardActionActivity, inTeamChannel, messageActivity } from '../../bot/testing/activities.js';
import { expectValidTeamsCard } from '../../bot/testing/card-validation.js';
import { startFakeConnector, type SentActivity } from '../../bot/testing/fake-connector.js';
import { postActivity } from '../../bot/testing/requests.js';
import { snapshotTables, tableChanges } from '../../bot/testing/table-snapshot.js';
import { startTestService, type RunningTestService } from '../../bot/testing/test-service.js';
import { tracesOf } from '../support/person-traces.js';

const [megan, adele] = [DEMO_PEOPLE[1]!, DEMO_PEOPLE[2]!];
const account = (p: DemoPerson) => ({ id: p.teamsUserId, aadObjectId: p.userId, name: p.displayName });
const chatOf = (p: DemoPerson) => `a:personal-${p.userId}`;

describe('“export my data” and “erase my data” in chat (Azurite, local Bot Connector)', () => {
  let service: RunningTestService;
  let connector: Awaited<ReturnType<typeof startFakeConnector>>;
  let tables: TableClients;
  const post = (activity: unknown) => postActivity(service.baseUrl, activity);
  const from = (p: DemoPerson) => ({ serviceUrl: connector.serviceUrl, from: account(p), conversationId: chatOf(p) });
  const lastIn = (conversationId: string): SentActivity | undefined =>
    connector.sent.filter((s) => s.conversationId === conversationId).at(-1);
  const cardOf = (sent: SentActivity | undefined) => expectValidTeamsCard(sent?.activity.attachments?.[0]?.content);

  beforeAll(async () => {
    connector = await startFakeConnector();
    service = await startTestService();
    tables = tableClients(service.config.storage);
    await seedDemoData({ ...service, now: new Date() });
  }, 60_000);
  afterAll(async () => {
    await service?.stop();
    await connector?.stop();
  });

  it('answers “export my data” with what is held and the way to the tab section that downloads it', async () => {
    await post(messageActivity('export my data', from(megan)));
    const entries = await service.stores.entries.listAll(DEMO_TENANT_ID, megan.userId);
    const sent = lastIn(chatOf(megan));
    const card = cardOf(sent);
    expect(card.renderedText).toContain(`What I hold of yours: ${entries.length} learning entries`);
    expect(card.renderedText).toContain('Your data');
    expect(JSON.stringify(sent?.activity)).toContain('/personal#your-data');
  });

  it('keeps both to the personal chat: in a channel it says where to ask, and shows nothing', async () => {
    for (const text of ['export my data', 'erase my data']) {
      await post(inTeamChannel(messageActivity(text, { serviceUrl: connector.serviceUrl, from: account(megan) }), DEMO_TEAM));
      const sent = lastIn(DEMO_TEAM.id);
      expect(sent?.activity.text).toContain('personal chat');
      expect(sent?.activity.attachments ?? []).toEqual([]);
    }
    // A forged press from the channel is refused the same way.
    const card = await post(
      inTeamChannel(
        cardActionActivity(MY_DATA_ERASE_VERB, { confirm: 'erase my data' }, { serviceUrl: connector.serviceUrl, from: account(megan) }),
        DEMO_TEAM,
      ),
    );
    expect(expectValidTeamsCard(card).renderedText).toContain('personal chat');
    expect(await tracesOf(tables, [megan.userId])).not.toEqual([]);
  });

  it('asks for the typed phrase before erasing, and keeps what was typed when it is wrong, erasing nothing', async () => {
    await post(messageActivity('erase my data', from(adele)));
    const ask = cardOf(lastIn(chatOf(adele)));
    expect(ask.renderedText).toContain('This cannot be undone.');
    expect(ask.inputIds).toEqual(['confirm']);

    const before = await snapshotTables(tables);
    const again = expectValidTeamsCard(await post(cardActionActivity(MY_DATA_ERASE_VERB, { confirm: 'erase my stuff' }, from(adele))));
    expect(again.inputValues.confirm).toBe('erase my stuff');
    expect(again.renderedText).toContain('Nothing was erased.');
    expect(tableChanges(before, await snapshotTables(tables))).toEqual({ created: [], deleted: [], changed: [] });
  });

  it('erases on the typed phrase, in the background, and says so in the chat when done', async () => {
    const erasing = expectValidTeamsCard(await post(cardActionActivity(MY_DATA_ERASE_VERB, { confirm: 'Erase my data' }, from(adele))));
    expect(erasing.renderedText).toContain('Erasing your data');
    const deadline = Date.now() + 20_000;
    while (!JSON.stringify(lastIn(chatOf(adele))?.activity ?? {}).includes('Your data was erased') && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    expect(cardOf(lastIn(chatOf(adele))).renderedText).toContain('Your data was erased');
    expect(await tracesOf(tables, [adele.userId, adele.teamsUserId, adele.displayName])).toEqual([]);
  }, 30_000);
});
