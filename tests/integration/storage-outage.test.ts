import { randomBytes } from 'node:crypto';
import { pino } from 'pino';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { azuriteConnectionString } from '../../bot/config.js';
import { localConfig } from '../../bot/testing/local-config.js';
import { buildService } from '../../bot/service.js';
import { ensureTables } from '../../bot/store/table-clients.js';
import { fileDueLearners } from '../../bot/testing/due-learners.js';
import { startFakeConnector } from '../../bot/testing/fake-connector.js';
import { startOutageProxy } from '../../bot/testing/outage-proxy.js';

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
    const service = buildService(localConfig(storage), { logger: pino({ level: 'silent' }), instanceId: 'outage' });
    const jobs = await service.startJobs({ schedulerEveryMs: 300 });
    cleanup.push(() => jobs.stop());

    const delivered = () => new Set(connector.sent.map((s) => s.conversationId)).size;
    const waitFor = async (condition: () => boolean, ms: number) => {
      const end = Date.now() + ms;
      while (!condition() && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
    };
    await waitFor(() => delivered() >= LEARNERS / 4, 30_000);
    const downAt = Date.now();
    tables.setDown(true);
    queues.setDown(true);
    const atOutage = delivered();
    await new Promise((r) => setTimeout(r, 4000));
    tables.setDown(false);
    queues.setDown(false);
    const upAt = Date.now();
    await waitFor(() => delivered() >= LEARNERS, 60_000);
    await new Promise((r) => setTimeout(r, 1000));

    const perConversation = new Map<string, number>();
    for (const s of connector.sent) perConversation.set(s.conversationId, (perConversation.get(s.conversationId) ?? 0) + 1);
    const duplicates = [...perConversation.values()].reduce((sum, n) => sum + n - 1, 0);
    console.log(`outage after ${atOutage} of ${LEARNERS}; delivered ${perConversation.size}, duplicates ${duplicates}`);
    expect(atOutage).toBeLessThan(LEARNERS);
    expect(perConversation.size).toBe(LEARNERS);
    // Only a send that Teams accepted while its outcome could not be recorded may go again.
    const unrecordable = connector.sent.filter((s) => (s.receivedAt ?? 0) >= downAt - 200 && (s.receivedAt ?? 0) <= upAt).length;
    expect(duplicates).toBeLessThanOrEqual(unrecordable);
  }, 120_000);
});
