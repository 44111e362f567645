import type { StorageConfig } from '../../bot/config.js';
import { ensureTables, tableClients } from '../../bot/store/table-clients.js';
import type { StorageProxy } from '../../tests/support/storage-proxy.js';
import { SEEDING_STORAGE } from './bench-settings.js';
import { DESIGN_POINT, generateTenant, type GeneratedTenant } from './tenant-generator.js';

/** A generated tenant in tables of its own, reached through the storage proxy. */
export interface BenchTenant {
  tenant: GeneratedTenant;
  /** Storage through the proxy: build the service under test over it (`localConfig(storage)`). */
  storage: StorageConfig;
  generatedSeconds: number;
}

/**
 * Writes a tenant of `learners` for a benchmark: through the proxy with no latency (writing is not
 * what is measured), in tables under a fresh prefix. Without `rawWeeks` no raw entries or check-in
 * records are written — the organisation-level views must not read them, and they are most of a
 * tenant's rows (see bench/README.md); a benchmark that reads them (retention) asks for them.
 */
export async function benchTenant(
  proxy: StorageProxy,
  learners: number,
  options: { weeks?: number; rawWeeks?: number; seed?: number; now?: Date } = {},
): Promise<BenchTenant> {
  proxy.set(SEEDING_STORAGE);
  const storage: StorageConfig = {
    kind: 'connectionString',
    connectionString: proxy.connectionString,
    tablePrefix: `t${learners}x${Date.now().toString(36)}`,
  };
  await ensureTables(storage);
  const t0 = performance.now();
  const tenant = await generateTenant(tableClients(storage), {
    tenantId: `bench-tenant-${learners}`,
    learners,
    weeks: options.weeks ?? DESIGN_POINT.weeks,
    rawWeeks: options.rawWeeks ?? 0,
    seed: options.seed ?? 1,
    now: options.now ?? new Date(),
  });
  return { tenant, storage, generatedSeconds: (performance.now() - t0) / 1000 };
}
