import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, inject, it } from 'vitest';
import type { StorageConfig } from '../../bot/config.js';
import { SendBudgetStore } from '../../bot/store/send-budget-store.js';
import { SendStore } from '../../bot/store/send-store.js';
import { ensureTables, tableClients } from '../../bot/store/table-clients.js';
import { DUE_TENANT_ID, fileDueLearners } from '../../bot/testing/due-learners.js';
import { startTeamsConnector, type TeamsConnector } from '../support/teams-connector/teams-connector.js';

const jobsProcess = fileURLToPath(new URL('../../bot/jobs/jobs-process.ts', import.meta.url));
const mainProcess = fileURLToPath(new URL('../../bot/main.ts', import.meta.url));
const APP_LIMIT = 50;

/** Fresh tables, a connector holding every Teams limit, and `learners` due now. */
async function round(learners: number) {
  const connector = await startTeamsConnector({ latencyMs: [20, 120], defaultTenantId: DUE_TENANT_ID });
  const storage: StorageConfig = {
    kind: 'connectionString',
    connectionString: inject('storageConnectionString'),
    tablePrefix: `f${randomBytes(5).toString('hex')}`,
  };
  await ensureTables(storage);
  await fileDueLearners(storage, connector.serviceUrl, learners);
  return { connector, storage };
}

const children: ChildProcess[] = [];

/** A service process over `storage`: the background jobs alone (as the fan-out benchmark runs them), or the whole service. */
function start(storage: StorageConfig, instanceId: string, script = jobsProcess, env: Record<string, string> = {}): ChildProcess {
  const child = fork(script, [], {
    execArgv: ['--import', 'tsx'],
    env: {
      ...process.env,
      LEARNING_LOOP_MODE: 'local',
      STORAGE_CONNECTION_STRING: storage.kind === 'connectionString' ? storage.connectionString : '',
      TABLE_PREFIX: storage.tablePrefix,
      LOG_LEVEL: 'silent',
      INSTANCE_ID: instanceId,
      SCHEDULER_EVERY_MS: '500',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  children.push(child);
  return child;
}

async function waitFor(condition: () => boolean | Promise<boolean>, ms: number, what: string): Promise<void> {
  const end = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) =>
    child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', (code) => resolve(code)),
  );

const delivered = (connector: TeamsConnector) => connector.stats.deliveries.size;

/** Every limit Teams holds, as the connector counted every request (refused ones too). */
function expectWithinTeamsLimits(connector: TeamsConnector): void {
  const { stats } = connector;
  expect(stats.maxRequestsInOneSecond, 'requests to the tenant certainly within one second').toBeLessThanOrEqual(APP_LIMIT);
  expect(stats.conversationViolations).toBe(0);
  expect(stats.throttledOverLimit).toBe(0);
}

describe('a fleet of service processes sending to one tenant (Azurite, the Teams connector stand-in)', () => {
  afterAll(() => children.forEach((c) => c.kill('SIGKILL')));

  it('two processes sending at once never exceed the limits in any window, and share the budget', async () => {
    const LEARNERS = 240;
    const { connector, storage } = await round(LEARNERS);
    const budget = new SendBudgetStore(tableClients(storage).leases);
    start(storage, 'fleet-a');
    start(storage, 'fleet-b');
    let sawBoth = false;
    await waitFor(
      async () => {
        const holders = new Set((await budget.read(DUE_TENANT_ID)).slices.map((s) => s.holder));
        sawBoth ||= holders.has('fleet-a') && holders.has('fleet-b');
        return delivered(connector) >= LEARNERS;
      },
      150_000,
      'every learner delivered',
    );
    expect(sawBoth, 'both processes held a share of the budget at once').toBe(true);
    expectWithinTeamsLimits(connector);
    expect(connector.stats.duplicates).toBe(0);
    expect([...connector.stats.deliveries.values()].every((n) => n === 1)).toBe(true);
    await connector.stop();
  }, 240_000);

  it('a process killed mid-round loses nothing: the other takes its share and its sends', async () => {
    const LEARNERS = 240;
    const { connector, storage } = await round(LEARNERS);
    const killed = start(storage, 'fleet-killed');
    start(storage, 'fleet-survivor');
    await waitFor(() => delivered(connector) >= LEARNERS / 3, 150_000, 'a third delivered');
    killed.kill('SIGKILL');
    await exited(killed);
    // What the dead process had claimed but not recorded as sent: the only sends that can go out twice.
    const sends = new SendStore(tableClients(storage).sends);
    const claimedAtKill = new Set<string>();
    for (let i = 0; i < LEARNERS; i++) {
      const record = await sends.get(DUE_TENANT_ID, `learner-${i}`, '2026-W48', 'checkin');
      if (record?.status === 'sending') claimedAtKill.add(`a:learner-${i}`);
    }
    await waitFor(() => delivered(connector) >= LEARNERS, 150_000, 'every learner delivered');
    expect(delivered(connector)).toBe(LEARNERS);
    expectWithinTeamsLimits(connector);
    for (const [conversation, n] of connector.stats.deliveries) {
      if (n > 1) expect(claimedAtKill.has(conversation), `${conversation} was sent twice`).toBe(true);
    }
    await connector.stop();
  }, 330_000);

  it('a service stopped with SIGTERM hands its share back and leaves the fleet before it exits', async () => {
    const { connector, storage } = await round(120);
    const budget = new SendBudgetStore(tableClients(storage).leases);
    // The whole service (bot/main.ts, as App Service runs it), which names itself.
    const service = start(storage, 'unused', mainProcess, { PORT: String(await freePort()) });
    await waitFor(async () => (await budget.read(DUE_TENANT_ID)).slices.some((s) => s.holder !== ''), 150_000, 'a share held');
    await waitFor(() => delivered(connector) > 0, 30_000, 'a first delivery');
    service.kill('SIGTERM');
    expect(await exited(service)).toBe(0);
    const rows = await budget.read(DUE_TENANT_ID);
    expect(rows.members).toEqual([]);
    expect(rows.slices.filter((s) => s.holder !== '')).toEqual([]);
    await connector.stop();
  }, 200_000);
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
