import { randomBytes } from 'node:crypto';
import { pino } from 'pino';
import { afterAll, describe, expect, inject, it, vi } from 'vitest';
import { azuriteConnectionString } from '../../bot/config.js';
import { localConfig } from '../../bot/testing/local-config.js';
import { buildService } from '../../bot/service.js';
import { ensureTables } from '../../bot/store/table-clients.js';
import { fileDueLearners } from '../../bot/testing/due-learners.js';
import { startFakeConnector } from '../../bot/testing/fake-connector.js';
import { startOutageProxy } from '../../bot/testing/outage-proxy.js';
import { dueRound } from '../support/due-round.js';

const LEARNERS = 80;

function portOf(connectionString: string, endpoint: 'TableEndpoint' | 'QueueEndpoint'): number {
  const m = new RegExp(`${endpoint}=http://[^:]+:(\\d+)/`).exec(connectionString);
  if (!m) throw new Error(`no ${endpoint} in the connection string`);
  return Number(m[1]);
}

describe('storage unreachable in the middle of a round (Azurite behind a proxy)', () => {
  const cleanup: Array<() => Promise<unknown>> = [];
  afterAll(async () => {
    for (const c of cleanup.reverse()) await c();
  });

  it('picks up where it was once storage is back: everyone gets their check-in, none lost', async () => {
    const azurite = inject('storageConnectionString');
    const tables = await startOutageProxy({ host: '127.0.0.1', port: portOf(azurite, 'TableEndpoint') });
    const queues = await startOutageProxy({ host: '127.0.0.1', port: portOf(azurite, 'QueueEndpoint') });
    const connector = await startFakeConnector({}, { delayMs: 10 });
    cleanup.push(tables.stop, queues.stop, connector.stop);
    const storage = {
      kind: 'connectionString' as const,
      connectionString: azuriteConnectionString('127.0.0.1', tables.port, queues.port),
      tablePrefix: `o${randomBytes(5).toString('hex')}`,
    };
    await ensureTables(storage);
    await fileDueLearners(storage, connector.serviceUrl, LEARNERS);
    // Counts the failures that got past the storage SDK's own retries, which the service logs as errors.
    let errorsLogged = 0;
    const logger = pino({ level: 'error' }, { write: () => void errorsLogged++ });
    const service = buildService(localConfig(storage), { logger, instanceId: 'outage' });
    const jobs = await service.startJobs({ schedulerEveryMs: 300 });
    cleanup.push(() => jobs.stop());

    const delivered = () => new Set(connector.sent.map((s) => s.conversationId)).size;
    // Read straight from Azurite, past the proxies, so the test sees the records while the service cannot.
    const round = dueRound({ ...storage, connectionString: azurite }, LEARNERS);

    await vi.waitUntil(() => delivered() >= LEARNERS / 4, { timeout: 30_000, interval: 20, message: 'waiting for a quarter of the round' });
    tables.setDown(true);
    queues.setDown(true);
    const downAt = Date.now();
    const atOutage = delivered();
    const errorsBefore = errorsLogged;
    // Down until the service has run into the outage on both, past its retries, however long that takes.
    await vi.waitUntil(() => tables.refused() > 0 && queues.refused() > 0 && errorsLogged > errorsBefore, {
      timeout: 30_000,
      interval: 20,
      message: 'waiting for the service to meet the outage on tables and queues',
    });
    // What was claimed and not recorded while storage was away: the only sends that can go out twice.
    // Read once storage has answered every request let through before the outage, so no claim lands after.
    await vi.waitUntil(() => tables.forwarding() === 0 && queues.forwarding() === 0, {
      timeout: 30_000,
      interval: 20,
      message: 'waiting for storage to answer the requests let through before the outage',
    });
    const claimedInOutage = await round.claimedNotRecorded();
    tables.setDown(false);
    queues.setDown(false);
    const downForMs = Date.now() - downAt;

    await round.allSent(100_000);

    const perConversation = new Map<string, number>();
    for (const s of connector.sent) perConversation.set(s.conversationId, (perConversation.get(s.conversationId) ?? 0) + 1);
    const duplicates = [...perConversation.values()].reduce((sum, n) => sum + n - 1, 0);
    console.log(
      `outage after ${atOutage} of ${LEARNERS}, for ${downForMs} ms; delivered ${perConversation.size}, duplicates ${duplicates}, claimed and not recorded in the outage ${claimedInOutage.size}`,
    );
    expect(atOutage).toBeLessThan(LEARNERS);
    expect(perConversation.size).toBe(LEARNERS);
    // Only a send that Teams accepted while its outcome could not be recorded may go again.
    for (const [conversation, n] of perConversation) {
      if (n === 1) continue;
      // When each copy reached the connector, from the start of the outage: says where a stray one came from.
      const at = connector.sent.filter((s) => s.conversationId === conversation).map((s) => `${(s.receivedAt ?? 0) - downAt} ms`);
      expect(claimedInOutage.has(conversation), `${conversation} was sent ${n} times, at ${at.join(', ')} from the outage's start`).toBe(
        true,
      );
    }
  }, 180_000);
});
