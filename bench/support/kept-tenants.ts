import type { GeneratedTeam } from './tenant-generator.js';

/**
 * A generated tenant's outline, saved by `npm run bench:tenant -- --table-port P --queue-port Q
 * --save FILE` after writing its rows into the Azurite running there, so the organisation-level
 * benchmarks can reuse a tenant that takes minutes to write (BENCH_KEPT_TENANTS).
 */
export interface KeptTenant {
  /** Where its rows are: tables under this prefix in the Azurite listening on these ports. */
  tablePrefix: string;
  tablePort: number;
  queuePort: number;
  tenantId: string;
  learners: number;
  /** The tenant's present when it was written (ISO). */
  now: string;
  generatedSeconds: number;
  teams: GeneratedTeam[];
}
