import { TableClient, odata } from '@azure/data-tables';
import { QueueClient } from '@azure/storage-queue';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAzurite, type RunningAzurite } from '../../scripts/lib/azurite.js';
import { startStorageProxy, type StorageProxy } from './storage-proxy.js';
import { continuationShard, shardContinuation, shardOf, tableTargetOf } from './table-shards.js';

const none = Buffer.alloc(0);

describe('tableTargetOf', () => {
  it('reads the partition from a point request’s path, quotes and escapes undone', () => {
    expect(tableTargetOf('GET', "/devstoreaccount1/Sends(PartitionKey='t1%7Cit''s',RowKey='r')", none)).toEqual({
      kind: 'partition',
      partitionKey: "t1|it's",
    });
  });

  it('reads it from an insert’s body and from a batch’s operations', () => {
    expect(tableTargetOf('POST', '/devstoreaccount1/Sends', Buffer.from('{"PartitionKey":"p1","RowKey":"r"}'))).toEqual({
      kind: 'partition',
      partitionKey: 'p1',
    });
    const batch = "--b\r\nPATCH http://127.0.0.1:1/devstoreaccount1/Goals(PartitionKey='t%7Cu',RowKey='g1') HTTP/1.1\r\n";
    expect(tableTargetOf('POST', '/devstoreaccount1/$batch', Buffer.from(batch))).toEqual({ kind: 'partition', partitionKey: 't|u' });
  });

  it('keeps a query to one partition only when its filter says so with `and` alone', () => {
    const query = (filter: string) => `/devstoreaccount1/Entries()?$filter=${encodeURIComponent(filter)}`;
    expect(tableTargetOf('GET', query("PartitionKey eq 'a' and RowKey ge 'or not'"), none)).toEqual({
      kind: 'partition',
      partitionKey: 'a',
    });
    expect(tableTargetOf('GET', query("PartitionKey eq 'a' or PartitionKey eq 'b'"), none)).toEqual({ kind: 'across' });
    expect(tableTargetOf('GET', query("PartitionKey ge 'a' and PartitionKey lt 'b'"), none)).toEqual({ kind: 'across' });
    expect(tableTargetOf('GET', '/devstoreaccount1/Entries()', none)).toEqual({ kind: 'across' });
    expect(tableTargetOf('POST', '/devstoreaccount1/Tables', Buffer.from('{"TableName":"x"}'))).toEqual({ kind: 'tables' });
  });

  it('spreads partitions over the shards and keeps each on one', () => {
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 4000; i++) counts[shardOf(`tenant|learner-${i}`, 4)]!++;
    for (const n of counts) expect(n).toBeGreaterThan(800);
    expect(shardOf('tenant|learner-7', 4)).toBe(shardOf('tenant|learner-7', 4));
  });

  it('names the shard a continuation is on', () => {
    expect(continuationShard(shardContinuation(2, '1!8!abc'))).toEqual({ shard: 2, own: '1!8!abc' });
    expect(continuationShard(shardContinuation(1, ''))).toEqual({ shard: 1, own: undefined });
    expect(continuationShard(null)).toEqual({ shard: 0, own: undefined });
  });
});

describe('a storage proxy over several Azurite processes', () => {
  let shards: RunningAzurite[];
  let proxy: StorageProxy;
  beforeAll(async () => {
    shards = await Promise.all([startAzurite(), startAzurite(), startAzurite()]);
    proxy = await startStorageProxy(
      {
        host: '127.0.0.1',
        tablePort: shards[0]!.tablePort,
        queuePort: shards[0]!.queuePort,
        tableShards: shards.map((s) => s.tablePort),
        queueShards: shards.map((s) => s.queuePort),
      },
      { latencyMs: 0, jitterMs: 0 },
    );
  }, 60_000);
  afterAll(async () => {
    await proxy.stop();
    await Promise.all(shards.map((s) => s.stop()));
  });

  it('answers as one table: each partition kept whole on one process, a query across them reading every process once', async () => {
    const table = TableClient.fromConnectionString(proxy.connectionString, 'Spread', { allowInsecureConnection: true });
    await table.createTable();
    for (let p = 0; p < 30; p++)
      await table.submitTransaction([0, 1].map((r) => ['create', { partitionKey: `p${p}`, rowKey: `r${r}`, n: p * 2 + r }] as const));
    await table.updateEntity({ partitionKey: 'p7', rowKey: 'r1', n: -1 }, 'Merge');

    expect((await table.getEntity<{ n: number }>('p7', 'r1')).n).toBe(-1);
    const inOne: number[] = [];
    for await (const e of table.listEntities<{ n: number }>({ queryOptions: { filter: odata`PartitionKey eq ${'p3'}` } })) inOne.push(e.n);
    expect(inOne).toEqual([6, 7]);
    const all: string[] = [];
    for await (const page of table.listEntities().byPage({ maxPageSize: 7 })) all.push(...page.map((e) => `${e.partitionKey}/${e.rowKey}`));
    expect(all.sort()).toEqual(Array.from({ length: 60 }, (_, k) => `p${Math.floor(k / 2)}/r${k % 2}`).sort());
    expect(proxy.counters().acrossShards).toBeGreaterThanOrEqual(shards.length);

    // Each process holds its own partitions, and only those.
    const held = await Promise.all(
      shards.map(async (s) => {
        const direct = TableClient.fromConnectionString(s.connectionString, 'Spread', { allowInsecureConnection: true });
        const keys = new Set<string>();
        for await (const e of direct.listEntities()) keys.add(e.partitionKey!);
        return keys;
      }),
    );
    expect(held.reduce((n, keys) => n + keys.size, 0)).toBe(30);
    held.forEach((keys, shard) => {
      expect(keys.size).toBeGreaterThan(0);
      for (const key of keys) expect(shardOf(key, shards.length)).toBe(shard);
    });
    await table.deleteTable();
  });

  it('keeps a queue whole: every message put is received, hidden, renewed and deleted where it lives, and counted once', async () => {
    const queue = new QueueClient(proxy.connectionString, 'spread');
    await queue.create();
    for (let i = 0; i < 12; i++) await queue.sendMessage(`m${i}`);
    expect((await queue.getProperties()).approximateMessagesCount).toBe(12);
    const held = await Promise.all(
      shards.map(async (s) => (await new QueueClient(s.connectionString, 'spread').getProperties()).approximateMessagesCount),
    );
    expect(held.every((n) => n! > 0)).toBe(true);

    const seen: string[] = [];
    for (let round = 0; round < 20 && seen.length < 12; round++) {
      const { receivedMessageItems } = await queue.receiveMessages({ numberOfMessages: 5, visibilityTimeout: 60 });
      for (const m of receivedMessageItems) {
        // Renewed, then deleted under the renewal's receipt: both reach the process that holds it.
        const renewed = await queue.updateMessage(m.messageId, m.popReceipt, m.messageText, 60);
        await queue.deleteMessage(m.messageId, renewed.popReceipt!);
        seen.push(m.messageText);
      }
    }
    expect(seen.sort()).toEqual(Array.from({ length: 12 }, (_, i) => `m${i}`).sort());
    expect((await queue.getProperties()).approximateMessagesCount).toBe(0);
    await queue.delete();
  });
});
