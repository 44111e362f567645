import { startAzurite, type RunningAzurite } from '../../scripts/lib/azurite.js';
import { startStorageProxy, type StorageProxy } from '../../tests/support/storage-proxy.js';
import { SEEDING_STORAGE } from './bench-settings.js';

/**
 * Storage for a benchmark whose tables grow past what one Azurite process answers at Table
 * Storage's pace (its requests slow with the table's size; see `tests/support/table-shards.ts`):
 * `shards` Azurite processes each hold a share of every table's partitions, behind one latency
 * proxy; the queues stay on `queues` (a process of their own).
 */
export async function startShardedStorage(
  queues: Pick<RunningAzurite, 'queuePort'>,
  shards: number,
): Promise<{ proxy: StorageProxy; shards: number; stop(): Promise<void> }> {
  const tables = await Promise.all(Array.from({ length: Math.max(1, shards) }, () => startAzurite()));
  const proxy = await startStorageProxy(
    { host: '127.0.0.1', tablePort: tables[0]!.tablePort, queuePort: queues.queuePort, tableShards: tables.map((t) => t.tablePort) },
    SEEDING_STORAGE,
  );
  return {
    proxy,
    shards: tables.length,
    stop: async () => {
      await proxy.stop();
      await Promise.all(tables.map((t) => t.stop()));
    },
  };
}
