import { pino } from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeConnector } from '../testing/fake-connector.js';
import { LocalSendBudget } from '../services/local-send-budget.js';
import { OutboundPacer, newConversationId, type PacerKey } from '../services/outbound-pacer.js';
import { createAdapter } from './adapter.js';
import { TeamsMessenger } from './teams-messenger.js';
import { TeamsRequests } from './teams-requests.js';

const tenantId = 't1';
const message = { kind: 'intro' as const, displayName: 'Ada', teamName: 'Design' };

describe('Teams requests through the pacer: TeamsMessenger over TeamsRequests (local Bot Connector)', () => {
  let connector: Awaited<ReturnType<typeof startFakeConnector>>;
  let budget: LocalSendBudget;
  let pacer: OutboundPacer;
  let acquired: PacerKey[];
  let refused: Array<{ key: PacerKey; retryAfterMs: number }>;
  let messenger: TeamsMessenger;
  let adapter: ReturnType<typeof createAdapter>;
  const referenceTo = (conversationId: string) =>
    JSON.stringify({
      channelId: 'msteams',
      serviceUrl: connector.serviceUrl,
      conversation: { id: conversationId, tenantId },
      bot: { id: '28:bot' },
      user: { id: '29:u1' },
    });
  const target = (reference?: string) => ({
    tenantId,
    userId: 'u1',
    teamsUserId: '29:u1',
    serviceUrl: connector.serviceUrl,
    ...(reference ? { reference } : {}),
  });

  beforeAll(async () => {
    connector = await startFakeConnector();
  });
  afterAll(async () => {
    await connector.stop();
  });
  beforeEach(() => {
    budget = new LocalSendBudget(50);
    pacer = new OutboundPacer({ budget });
    acquired = [];
    refused = [];
    const acquire = pacer.acquire.bind(pacer);
    pacer.acquire = (key) => {
      acquired.push(key);
      return acquire(key);
    };
    const throttled = pacer.throttled.bind(pacer);
    pacer.throttled = (key, retryAfterMs) => {
      refused.push({ key, retryAfterMs });
      throttled(key, retryAfterMs);
    };
    adapter = createAdapter(
      { appId: undefined, appPassword: undefined, appType: 'UserAssignedMsi', appTenantId: undefined },
      pino({ enabled: false }),
      undefined,
      pacer,
    );
    messenger = new TeamsMessenger(new TeamsRequests(adapter, ''));
    connector.sent.length = 0;
    connector.created.length = 0;
  });

  it('counts a first contact as two requests: creating the conversation, then sending to it', async () => {
    const outcome = await messenger.send(target(), message);
    expect(outcome).toMatchObject({ kind: 'sent', reference: expect.stringContaining('a:personal-29:u1') });
    expect(connector.created).toEqual(['29:u1']);
    expect(acquired).toEqual([
      { tenantId, conversationId: newConversationId('29:u1') },
      { tenantId, conversationId: 'a:personal-29:u1' },
    ]);
  });

  it('spends a slot taken beforehand on the first request, and asks the pacer for the second', async () => {
    const slot = await pacer.acquire({ tenantId, conversationId: newConversationId('29:u1') });
    acquired.length = 0;
    await messenger.send(target(), message, slot);
    expect(acquired).toEqual([{ tenantId, conversationId: 'a:personal-29:u1' }]);
    expect(connector.sent).toHaveLength(1);
  });

  it('sends once to a stored conversation, through the pacer', async () => {
    expect(await messenger.send(target(referenceTo('a:u1')), message)).toMatchObject({ kind: 'sent' });
    expect(acquired).toEqual([{ tenantId, conversationId: 'a:u1' }]);
    expect(connector.sent.map((s) => s.conversationId)).toEqual(['a:u1']);
  });

  it('tells a 429 with Retry-After in seconds, tells the pacer, and never retries on its own', async () => {
    connector.refuseNext(1, { status: 429, retryAfter: '7' });
    expect(await messenger.send(target(referenceTo('a:u1')), message)).toEqual({ kind: 'throttled', retryAfterMs: 7_000 });
    expect(connector.sent).toHaveLength(0);
    expect(refused).toEqual([{ key: { tenantId, conversationId: 'a:u1' }, retryAfterMs: 7_000 }]);
  });

  it('reads a Retry-After given as an HTTP date', async () => {
    connector.refuseNext(1, { status: 429, retryAfter: new Date(Date.now() + 30_000).toUTCString() });
    const outcome = await messenger.send(target(referenceTo('a:u1')), message);
    expect(outcome.kind).toBe('throttled');
    expect(outcome.kind === 'throttled' && outcome.retryAfterMs).toBeGreaterThan(28_000);
    expect(refused[0]?.retryAfterMs).toBeGreaterThan(28_000);
  });

  it('answers a 5xx as transient without a hidden retry', async () => {
    connector.refuseNext(1, { status: 503 });
    expect(await messenger.send(target(referenceTo('a:u1')), message)).toMatchObject({ kind: 'transient', status: 503 });
    // botbuilder's own retry would have sent it again, and the second attempt would have been delivered.
    expect(connector.sent).toHaveLength(0);
  });

  it('tells a blocked app (403) and a stale conversation (404) apart', async () => {
    connector.refuseNext(1, { status: 403, code: 'MessageWritesBlocked' });
    expect(await messenger.send(target(referenceTo('a:u1')), message)).toMatchObject({ kind: 'blocked' });
    connector.refuseNext(1, { status: 404, code: 'ConversationNotFound' });
    expect(await messenger.send(target(referenceTo('a:u1')), message)).toMatchObject({ kind: 'stale' });
  });

  it('refuses a proactive request that does not go through TeamsRequests', async () => {
    let failure: unknown;
    await adapter.continueConversationAsync('', JSON.parse(referenceTo('a:u1')) as object, async (context) => {
      await context.sendActivity('around the pacer').catch((error: unknown) => (failure = error));
    });
    expect(String(failure)).toMatch(/went around the pacer/);
    expect(connector.sent).toHaveLength(0);
  });
});
