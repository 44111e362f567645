import { randomBytes } from 'node:crypto';
import { RestError, TableClient, TableServiceClient } from '@azure/data-tables';
import { QueueClient } from '@azure/storage-queue';
import { afterEach, describe, expect, inject, it, vi } from 'vitest';
import {
  azuritePortsOf,
  queueOf,
  seededRandom,
  startStorageProxy,
  tableOf,
  type StorageProxy,
  type StorageProxyOptions,
} from './storage-proxy.js';

const started: StorageProxy[] = [];
afterEach(async () => {
  for (const p of started.splice(0)) await p.stop();
});

async function proxy(options: StorageProxyOptions): Promise<StorageProxy> {
  const p = await startStorageProxy(azuritePortsOf(inject('storageConnectionString')), options);
  started.push(p);
  return p;
}

const name = (stem: string) => `${stem}${randomBytes(4).toString('hex')}`;
const tableClient = (p: StorageProxy, table: string, maxRetries = 3) =>
  TableClient.fromConnectionString(p.connectionString, table, {
    allowInsecureConnection: true,
    retryOptions: { maxRetries, retryDelayInMs: 1, maxRetryDelayInMs: 2 },
  });
/** A request that reaches Azurite and is refused there (no signature): enough to count. */
const ping = (p: StorageProxy) => fetch(`http://127.0.0.1:${p.tablePort}/devstoreaccount1/Tables`).then((r) => r.status);

describe('storage proxy', () => {
  it('delays every request by the latency, within its jitter', async () => {
    const waited: number[] = [];
    const p = await proxy({ latencyMs: 15, jitterMs: 5, random: seededRandom(1), sleep: async (ms) => void waited.push(ms) });
    for (let i = 0; i < 200; i++) await ping(p);
    expect(waited).toHaveLength(200);
    expect(Math.min(...waited)).toBeGreaterThanOrEqual(10);
    expect(Math.max(...waited)).toBeLessThanOrEqual(20);
    // Jitter spreads the delays over the range, not on one value.
    expect(Math.max(...waited) - Math.min(...waited)).toBeGreaterThan(8);
    const { delay } = p.counters();
    expect(delay.count).toBe(200);
    expect(delay.totalMs / delay.count).toBeGreaterThan(13);
    expect(delay.totalMs / delay.count).toBeLessThan(17);
  });

  it('holds each answer at least as long as the delay it drew', async () => {
    const p = await proxy({ latencyMs: 30, jitterMs: 0 });
    const t0 = performance.now();
    await ping(p);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(p.counters().delay.minMs - 1);
    expect(p.counters().delay.minMs).toBe(30);
  });

  it('injects ServerBusy and OperationTimedOut at the rates set', async () => {
    const p = await proxy({ latencyMs: 0, serverBusyRate: 0.1, timeoutRate: 0.05, random: seededRandom(7) });
    const statuses: number[] = [];
    for (let i = 0; i < 1000; i++) statuses.push(await ping(p));
    const c = p.counters();
    expect(c.requests).toBe(1000);
    expect(statuses.filter((s) => s === 503)).toHaveLength(c.serverBusy);
    expect(statuses.filter((s) => s === 500)).toHaveLength(c.operationTimedOut);
    expect(c.serverBusy).toBeGreaterThan(70);
    expect(c.serverBusy).toBeLessThan(130);
    expect(c.operationTimedOut).toBeGreaterThan(30);
    expect(c.operationTimedOut).toBeLessThan(70);
  });

  it('answers errors the table SDK reads as Azure’s, and retries as it does there', async () => {
    const table = name('Busy');
    // Seeded: at these rates an unseeded run loses a write past eight retries about one run in twenty.
    const p = await proxy({ latencyMs: 0, random: seededRandom(11) });
    await TableServiceClient.fromConnectionString(p.connectionString, { allowInsecureConnection: true }).createTable(table);
    p.set({ serverBusyRate: 1 });
    p.resetCounters();
    const error = await tableClient(p, table, 2)
      .upsertEntity({ partitionKey: 'p', rowKey: 'r' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RestError);
    expect((error as RestError).statusCode).toBe(503);
    const details = (error as RestError).details as { errorCode?: string; odataError?: { code?: string } };
    expect(details.errorCode).toBe('ServerBusy');
    expect(details.odataError?.code).toBe('ServerBusy');
    // The first attempt and both retries.
    expect(p.counters().requests).toBe(3);

    // At a high error rate every write still lands, through the SDK's own retries.
    p.set({ serverBusyRate: 0.3, timeoutRate: 0.2, timeoutsAppliedRate: 0.5 });
    const client = tableClient(p, table, 8);
    for (let i = 0; i < 30; i++) await client.upsertEntity({ partitionKey: 'p', rowKey: `r${i}`, n: i }, 'Replace');
    await client.submitTransaction(Array.from({ length: 10 }, (_, i) => ['upsert', { partitionKey: 'b', rowKey: `r${i}` }] as const));
    p.set({ serverBusyRate: 0, timeoutRate: 0 });
    let rows = 0;
    for await (const _ of client.listEntities()) rows++;
    expect(rows).toBe(40);
    expect(p.counters().serverBusy + p.counters().operationTimedOut).toBeGreaterThan(0);
  });

  it('answers queue errors in XML with the error code header, which the queue SDK retries', async () => {
    const queue = name('busy');
    const p = await proxy({ latencyMs: 0 });
    const client = new QueueClient(p.connectionString, queue, { retryOptions: { maxTries: 3, retryDelayInMs: 1, maxRetryDelayInMs: 2 } });
    await client.create();
    p.set({ serverBusyRate: 1 });
    p.resetCounters();
    const error = await client.sendMessage('x').catch((e: unknown) => e);
    expect((error as RestError).statusCode).toBe(503);
    expect((error as { details?: { errorCode?: string } }).details?.errorCode).toBe('ServerBusy');
    expect(p.counters().requests).toBe(3);
  });

  it('counts requests by table and by queue, batches under their table', async () => {
    const table = name('Counted');
    const queue = name('counted');
    const p = await proxy({ latencyMs: 0 });
    await TableServiceClient.fromConnectionString(p.connectionString, { allowInsecureConnection: true }).createTable(table);
    const client = tableClient(p, table);
    await client.upsertEntity({ partitionKey: 'p', rowKey: 'a' });
    await client.getEntity('p', 'a');
    await client.submitTransaction([['upsert', { partitionKey: 'p', rowKey: 'b' }]]);
    for await (const _ of client.listEntities()) void _;
    const queueClient = new QueueClient(p.connectionString, queue);
    await queueClient.create();
    await queueClient.sendMessage('hello');
    const c = p.counters();
    expect(c.byTable).toEqual({ Tables: 1, [table]: 4 });
    expect(c.byQueue).toEqual({ [queue]: 2 });
    expect(c.requests).toBe(7);
  });

  it('knows the table of each kind of request path', () => {
    const none = Buffer.alloc(0);
    expect(tableOf("/devstoreaccount1/Entries(PartitionKey='a',RowKey='b')", none)).toBe('Entries');
    expect(tableOf('/devstoreaccount1/Entries()?$filter=x', none)).toBe('Entries');
    expect(tableOf('/devstoreaccount1/Tables', none)).toBe('Tables');
    const batch = Buffer.from(
      "--batch_1\r\n\r\n--changeset_1\r\nPATCH http://127.0.0.1:1/devstoreaccount1/Shares(PartitionKey='p',RowKey='r') HTTP/1.1\r\n",
    );
    expect(tableOf('/devstoreaccount1/$batch', batch)).toBe('Shares');
    expect(queueOf('/devstoreaccount1/work/messages?visibilitytimeout=30')).toBe('work');
  });

  it('drops the connection when storage cannot be reached, and counts it', async () => {
    const closed = await startStorageProxy({ host: '127.0.0.1', tablePort: 1, queuePort: 1 }, { latencyMs: 0 });
    started.push(closed);
    await expect(ping(closed)).rejects.toThrow();
    expect(closed.counters()).toMatchObject({ requests: 1, dropped: 1, inFlight: 0 });
  });

  it('records the most requests in flight at once', async () => {
    const held: Array<() => void> = [];
    const p = await proxy({ latencyMs: 10, sleep: () => new Promise<void>((resolve) => held.push(resolve)) });
    const answers = Promise.all(Array.from({ length: 12 }, () => ping(p)));
    await vi.waitFor(() => expect(held).toHaveLength(12));
    expect(p.counters().inFlight).toBe(12);
    for (const release of held.splice(0)) release();
    await answers;
    expect(p.counters()).toMatchObject({ inFlight: 0, maxInFlight: 12 });
    p.resetCounters();
    const last = ping(p);
    await vi.waitFor(() => expect(held).toHaveLength(1));
    held[0]!();
    await last;
    expect(p.counters()).toMatchObject({ inFlight: 0, maxInFlight: 1, requests: 1 });
  });
});
