import { startAzurite } from '../../scripts/lib/azurite.js';
import { startStorageProxy, type StorageProxy } from '../../tests/support/storage-proxy.js';
import { SEEDING_STORAGE } from './bench-settings.js';

/**
 * Storage for a benchmark whose tables and queues grow past what one Azurite process answers at
 * Azure's pace (its requests slow with the table's or the queue's size; see
 * `tests/support/table-shards.ts` and `queue-shards.ts`): `shards` Azurite processes each hold a
 * share of every table's partitions and of every queue's messages, behind one latency proxy.
 */
export async function startShardedStorage(shards: number): Promise<{ proxy: StorageProxy; shards: number; stop(): Promise<void> }> {
  const processes = await Promise.all(Array.from({ length: Math.max(1, shards) }, () => startAzurite()));
  const proxy = await startStorageProxy(
    {
      host: '127.0.0.1',
      tablePort: processes[0]!.tablePort,
      queuePort: processes[0]!.queuePort,
      tableShards: processes.map((p) => p.tablePort),
      queueShards: processes.map((p) => p.queuePort),
    },
    SEEDING_STORAGE,
  );
  return {
    proxy,
    shards: processes.length,
    stop: async () => {
      await proxy.stop();
      await Promise.all(processes.map((p) => p.stop()));
    },
  };
}
