import { RestError, type TableClient, type TransactionAction, odata } from '@azure/data-tables';
import { beforeAll, describe, expect, it } from 'vitest';
import type { StorageConfig } from '../config.js';
import { freshTestStorage, refusedTableClient } from '../testing/test-storage.js';
import { InvalidCursorError } from './page-cursor.js';
import {
  allOf,
  createAllOnce,
  createOnce,
  deleteIfPresent,
  deleteIfUnchanged,
  getOrUndefined,
  listPage,
  rowKeysUnder,
  submitIfUnchanged,
  updateIfPresent,
  updateIfUnchanged,
} from './table-ops.js';

type Row = { partitionKey: string; rowKey: string; n: number };

describe('table ops (Azurite)', () => {
  let storage: StorageConfig;
  let table: TableClient;
  /** The same table, reached with a key storage refuses: every op must throw that, never turn it into an outcome. */
  let refused: TableClient;
  beforeAll(async () => {
    const fresh = await freshTestStorage();
    storage = fresh.storage;
    table = fresh.tables.entries;
    refused = refusedTableClient(storage, table);
  });

  const read = (partitionKey: string, rowKey: string) => getOrUndefined<Row>(table, partitionKey, rowKey);
  const refusal = expect.objectContaining({ statusCode: 403 });

  it('gets a row with its ETag, a missing one as undefined, and throws every other failure', async () => {
    await table.createEntity({ partitionKey: 'get', rowKey: 'here', n: 1 });
    expect(await read('get', 'here')).toMatchObject({ n: 1, etag: expect.any(String) });
    expect(await read('get', 'absent')).toBeUndefined();
    expect(await read('get-nowhere', 'here')).toBeUndefined();
    await expect(getOrUndefined(refused, 'get', 'absent')).rejects.toBeInstanceOf(RestError);
    await expect(getOrUndefined(refused, 'get', 'here')).rejects.toEqual(refusal);
  });

  it('writes by ETag only while the row is as read; a stale ETag reports "changed" and writes nothing', async () => {
    await table.createEntity({ partitionKey: 'etag', rowKey: 'r', n: 1 });
    const first = (await read('etag', 'r'))!;
    const theirs = await updateIfUnchanged(table, { partitionKey: 'etag', rowKey: 'r', n: 2 }, 'Replace', first.etag);
    expect(theirs).toEqual({ kind: 'written', etag: expect.any(String) });

    expect(await updateIfUnchanged(table, { partitionKey: 'etag', rowKey: 'r', n: 3 }, 'Merge', first.etag)).toEqual({ kind: 'changed' });
    const now = (await read('etag', 'r'))!;
    expect(now.n).toBe(2);
    expect(theirs.kind === 'written' && theirs.etag).toBe(now.etag);

    // The ETag a write answers is the one the next conditional write needs.
    const again = await updateIfUnchanged(table, { partitionKey: 'etag', rowKey: 'r', n: 4 }, 'Merge', now.etag);
    expect(again.kind).toBe('written');
    expect((await read('etag', 'r'))!.n).toBe(4);
  });

  it('never creates a row by updating one: a missing row is "missing", or false without an ETag', async () => {
    expect(await updateIfUnchanged(table, { partitionKey: 'upd', rowKey: 'gone', n: 1 }, 'Replace', 'W/"datetime\'2026-01-01\'"')).toEqual({
      kind: 'missing',
    });
    expect(await updateIfPresent(table, { partitionKey: 'upd', rowKey: 'gone', n: 1 }, 'Merge')).toBe(false);
    expect(await read('upd', 'gone')).toBeUndefined();

    await table.createEntity({ partitionKey: 'upd', rowKey: 'here', n: 1 });
    expect(await updateIfPresent(table, { partitionKey: 'upd', rowKey: 'here', n: 5 }, 'Merge')).toBe(true);
    expect((await read('upd', 'here'))!.n).toBe(5);
    await expect(updateIfPresent(refused, { partitionKey: 'upd', rowKey: 'gone', n: 1 }, 'Merge')).rejects.toEqual(refusal);
    await expect(updateIfUnchanged(refused, { partitionKey: 'upd', rowKey: 'here', n: 1 }, 'Merge', '*')).rejects.toEqual(refusal);
  });

  it('creates a row once: the second create reports it exists and leaves the first as written', async () => {
    const created = await createOnce(table, { partitionKey: 'once', rowKey: 'k', n: 1 });
    expect(created).toEqual({ kind: 'created', etag: expect.any(String) });
    expect(await createOnce(table, { partitionKey: 'once', rowKey: 'k', n: 2 })).toEqual({ kind: 'exists' });
    const stored = (await read('once', 'k'))!;
    expect(stored.n).toBe(1);
    expect(created.kind === 'created' && created.etag).toBe(stored.etag);
    await expect(createOnce(refused, { partitionKey: 'once', rowKey: 'other', n: 1 })).rejects.toEqual(refusal);
  });

  it('creates rows together once: when one exists, none of the others is written', async () => {
    const rows = (...keys: string[]) => keys.map((rowKey) => ({ partitionKey: 'all', rowKey, n: 1 }));
    expect(await createAllOnce(table, rows('a', 'b'))).toBe(true);
    expect(await createAllOnce(table, rows('c', 'b'))).toBe(false);
    expect(await read('all', 'c')).toBeUndefined();
    await expect(createAllOnce(refused, rows('d'))).rejects.toEqual(refusal);
  });

  it('submits a transaction only while its rows are as read, else writes none of it', async () => {
    for (const rowKey of ['a', 'b']) await table.createEntity({ partitionKey: 'tx', rowKey, n: 0 });
    const [a, b] = [(await read('tx', 'a'))!, (await read('tx', 'b'))!];
    const claim = (n: number): TransactionAction[] => [
      ['update', { partitionKey: 'tx', rowKey: 'a', n }, 'Merge', { etag: a.etag }],
      ['update', { partitionKey: 'tx', rowKey: 'b', n }, 'Merge', { etag: b.etag }],
    ];
    expect(await submitIfUnchanged(table, claim(1))).toBe(true);
    expect(await submitIfUnchanged(table, claim(2))).toBe(false);
    expect([(await read('tx', 'a'))!.n, (await read('tx', 'b'))!.n]).toEqual([1, 1]);
    expect(
      await submitIfUnchanged(table, [
        ['delete', { partitionKey: 'tx', rowKey: 'a' }],
        ['delete', { partitionKey: 'tx', rowKey: 'gone' }],
      ]),
    ).toBe(false);
    expect(await read('tx', 'a')).toBeDefined();
    await expect(submitIfUnchanged(refused, [['delete', { partitionKey: 'tx', rowKey: 'a' }]])).rejects.toEqual(refusal);
  });

  it('deletes a row if present (gone already is fine), and by ETag only while unchanged', async () => {
    await table.createEntity({ partitionKey: 'del', rowKey: 'r', n: 1 });
    await expect(deleteIfPresent(refused, 'del', 'r')).rejects.toEqual(refusal);
    expect(await deleteIfPresent(table, 'del', 'r')).toBe(true);
    expect(await deleteIfPresent(table, 'del', 'r')).toBe(false);

    await table.createEntity({ partitionKey: 'del', rowKey: 'e', n: 1 });
    const seen = (await read('del', 'e'))!;
    await table.updateEntity({ partitionKey: 'del', rowKey: 'e', n: 2 }, 'Merge');
    expect(await deleteIfUnchanged(table, 'del', 'e', seen.etag)).toEqual({ kind: 'changed' });
    const now = (await read('del', 'e'))!;
    expect(now.n).toBe(2);
    expect(await deleteIfUnchanged(table, 'del', 'e', now.etag)).toEqual({ kind: 'deleted' });
    expect(await deleteIfUnchanged(table, 'del', 'e', now.etag)).toEqual({ kind: 'missing' });
  });

  it('reads exactly the row keys under a prefix, whatever follows it', async () => {
    const inside = ['p|', 'p|a', 'p|z', 'p|{', 'p|~', 'p|\u00e9', 'p|\u4e2d', 'p|a|b'];
    // Just below the range ('{' sorts right before '|'), its end itself ('}' right after), longer keys, neighbours.
    const outside = ['p', 'p{', 'p{z', 'p}', 'p~', 'pa', 'p1|a', 'o|a', 'q|a'];
    await table.submitTransaction(
      [...inside, ...outside].map((rowKey): TransactionAction => ['create', { partitionKey: 'range', rowKey }]),
    );
    await table.createEntity({ partitionKey: 'range-other', rowKey: 'p|a' });
    const found: string[] = [];
    for await (const e of table.listEntities({ queryOptions: { filter: allOf(odata`PartitionKey eq ${'range'}`, rowKeysUnder('p')) } }))
      found.push(e.rowKey!);
    expect(found).toEqual([...inside].sort());
  });

  it('pages through a partition in row key order, and refuses a cursor issued for another partition', async () => {
    const keys = Array.from({ length: 2500 }, (_, i) => `r${String(i).padStart(4, '0')}`);
    for (let i = 0; i < keys.length; i += 100)
      await table.submitTransaction(
        keys.slice(i, i + 100).map((rowKey, j): TransactionAction => ['create', { partitionKey: 'big', rowKey, n: i + j }]),
      );
    await table.createEntity({ partitionKey: 'big-other', rowKey: 'r0000', n: -1 });

    const sizes: number[] = [];
    const seen: string[] = [];
    let cursor: string | undefined;
    let first: string | null = null;
    do {
      const page = await listPage<Row>(table, 'big', { limit: 1000, cursor });
      sizes.push(page.rows.length);
      seen.push(...page.rows.map((r) => r.rowKey!));
      first ??= page.nextCursor;
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(sizes).toEqual([1000, 1000, 500]);
    expect(seen).toEqual(keys);

    await expect(listPage<Row>(table, 'big-other', { limit: 10, cursor: first! })).rejects.toBeInstanceOf(InvalidCursorError);
    const filtered = await listPage<Row>(table, 'big', { limit: 5, filter: odata`n ge ${2497}` });
    expect(filtered.rows.map((r) => r.n)).toEqual([2497, 2498, 2499]);
  });
});
