import type { GeneratedTeam } from './tenant-generator.js';

/**
 * A generated tenant's outline, saved by `npm run bench:tenant -- --save FILE` next to its rows in
 * a running Azurite, so the organisation-level benchmarks can reuse a tenant that takes minutes to
 * write.
 */
export interface KeptTenant {
  tablePrefix: string;
  tenantId: string;
  learners: number;
  /** The tenant's present when it was written (ISO). */
  now: string;
  generatedSeconds: number;
  teams: GeneratedTeam[];
}
