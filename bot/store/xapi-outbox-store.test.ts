import { TableClient } from '@azure/data-tables';
import { describe, expect, it } from 'vitest';
import { azuritePortsOf, startStorageProxy } from '../../tests/support/storage-proxy.js';
import { statementOf } from '../domain/xapi/statements.js';
import { freshTestStorage } from '../testing/test-storage.js';
import { keyOf } from './keys.js';
import { XapiOutboxStore, type NewOutboxRow } from './xapi-outbox-store.js';

const tenantId = 't1';
const at = '2026-12-01T10:00:00.000Z';

function rowFor(n: number): NewOutboxRow {
  const entry = {
    id: `entry-${String(n).padStart(6, '0')}`,
    tenantId,
    userId: `u${n % 7}`,
    what: `Entry ${n}`,
    sourceType: 'article' as const,
    link: null,
    minutes: 10,
    rating: null,
    insight: null,
    action: null,
    visibility: 'team' as const,
    createdAt: at,
  };
  return { statement: statementOf({ kind: 'entry', entry } as never, []), actorId: entry.userId, instructorId: undefined };
}

/** The outbox over a proxy that counts the requests it makes. */
async function countedOutbox() {
  const { storage, tables } = await freshTestStorage();
  if (storage.kind !== 'connectionString') throw new Error('Azurite by connection string');
  const proxy = await startStorageProxy(azuritePortsOf(storage.connectionString), { latencyMs: 0, jitterMs: 0 });
  const table = TableClient.fromConnectionString(proxy.connectionString, tables.xapiOutbox.tableName, { allowInsecureConnection: true });
  const sent = TableClient.fromConnectionString(proxy.connectionString, tables.xapiSent.tableName, { allowInsecureConnection: true });
  return {
    outbox: new XapiOutboxStore(table, sent),
    direct: new XapiOutboxStore(tables.xapiOutbox, tables.xapiSent),
    raw: tables.xapiOutbox,
    proxy,
  };
}

describe('the xAPI outbox (Azurite)', () => {
  it('claims in two requests and answers its status in two, however much has gone before', async () => {
    const { outbox, direct, proxy } = await countedOutbox();
    try {
      const sent = Array.from({ length: 600 }, (_, i) => rowFor(i));
      await direct.add(tenantId, sent, at);
      for (;;) {
        const claimed = await direct.claimDue(tenantId, new Date(at), 100, 60);
        if (claimed.length === 0) break;
        await direct.markSent(tenantId, claimed, at);
      }
      await direct.add(
        tenantId,
        Array.from({ length: 10 }, (_, i) => rowFor(1000 + i)),
        at,
      );

      proxy.resetCounters();
      const claimed = await outbox.claimDue(tenantId, new Date(at), 50, 60);
      expect(claimed).toHaveLength(10);
      expect(proxy.counters().requests).toBe(2);

      proxy.resetCounters();
      const status = await outbox.summary(tenantId);
      expect(status).toMatchObject({ sent: 600, pending: 10, failed: 0 });
      expect(proxy.counters().requests).toBeLessThanOrEqual(2);
    } finally {
      await proxy.stop();
    }
  });

  it('keeps a statement that went from going again when it is written again (a second backfill)', async () => {
    const { direct } = await countedOutbox();
    const rows = [rowFor(1), rowFor(2)];
    expect(await direct.add(tenantId, rows, at)).toBe(2);
    const claimed = await direct.claimDue(tenantId, new Date(at), 10, 60);
    await direct.markSent(tenantId, claimed, at);
    expect(await direct.add(tenantId, [...rows, rowFor(3)], at)).toBe(1);
    expect((await direct.claimDue(tenantId, new Date(at), 10, 60)).map((r) => r.statementId)).toEqual([rowFor(3).statement.id]);
    expect(await direct.discard(tenantId, rowFor(1).statement.id)).toBe('sent');
  });

  it('moves only the rows it still holds: one claimed again by another worker after its claim ran out stays for that worker', async () => {
    const { direct } = await countedOutbox();
    await direct.add(tenantId, [rowFor(1), rowFor(2)], at);
    const first = await direct.claimDue(tenantId, new Date(at), 10, 60);
    // Its claim runs out; another worker claims the same rows and sends them.
    const later = new Date(Date.parse(at) + 120_000);
    const second = await direct.claimDue(tenantId, later, 10, 60);
    expect(second).toHaveLength(2);
    await direct.markSent(tenantId, first, at);
    expect(await direct.summary(tenantId)).toMatchObject({ sent: 0, pending: 2 });
    await direct.markSent(tenantId, second, later.toISOString());
    expect(await direct.summary(tenantId)).toMatchObject({ sent: 2, pending: 0 });
  });

  it('moves rows an earlier version kept in one partition per tenant to where they belong', async () => {
    const { direct, raw } = await countedOutbox();
    const legacy = (n: number, status: 'pending' | 'sent') => {
      const row = rowFor(n);
      return {
        partitionKey: keyOf(tenantId),
        rowKey: row.statement.id,
        statement: JSON.stringify(row.statement),
        actorId: row.actorId,
        instructorId: '',
        status,
        attempts: 0,
        notBefore: at,
        lastError: '',
        updatedAt: at,
      };
    };
    for (let i = 0; i < 150; i++) await raw.createEntity(legacy(i, i < 140 ? 'sent' : 'pending'));
    let moved = 0;
    for (let n = await direct.migrateLegacy(tenantId); n > 0; n = await direct.migrateLegacy(tenantId)) moved += n;
    expect(moved).toBe(150);
    expect(await direct.summary(tenantId)).toMatchObject({ sent: 140, pending: 10 });
    expect(await direct.claimDue(tenantId, new Date(at), 50, 60)).toHaveLength(10);
  });
});
