import { randomUUID } from 'node:crypto';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { scripted } from '../../tests/support/teams-connector/connector-model.js';
import { startTeamsConnector, type TeamsConnector } from '../../tests/support/teams-connector/teams-connector.js';
import type { AppConfig } from '../config.js';
import type { ProactiveTarget } from '../services/messenger.js';
import type { OutboundMessage } from '../services/outbound-message.js';
import { OfflineBotCredentials } from '../testing/offline-bot-credentials.js';
import { LocalSendBudget } from '../services/local-send-budget.js';
import { OutboundPacer } from '../services/outbound-pacer.js';
import { createAdapter } from './adapter.js';
import { TeamsMessenger } from './teams-messenger.js';
import { TeamsRequests } from './teams-requests.js';

// The real messenger and botbuilder's CloudAdapter, signed in as an app as in production (with a
// fixed token), against the connector stand-in answering as Teams does.
const TENANT = 'tenant-messenger';
const bot: AppConfig['bot'] = { appId: randomUUID(), appPassword: 'not-a-real-secret', appType: 'MultiTenant', appTenantId: undefined };
const intro: OutboundMessage = { kind: 'intro', displayName: 'Alex', teamName: 'Platform' };

let connector: TeamsConnector;
let messenger: TeamsMessenger;
beforeAll(async () => {
  connector = await startTeamsConnector();
  const pacer = new OutboundPacer({ budget: new LocalSendBudget(50) });
  const adapter = createAdapter(bot, pino({ enabled: false }), new OfflineBotCredentials(bot), pacer);
  messenger = new TeamsMessenger(new TeamsRequests(adapter, bot.appId!));
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

    // The creation's connector client is made before the turn starts: it loses botbuilder's retry
    // policy where the adapter makes it (TeamsRequests), so a refused creation is one request too.
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
