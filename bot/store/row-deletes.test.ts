import { odata } from '@azure/data-tables';
import { describe, expect, it } from 'vitest';
import { freshTestStorage } from '../testing/test-storage.js';
import { deleteMatching, deletePartition, deleteRows, listKeys } from './row-deletes.js';

describe('row deletes (Azurite)', () => {
  it('deletes a partition of more rows than one batch holds, and leaves other partitions alone', async () => {
    const { tables } = await freshTestStorage();
    const table = tables.entries;
    for (let i = 0; i < 130; i++) await table.createEntity({ partitionKey: 'p1', rowKey: `r${String(i).padStart(3, '0')}`, n: i });
    await table.createEntity({ partitionKey: 'p2', rowKey: 'keep', n: 0 });
    expect(await deletePartition(table, 'p1')).toBe(130);
    expect(await listKeys(table, odata`PartitionKey eq ${'p1'}`)).toEqual([]);
    expect(await listKeys(table, odata`PartitionKey eq ${'p2'}`)).toEqual([{ partitionKey: 'p2', rowKey: 'keep' }]);
  });

  it('finishes a batch one of whose rows is already gone (a run cut short, done again)', async () => {
    const { tables } = await freshTestStorage();
    const table = tables.entries;
    for (const rowKey of ['a', 'b', 'c']) await table.createEntity({ partitionKey: 'p', rowKey });
    const rows = ['a', 'gone', 'b', 'c'].map((rowKey) => ({ partitionKey: 'p', rowKey }));
    expect(await deleteRows(table, rows)).toBe(3);
    expect(await deleteRows(table, rows)).toBe(0);
    expect(await listKeys(table, odata`PartitionKey eq ${'p'}`)).toEqual([]);
  });

  it('deletes what a filter finds across more than one page of results and leaves the rest', async () => {
    const { tables } = await freshTestStorage();
    const table = tables.entries;
    // 1,300 old rows over three partitions (past one 1,000-row page), interleaved with rows to keep.
    for (const partitionKey of ['a', 'b', 'c']) {
      const rows = Array.from({ length: 500 }, (_, i) => ({
        partitionKey,
        rowKey: String(i).padStart(4, '0'),
        old: i < (partitionKey === 'c' ? 300 : 500),
      }));
      for (let i = 0; i < rows.length; i += 100) {
        await table.submitTransaction(rows.slice(i, i + 100).map((row) => ['create', row] as const));
      }
    }
    expect(await deleteMatching(table, odata`old eq ${true}`)).toBe(1300);
    const left = await listKeys(table, odata`PartitionKey ge ${''}`);
    expect(left).toHaveLength(200);
    expect(left.every((k) => k.partitionKey === 'c' && k.rowKey >= '0300')).toBe(true);
    expect(await deleteMatching(table, odata`old eq ${true}`)).toBe(0);
  });
});
