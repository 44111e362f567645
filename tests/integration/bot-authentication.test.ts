import { randomUUID } from 'node:crypto';
import { generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../bot/config.js';
import { DEMO_PEOPLE, DEMO_TENANT_ID } from '../../bot/demo/demo-team.js';
import { tableClients } from '../../bot/store/table-clients.js';
import { cardActionActivity, messageActivity } from '../../bot/testing/activities.js';
import { expectValidTeamsCard } from '../../bot/testing/card-validation.js';
import {
  channelSigningKey,
  channelToken,
  startChannelKeyServer,
  type ChannelKeyServer,
  type ChannelSigningKey,
} from '../../bot/testing/fake-channel-keys.js';
import { startFakeConnector } from '../../bot/testing/fake-connector.js';
import { OfflineBotCredentials } from '../../bot/testing/offline-bot-credentials.js';
import { startTestService, type RunningTestService } from '../../bot/testing/test-service.js';

// The production refusal to start without bot credentials is proved in bot/config.test.ts
// ("names every missing production setting at once").

const alex = DEMO_PEOPLE[0]!;
const APP_ID = randomUUID();
const CHANNEL_ISSUER = 'https://api.botframework.com';
const TRUSTED_KID = 'channel-key-1';

describe('Bot Framework authentication of /api/messages (local channel keys, Azurite)', () => {
  let trusted: ChannelSigningKey;
  let webChatOnly: ChannelSigningKey;
  let stranger: { privateKey: CryptoKey };
  let keys: ChannelKeyServer;
  let connector: Awaited<ReturnType<typeof startFakeConnector>>;
  let service: RunningTestService;

  beforeAll(async () => {
    trusted = await channelSigningKey(TRUSTED_KID);
    webChatOnly = await channelSigningKey('channel-key-webchat', ['webchat']);
    stranger = await generateKeyPair('RS256');
    keys = await startChannelKeyServer([trusted, webChatOnly]);
    connector = await startFakeConnector();
    // Through loadConfig, so the environment variable is what reaches the adapter.
    const { bot } = loadConfig({
      LEARNING_LOOP_MODE: 'local',
      STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true',
      MICROSOFT_APP_ID: APP_ID,
      MICROSOFT_APP_PASSWORD: 'not-a-real-secret',
      MICROSOFT_APP_TYPE: 'MultiTenant',
      AAD_APP_CLIENT_ID: randomUUID(),
      BOT_OPENID_METADATA_URL: keys.metadataUrl,
    });
    service = await startTestService({ bot }, { botCredentials: new OfflineBotCredentials(bot) });
  });
  afterAll(async () => {
    await service?.stop();
    await connector?.stop();
    await keys?.stop();
  });

  /** Claims of a token the channel would send for an activity from the fake connector. */
  const goodClaims = () => ({ iss: CHANNEL_ISSUER, aud: APP_ID, serviceurl: connector.serviceUrl });
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  async function post(activity: unknown, headers: Record<string, string>): Promise<{ status: number; body: unknown }> {
    const res = await fetch(`${service.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(activity),
    });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // A rejection's body is botbuilder's plain-text reason.
    }
    return { status: res.status, body };
  }

  const submission = (what: string) =>
    cardActionActivity(
      'checkin.submit',
      { cardId: `card-${randomUUID()}`, what, sourceType: 'article', minutes: '15' },
      { serviceUrl: connector.serviceUrl },
    );

  /** Rows in every table of this service, so "nothing stored" means nothing anywhere. */
  async function rowsEverywhere(): Promise<number> {
    let rows = 0;
    for (const table of Object.values(tableClients(service.config.storage))) {
      for await (const _ of table.listEntities()) rows++;
    }
    return rows;
  }

  const alexsEntries = async () => (await service.stores.entries.listForUser(DEMO_TENANT_ID, alex.userId, { limit: 100 })).entries;

  describe('rejects with 401, and stores and sends nothing, a request', () => {
    const unsignedToken = () => {
      const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
      const now = Math.floor(Date.now() / 1000);
      return `${part({ alg: 'none', typ: 'JWT', kid: TRUSTED_KID })}.${part({ ...goodClaims(), iat: now, nbf: now, exp: now + 3600 })}.`;
    };
    const cases: Array<[string, () => Promise<Record<string, string>>]> = [
      ['without an Authorization header', async () => ({})],
      ['with an unsigned token (alg none)', async () => bearer(unsignedToken())],
      ['signed by a key the channel never published', async () => bearer(await channelToken(stranger, 'unknown-key', goodClaims()))],
      ['signed by another key under the published key id', async () => bearer(await channelToken(stranger, TRUSTED_KID, goodClaims()))],
      [
        'signed by a key endorsed only for another channel',
        async () => bearer(await channelToken(webChatOnly, webChatOnly.kid, goodClaims())),
      ],
      [
        'whose token expired an hour ago',
        async () => {
          const now = Math.floor(Date.now() / 1000);
          return bearer(await channelToken(trusted, TRUSTED_KID, { ...goodClaims(), iat: now - 7200, nbf: now - 7200, exp: now - 3600 }));
        },
      ],
      [
        'whose token is not valid for another hour',
        async () => {
          const now = Math.floor(Date.now() / 1000);
          return bearer(await channelToken(trusted, TRUSTED_KID, { ...goodClaims(), nbf: now + 3600, exp: now + 7200 }));
        },
      ],
      ['for another bot (audience)', async () => bearer(await channelToken(trusted, TRUSTED_KID, { ...goodClaims(), aud: randomUUID() }))],
      [
        'from another issuer',
        async () => bearer(await channelToken(trusted, TRUSTED_KID, { ...goodClaims(), iss: 'https://sts.example.com' })),
      ],
      [
        'whose token was issued for another connector (serviceurl claim)',
        async () => bearer(await channelToken(trusted, TRUSTED_KID, { ...goodClaims(), serviceurl: 'https://smba.example.com/amer/' })),
      ],
    ];

    it.each(cases)('%s', async (_name, headers) => {
      const what = `Rejected ${randomUUID()}`;
      const rowsBefore = await rowsEverywhere();
      const sentBefore = connector.sent.length;
      // botbuilder logs each rejected token with console.error; the status says it all here.
      const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
      try {
        expect((await post(submission(what), await headers())).status).toBe(401);
        expect((await post(messageActivity('check in', { serviceUrl: connector.serviceUrl }), await headers())).status).toBe(401);
      } finally {
        quiet.mockRestore();
      }
      expect(await rowsEverywhere()).toBe(rowsBefore);
      expect((await alexsEntries()).map((e) => e.what)).not.toContain(what);
      expect(connector.sent.length).toBe(sentBefore);
    });
  });

  describe('accepts a token the channel signed', () => {
    it('and the bot answers "check in" through the connector', async () => {
      const sentBefore = connector.sent.length;
      const token = await channelToken(trusted, TRUSTED_KID, goodClaims());
      const res = await post(messageActivity('check in', { serviceUrl: connector.serviceUrl }), bearer(token));
      expect(res.status).toBe(200);
      expect(connector.sent.length).toBe(sentBefore + 1);
      const reply = connector.sent.at(-1)!;
      expect(reply.activity.attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
      expect(expectValidTeamsCard(reply.activity.attachments?.[0]?.content).renderedText).toContain('What did you learn?');
      // The keys came from the local key server, not from login.botframework.com.
      expect(keys.fetches.metadata).toBeGreaterThanOrEqual(1);
      expect(keys.fetches.keys).toBeGreaterThanOrEqual(1);
    });

    it('and stores the check-in it carries', async () => {
      const what = `Accepted ${randomUUID()}`;
      const token = await channelToken(trusted, TRUSTED_KID, goodClaims());
      const res = await post(submission(what), bearer(token));
      expect(res.status).toBe(200);
      const body = res.body as { statusCode: number; value: unknown };
      expect(body.statusCode).toBe(200);
      expect(expectValidTeamsCard(body.value).renderedText).toContain('Saved to your learning log');
      expect((await alexsEntries()).map((e) => e.what)).toContain(what);
    });
  });
});
