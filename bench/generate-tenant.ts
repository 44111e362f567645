import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ensureTables, tableClients } from '../bot/store/table-clients.js';
import { startAzurite } from '../scripts/lib/azurite.js';
import { startStorageProxy } from '../tests/support/storage-proxy.js';
import { SEEDING_STORAGE } from './support/bench-settings.js';
import type { KeptTenant } from './support/kept-tenants.js';
import { round } from './support/operation-cost.js';
import { DESIGN_POINT, generateTenant } from './support/tenant-generator.js';

/**
 * `npm run bench:tenant -- --learners 5000 [--weeks 104] [--raw-weeks N] [--seed 1] [--location DIR]` writes a
 * tenant into an Azurite of its own (in memory, or kept in DIR to read later) through the storage
 * proxy at no latency, and prints how long it took and what it wrote. With `--table-port P
 * --queue-port Q` it writes into an Azurite already running there instead, and with `--save FILE`
 * it writes the tenant's outline (tables, teams, members) for benchmarks to reuse it (`BENCH_KEPT`,
 * bench/README.md).
 */
const { values } = parseArgs({
  options: {
    learners: { type: 'string', default: '1000' },
    weeks: { type: 'string', default: String(DESIGN_POINT.weeks) },
    'raw-weeks': { type: 'string' },
    seed: { type: 'string', default: '1' },
    location: { type: 'string' },
    'table-port': { type: 'string' },
    'queue-port': { type: 'string' },
    save: { type: 'string' },
  },
});
const learners = Number(values.learners);
const weeks = Number(values.weeks);
const running = values['table-port'] && values['queue-port'];
const azurite = running
  ? { tablePort: Number(values['table-port']), queuePort: Number(values['queue-port']), stop: () => Promise.resolve() }
  : await startAzurite(values.location ? { location: values.location } : {});
const proxy = await startStorageProxy({ host: '127.0.0.1', tablePort: azurite.tablePort, queuePort: azurite.queuePort }, SEEDING_STORAGE);
try {
  const storage = {
    kind: 'connectionString' as const,
    connectionString: proxy.connectionString,
    tablePrefix: `gen${learners}s${values.seed}`,
  };
  await ensureTables(storage);
  console.log(`Writing a tenant of ${learners} learners over ${weeks} weeks (tables ${storage.tablePrefix}*)…`);
  const t0 = performance.now();
  const tenant = await generateTenant(tableClients(storage), {
    tenantId: `gen-tenant-${learners}`,
    learners,
    weeks,
    ...(values['raw-weeks'] !== undefined ? { rawWeeks: Number(values['raw-weeks']) } : {}),
    seed: Number(values.seed),
    now: new Date(),
    progress: (done) => {
      if (done % (learners >= 5000 ? 1000 : 100) === 0) console.log(`  ${done} learners, ${Math.round((performance.now() - t0) / 1000)} s`);
    },
  });
  const seconds = (performance.now() - t0) / 1000;
  const sizes = tenant.teams.map((t) => t.members.length).sort((a, b) => a - b);
  console.table({
    learners,
    weeks,
    rawWeeks: tenant.rawWeeks,
    seconds: round(seconds),
    teams: tenant.teams.length,
    teamSizeMedian: sizes[Math.floor(sizes.length / 2)],
    teamSizeLargest: sizes.at(-1),
    ...tenant.counts,
    rows: tenant.written.rows,
    transactions: tenant.written.transactions,
    megabytes: round(tenant.written.bytes / 1_048_576),
    rowsPerSecond: Math.round(tenant.written.rows / seconds),
    storageRequests: proxy.counters().requests,
  });
  console.table(tenant.written.byTable);
  if (values.save) {
    const outline: KeptTenant = {
      tablePrefix: storage.tablePrefix,
      tablePort: azurite.tablePort,
      queuePort: azurite.queuePort,
      tenantId: tenant.tenantId,
      learners,
      now: tenant.now.toISOString(),
      generatedSeconds: round(seconds),
      teams: tenant.teams,
    };
    writeFileSync(values.save, JSON.stringify(outline));
    console.log(`Outline saved in ${values.save}.`);
  }
  if (values.location) console.log(`Kept in ${values.location}; tables ${storage.tablePrefix}*, tenant ${tenant.tenantId}.`);
} finally {
  await proxy.stop();
  await azurite.stop();
}
