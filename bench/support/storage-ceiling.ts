import { TableClient } from '@azure/data-tables';
import { round } from './operation-cost.js';

export interface StorageCeiling {
  /** Storage requests a second the storage stand-in answered under a closed loop with no limit but `concurrency`. */
  requestsPerSecond: number;
  concurrency: number;
  seconds: number;
  /** Requests that failed (the mix: one point read for each merge, as a submission reads and writes). */
  errors: number;
}

/**
 * How many storage requests a second the local storage (the latency proxy in front of one Azurite,
 * on this machine's cores) answers at most: point reads and merges of rows, each in its own partition,
 * `concurrency` at a time, each sent as soon as the last one answered. A benchmark that needs more
 * than this cannot be measured here at its rate; it says so, and runs at a rate this allows.
 */
export async function measureStorageCeiling(options: {
  connectionString: string;
  table: string;
  seconds?: number;
  concurrency?: number;
}): Promise<StorageCeiling> {
  const seconds = options.seconds ?? 8;
  const concurrency = options.concurrency ?? 200;
  const client = TableClient.fromConnectionString(options.connectionString, options.table, { allowInsecureConnection: true });
  await client.createTable();
  const rows = 400;
  for (let i = 0; i < rows; i += 50)
    await Promise.all(Array.from({ length: 50 }, (_, k) => client.upsertEntity({ partitionKey: `p${i + k}`, rowKey: 'r', n: 0 })));
  let answered = 0;
  let errors = 0;
  const until = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      for (let i = worker; performance.now() < until; i += concurrency) {
        const row = { partitionKey: `p${(i * 7919) % rows}`, rowKey: 'r' };
        try {
          if (i % 2 === 0) await client.getEntity(row.partitionKey, row.rowKey);
          else await client.updateEntity({ ...row, n: i }, 'Merge');
          answered++;
        } catch {
          errors++;
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  await client.deleteTable();
  return { requestsPerSecond: round(answered / elapsed), concurrency, seconds, errors };
}
