import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHECK_IN_SUBMIT_VERB } from '../../bot/cards/check-in-card.js';
import { DEMO_PEOPLE, DEMO_TENANT_ID } from '../../bot/demo/demo-team.js';
import { tableClients, type TableClients } from '../../bot/store/table-clients.js';
import { TENANT_REFUSAL } from '../../bot/teams/tenant-gate.js';
import { cardActionActivity, installActivity, messageActivity, type ActivityOptions } from '../../bot/testing/activities.js';
import { startFakeConnector } from '../../bot/testing/fake-connector.js';
import { snapshotTables, tableChanges } from '../../bot/testing/table-snapshot.js';
import { startTestService, type RunningTestService } from '../../bot/testing/test-service.js';

const OTHER_TENANT = '99999999-8888-7777-6666-555555555555';
const megan = DEMO_PEOPLE[1]!;

describe('the bot serves only the tenants on ALLOWED_TENANT_IDS (Azurite, local Bot Connector)', () => {
  let service: RunningTestService;
  let connector: Awaited<ReturnType<typeof startFakeConnector>>;
  let tables: TableClients;
  const as = (tenantId: string): ActivityOptions => ({
    serviceUrl: connector.serviceUrl,
    tenantId,
    from: { id: megan.teamsUserId, aadObjectId: megan.userId, name: megan.displayName },
    conversationId: `a:personal-${tenantId}-megan`,
  });
  const post = (activity: unknown) =>
    fetch(`${service.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
  const sentTo = (conversationId: string) => connector.sent.filter((s) => s.conversationId === conversationId).map((s) => s.activity);

  beforeAll(async () => {
    connector = await startFakeConnector();
    service = await startTestService({ allowedTenantIds: [DEMO_TENANT_ID.toLowerCase()] });
    tables = tableClients(service.config.storage);
  }, 60_000);
  afterAll(async () => {
    await service?.stop();
    await connector?.stop();
  });

  it('answers a message from another tenant with why, and stores nothing about them', async () => {
    const before = await snapshotTables(tables);
    expect((await post(messageActivity('check in', as(OTHER_TENANT)))).status).toBe(200);
    const replies = sentTo(as(OTHER_TENANT).conversationId!);
    expect(replies.map((a) => a.text)).toEqual([TENANT_REFUSAL]);
    expect(replies.flatMap((a) => a.attachments ?? [])).toEqual([]);
    expect(tableChanges(before, await snapshotTables(tables))).toEqual({ created: [], deleted: [], changed: [] });
  });

  it('refuses another tenant’s card action with 403 and an install with silence, writing nothing', async () => {
    const before = await snapshotTables(tables);
    const sentBefore = connector.sent.length;
    const press = await post(
      cardActionActivity(CHECK_IN_SUBMIT_VERB, { cardId: 'c1', what: 'A talk', kind: 'video', minutes: '20' }, as(OTHER_TENANT)),
    );
    expect(press.status).toBe(403);
    expect(((await press.json()) as { message?: string }).message).toBe(TENANT_REFUSAL);
    expect((await post(installActivity(as(OTHER_TENANT)))).status).toBe(200);
    expect(connector.sent.length).toBe(sentBefore);
    expect(tableChanges(before, await snapshotTables(tables))).toEqual({ created: [], deleted: [], changed: [] });
  });

  it('serves its own tenant as before', async () => {
    await post(messageActivity('check in', as(DEMO_TENANT_ID)));
    const replies = sentTo(as(DEMO_TENANT_ID).conversationId!);
    expect(replies.at(-1)?.attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(await service.stores.conversations.listFor(DEMO_TENANT_ID, 'personal', megan.userId)).toHaveLength(1);
  });
});
