import { randomUUID } from 'node:crypto';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { scripted } from '../../tests/support/teams-connector/connector-model.js';
import { startTeamsConnector, type TeamsConnector } from '../../tests/support/teams-connector/teams-connector.js';
import type { AppConfig } from '../config.js';
import type { ProactiveTarget } from '../services/messenger.js';
import type { OutboundMessage } from '../services/outbound-message.js';
import { startFakeConnector } from '../testing/fake-connector.js';
import { OfflineBotCredentials } from '../testing/offline-bot-credentials.js';
import { LocalSendBudget } from '../services/local-send-budget.js';
import { OutboundPacer, newConversationId, type PacerKey } from '../services/outbound-pacer.js';
import { createAdapter } from './adapter.js';
import { TeamsMessenger } from './teams-messenger.js';
import { TeamsRequests } from './teams-requests.js';

const tenantId = 't1';
const message = { kind: 'intro' as const, displayName: 'Ada', teamName: 'Design' };

describe('TeamsMessenger through the pacer (local Bot Connector)', () => {
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

// The real messenger and botbuilder's CloudAdapter, signed in as an app as in production (with a
// fixed token), against the connector stand-in answering as Teams does.
const TENANT = 'tenant-messenger';
const bot: AppConfig['bot'] = { appId: randomUUID(), appPassword: 'not-a-real-secret', appType: 'MultiTenant', appTenantId: undefined };
const intro: OutboundMessage = { kind: 'intro', displayName: 'Alex', teamName: 'Platform' };

let connector: TeamsConnector;
let messenger: TeamsMessenger;
beforeAll(async () => {
  connector = await startTeamsConnector();
});
// A pacer of its own for each test: a 429 holds the tenant back for its Retry-After.
beforeEach(() => {
  const pacer = new OutboundPacer({ budget: new LocalSendBudget(50) });
  messenger = new TeamsMessenger(
    new TeamsRequests(createAdapter(bot, pino({ enabled: false }), new OfflineBotCredentials(bot), pacer), bot.appId!),
  );
});
afterAll(() => connector?.stop());
afterEach(() => {
  vi.useRealTimers();
  connector.log.splice(0);
});

/** A learner whose personal conversation is stored, as the scheduler hands them to the worker. */
const known = (n: number): ProactiveTarget => ({
  tenantId: TENANT,
  userId: `learner-${n}`,
  teamsUserId: `29:learner-${n}`,
  serviceUrl: connector.serviceUrl,
  reference: JSON.stringify({
    channelId: 'msteams',
    serviceUrl: connector.serviceUrl,
    conversation: { id: `a:learner-${n}`, tenantId: TENANT },
    bot: { id: `28:${bot.appId}` },
    user: { id: `29:learner-${n}` },
  }),
});
/** A learner the bot has never written to: no reference yet. */
const firstContact = (n: number): ProactiveTarget => ({ ...known(n), reference: undefined });
const requests = () => connector.log.map((r) => [r.kind, r.conversationId, r.status]);

describe('TeamsMessenger against the Teams connector stand-in', () => {
  it('sends a card to a stored conversation in one request', async () => {
    const outcome = await messenger.send(known(1), intro);
    expect(outcome).toEqual({ kind: 'sent', activityId: expect.stringMatching(/^activity-/) });
    expect(requests()).toEqual([['send', 'a:learner-1', 200]]);
    const sent = connector.accepted.find((a) => a.activityId === (outcome as { activityId: string }).activityId);
    expect(sent?.body.attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(connector.log[0]?.tenantId).toBe(TENANT);
  });

  it('on first contact creates the conversation, sends once, and returns the new reference', async () => {
    const outcome = await messenger.send(firstContact(2), intro);
    expect(requests()).toEqual([
      ['create', 'a:learner-2', 201],
      ['send', 'a:learner-2', 200],
    ]);
    expect(connector.log.map((r) => r.tenantId)).toEqual([TENANT, TENANT]);
    expect(outcome).toMatchObject({ kind: 'sent', activityId: expect.stringMatching(/^activity-/) });
    const reference = JSON.parse((outcome as { reference: string }).reference) as Record<string, unknown>;
    expect(reference).toMatchObject({ serviceUrl: connector.serviceUrl, conversation: { id: 'a:learner-2', tenantId: TENANT } });
  });

  it('429 with Retry-After in seconds: throttled for that long, after one request', async () => {
    connector.script(scripted.throttled(7));
    expect(await messenger.send(known(3), intro)).toEqual({ kind: 'throttled', retryAfterMs: 7_000 });
    expect(requests()).toEqual([['send', 'a:learner-3', 429]]);
  });

  it('429 with Retry-After as an HTTP date: throttled until that time', async () => {
    // Only Date is faked, so the wait is exact; the sockets and timers are real.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-06T09:00:00.000Z'));
    connector.script(scripted.throttledUntil(new Date('2026-12-06T09:00:12.000Z')));
    expect(await messenger.send(known(4), intro)).toEqual({ kind: 'throttled', retryAfterMs: 12_000 });
    expect(requests()).toEqual([['send', 'a:learner-4', 429]]);
  });

  it.each([500, 502, 503, 504] as const)('%i: transient, after one request (botbuilder does not retry on its own)', async (status) => {
    connector.script(scripted.serverError(status));
    expect(await messenger.send(known(5), intro)).toMatchObject({ kind: 'transient', status });
    expect(requests()).toEqual([['send', 'a:learner-5', status]]);
  });

  it('403 MessageWritesBlocked: blocked', async () => {
    connector.script(scripted.blocked());
    expect(await messenger.send(known(6), intro)).toMatchObject({ kind: 'blocked' });
    expect(requests()).toEqual([['send', 'a:learner-6', 403]]);
  });

  it('404 on a stored conversation: stale', async () => {
    connector.script(scripted.notFound());
    expect(await messenger.send(known(7), intro)).toMatchObject({ kind: 'stale' });
    expect(requests()).toEqual([['send', 'a:learner-7', 404]]);
  });

  describe('on first contact, the creation refused', () => {
    it('403: blocked, and nothing sent', async () => {
      connector.script(scripted.blocked(), { kind: 'create' });
      expect(await messenger.send(firstContact(8), intro)).toMatchObject({ kind: 'blocked' });
      expect(requests()).toEqual([['create', 'a:learner-8', 403]]);
    });

    // Creation goes through a connector client without botbuilder's retries, as every other request does.
    it('429: throttled for the Retry-After, after one request', async () => {
      connector.script(scripted.throttled(3), { kind: 'create' });
      expect(await messenger.send(firstContact(9), intro)).toEqual({ kind: 'throttled', retryAfterMs: 3_000 });
      expect(requests()).toEqual([['create', 'a:learner-9', 429]]);
    });

    it('503: transient, after one request', async () => {
      connector.script(scripted.serverError(503), { kind: 'create' });
      expect(await messenger.send(firstContact(10), intro)).toMatchObject({ kind: 'transient', status: 503 });
      expect(requests()).toEqual([['create', 'a:learner-10', 503]]);
    });

    it('the send after a created conversation refused: the outcome of the send', async () => {
      connector.script(scripted.throttled(2), { kind: 'send' });
      expect(await messenger.send(firstContact(11), intro)).toEqual({ kind: 'throttled', retryAfterMs: 2_000 });
      expect(requests()).toEqual([
        ['create', 'a:learner-11', 201],
        ['send', 'a:learner-11', 429],
      ]);
    });
  });
});
