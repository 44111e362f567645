import { randomUUID } from 'node:crypto';
import { pino } from 'pino';
import type { TransactionAction } from '@azure/data-tables';
import { buildService } from '../bot/service.js';
import { statementOf } from '../bot/domain/xapi/statements.js';
import { ensureTables, tableClients } from '../bot/store/table-clients.js';
import { XapiOutboxStore, type NewOutboxRow } from '../bot/store/xapi-outbox-store.js';
import { localConfig } from '../bot/testing/local-config.js';
import { startLrsStandIn } from '../tests/support/lrs-stand-in.js';
import type { StorageProxy } from '../tests/support/storage-proxy.js';
import { BENCH_LATENCY_MS, MEASURED_STORAGE, SEEDING_STORAGE } from './support/bench-settings.js';
import { round } from './support/operation-cost.js';

const TENANT = 'bench-tenant';
const KEY = 'bench-key';
const SECRET = 'bench-secret';

export interface XapiOutboxResult {
  latencyMs: number;
  /** Statements already sent (their slim rows) when measured. */
  sent: number;
  pending: number;
  /** Storage requests for one claim of due statements, and for the LRS status. */
  claimRequests: number;
  statusRequests: number;
  /** Statements sent to a stand-in LRS by the real sender, per second, from the outbox through to marked sent. */
  statementsPerSecond: number;
  drained: number;
  drainSeconds: number;
  storageRequestsPerStatement: number;
  measuredAt: string;
}

function entryRow(n: number): NewOutboxRow {
  const entry = {
    id: `bench-entry-${n}`,
    tenantId: TENANT,
    userId: `learner-${n % 997}`,
    what: `Something learned ${n}`,
    sourceType: 'article' as const,
    link: null,
    minutes: 15,
    rating: 4,
    insight: null,
    action: null,
    visibility: 'team' as const,
    createdAt: new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString(),
  };
  // The record shape statementOf reads; a learning entry as the check-in writes it.
  return { statement: statementOf({ kind: 'entry', entry } as never, []), actorId: entry.userId, instructorId: undefined };
}

/**
 * The outbox with a long history: `sent` statements already gone (written straight as the slim
 * rows the sender leaves) and `pending` waiting; then, at Azure's latency, what one claim and one
 * status read cost, and how fast the real sender drains `drain` statements to a stand-in LRS.
 */
export async function runXapiOutbox(options: {
  proxy: StorageProxy;
  sent: number;
  pending: number;
  drain: number;
}): Promise<XapiOutboxResult> {
  const { proxy } = options;
  const config = localConfig({
    kind: 'connectionString',
    connectionString: proxy.connectionString,
    tablePrefix: `xo${Date.now().toString(36)}`,
  });
  proxy.set(SEEDING_STORAGE);
  await ensureTables(config.storage);
  const lrs = await startLrsStandIn({ key: KEY, secret: SECRET });
  const service = buildService(config, { logger: pino({ level: 'silent' }) });
  await service.queues.xapi.create();
  const tables = tableClients(config.storage);
  const outbox = new XapiOutboxStore(tables.xapiOutbox, tables.xapiSent);

  // What went before: slim rows and the count, 100 rows a transaction, 16 transactions in flight.
  const sentPartition = XapiOutboxStore.sentPartition(TENANT);
  const at = new Date().toISOString();
  const batches: TransactionAction[][] = [];
  for (let i = 0; i < options.sent; i += 100)
    batches.push(
      Array.from({ length: Math.min(100, options.sent - i) }, (_, k): TransactionAction => [
        'upsert',
        {
          partitionKey: sentPartition,
          rowKey: randomUUID(),
          actorId: `learner-${(i + k) % 997}`,
          instructorId: '',
          authorId: '',
          updatedAt: at,
        },
      ]),
    );
  for (let i = 0; i < batches.length; i += 16) await Promise.all(batches.slice(i, i + 16).map((b) => tables.xapiSent.submitTransaction(b)));
  await tables.xapiOutbox.upsertEntity({ partitionKey: XapiOutboxStore.waitingPartition(TENANT), rowKey: '~counts', sent: options.sent });
  await outbox.add(
    TENANT,
    Array.from({ length: options.pending }, (_, n) => entryRow(n)),
    at,
  );

  proxy.set(MEASURED_STORAGE);
  proxy.resetCounters();
  const claimed = await outbox.claimDue(TENANT, new Date(), 50, 60);
  const claimRequests = proxy.counters().requests;
  proxy.resetCounters();
  const status = await outbox.summary(TENANT);
  const statusRequests = proxy.counters().requests;
  if (claimed.length === 0 || status.sent !== options.sent) throw new Error('the seeded outbox is not as written');
  // Let the measured claim go again at once, as a failed attempt due now would.
  const now = new Date().toISOString();
  await outbox.markAttemptFailed(
    TENANT,
    claimed.map((r) => r.statementId),
    'measured claim released',
    now,
    now,
  );

  // Draining through the real sender: the statements waiting, then a fresh batch written as the service writes them.
  proxy.set(SEEDING_STORAGE);
  await outbox.add(
    TENANT,
    Array.from({ length: options.drain }, (_, n) => entryRow(options.pending + n)),
    new Date().toISOString(),
  );
  await service.stores.lrs.save(TENANT, { endpoint: lrs.endpoint, key: KEY, secret: SECRET, updatedAt: at });
  const toSend = (await outbox.summary(TENANT)).pending;
  proxy.set(MEASURED_STORAGE);
  proxy.resetCounters();
  const started = performance.now();
  let left = toSend;
  await service.queues.xapi.send({ tenantId: TENANT, kind: 'send' });
  const stopAt = Date.now() + 10 * 60_000;
  while (left > 0 && Date.now() < stopAt) {
    if ((await service.xapiSender.drainOnce()) === 0) {
      await service.queues.xapi.send({ tenantId: TENANT, kind: 'send' });
    }
    left = (await outbox.summary(TENANT)).pending;
  }
  const seconds = (performance.now() - started) / 1000;
  const requests = proxy.counters().requests;
  proxy.set(SEEDING_STORAGE);
  await lrs.stop();
  const drained = toSend - left;
  return {
    latencyMs: BENCH_LATENCY_MS,
    sent: options.sent,
    pending: options.pending,
    claimRequests,
    statusRequests,
    statementsPerSecond: round(drained / seconds),
    drained,
    drainSeconds: round(seconds),
    storageRequestsPerStatement: round(requests / Math.max(1, drained)),
    measuredAt: new Date().toISOString(),
  };
}
