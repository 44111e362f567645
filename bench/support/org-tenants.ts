import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import type { StorageConfig } from '../../bot/config.js';
import { buildService, type Service } from '../../bot/service.js';
import { localConfig } from '../../bot/testing/local-config.js';
import { startStorageProxy, type StorageProxy } from '../../tests/support/storage-proxy.js';
import { MEASURED_STORAGE, SEEDING_STORAGE, TENANT_SIZES } from './bench-settings.js';
import { benchTenant } from './bench-tenant.js';
import type { KeptTenant } from './kept-tenants.js';
import { measureOperation, round } from './operation-cost.js';
import { benchSso } from './sso-tokens.js';
import { figuresJobUnderCap } from './figures-job-process.js';
import type { GeneratedTeam } from './tenant-generator.js';

/** How long a kept tenant's figures lease, left by a stopped run, is waited for (the job's lease is two minutes). */
const LEASE_WAIT_MS = 130_000;

/** The L&D admin the report benchmark reads as, named by the deployment's configuration. */
export const BENCH_ADMIN = 'bench-ld-admin';

/**
 * A generated tenant with the service running over it (production mode with Teams SSO, through the storage proxy) and
 * its organisation figures computed once: what `orgReport` and `orgTopResources` both read.
 */
export interface OrgTenant {
  learners: number;
  tenantId: string;
  teams: GeneratedTeam[];
  /** Seconds it took to write (here, or when it was kept). */
  generatedSeconds: number;
  /** Written by `npm run bench:tenant -- --save` before the run, not in it. */
  kept: boolean;
  service: Service;
  baseUrl: string;
  /** The figures job's one whole pass at MEASURED_STORAGE. */
  /** The storage proxy in front of its tables: its counters are the tenant's requests. */
  proxy: StorageProxy;
  /** A Teams SSO token for someone of the tenant, as the tab sends it. */
  tokenFor(who: { tenantId: string; userId: string }): Promise<string>;
  job: {
    jobSeconds: number;
    jobRequests: number;
    jobMaxInFlight: number;
    /** Peak heap added by the pass, run in a process of its own under production's heap cap (`jobHeapLimitMb`). */
    jobPeakHeapMb: number;
    jobHeapAtStartMb: number;
    jobHeapLimitMb: number;
    jobLoadAverage: number;
  };
  stop(): Promise<void>;
}

/**
 * The sizes the organisation benchmarks run at: TENANT_SIZES, unless BENCH_TENANT_SIZES names others
 * (learners, comma-separated) for a run where the largest cannot be written in time.
 */
export const ORG_TENANT_SIZES: readonly number[] = process.env.BENCH_TENANT_SIZES
  ? process.env.BENCH_TENANT_SIZES.split(',').map(Number)
  : TENANT_SIZES;

/**
 * One tenant per size in ORG_TENANT_SIZES. A size whose outline is in BENCH_KEPT_TENANTS (a folder of
 * `tenant-<learners>.json` from `npm run bench:tenant -- --save`) is read where it was written,
 * through a proxy of its own in front of that Azurite; any other is written now through `proxy`.
 */
export async function prepareOrgTenants(proxy: StorageProxy, sizes: readonly number[] = ORG_TENANT_SIZES): Promise<OrgTenant[]> {
  const tenants: OrgTenant[] = [];
  for (const learners of sizes) tenants.push(await prepareOrgTenant(proxy, learners));
  return tenants;
}

async function prepareOrgTenant(runProxy: StorageProxy, learners: number): Promise<OrgTenant> {
  const keptFile = process.env.BENCH_KEPT_TENANTS && path.join(process.env.BENCH_KEPT_TENANTS, `tenant-${learners}.json`);
  let written: { storage: StorageConfig; tenantId: string; teams: GeneratedTeam[]; generatedSeconds: number; kept: boolean };
  let proxy = runProxy;
  if (keptFile && existsSync(keptFile)) {
    const kept = JSON.parse(readFileSync(keptFile, 'utf8')) as KeptTenant;
    console.log(`  ${learners} learners: kept tenant ${kept.tenantId} (tables ${kept.tablePrefix}* on port ${kept.tablePort})`);
    proxy = await startStorageProxy({ host: '127.0.0.1', tablePort: kept.tablePort, queuePort: kept.queuePort }, SEEDING_STORAGE);
    written = {
      storage: { kind: 'connectionString', connectionString: proxy.connectionString, tablePrefix: kept.tablePrefix },
      tenantId: kept.tenantId,
      teams: kept.teams,
      generatedSeconds: kept.generatedSeconds,
      kept: true,
    };
  } else {
    console.log(`  ${learners} learners: writing the tenant…`);
    const fresh = await benchTenant(runProxy, learners);
    written = { ...fresh, tenantId: fresh.tenant.tenantId, teams: fresh.tenant.teams, kept: false };
    console.log(`  written in ${Math.round(fresh.generatedSeconds)} s`);
  }
  const { tenantId } = written;
  const sso = await benchSso();
  const config = localConfig(written.storage, {
    mode: 'production',
    acceptDemoIdentities: false,
    ssoClientId: sso.clientId,
    ldAdmins: [{ tenantId, userId: BENCH_ADMIN }],
  });
  const service = buildService(config, { logger: pino({ level: 'silent' }), verifyCaller: sso.verifyCaller });
  const server = service.app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));

  // One whole pass of the figures job, as the background loop runs it, at Azure's latency, in a
  // process of its own under production's heap cap (the one process runs the bot and the jobs).
  proxy.set(MEASURED_STORAGE);
  const jobLoadAverage = loadavg()[0]!;
  const pass = () => measureOperation(proxy, () => figuresJobUnderCap(written.storage, tenantId), { heap: false });
  // A kept tenant's lease may still be held by the instance of a run stopped a moment ago: it lapses within two minutes.
  let measured = await pass();
  for (let waited = 0; measured.value.outcome === 'busy' && waited < LEASE_WAIT_MS; waited += 5_000) {
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    measured = await pass();
  }
  const { value: outcome, cost } = measured;
  proxy.set(SEEDING_STORAGE);
  if (outcome.outcome !== 'done') throw new Error(`the figures job answered ${outcome.outcome} for ${tenantId}`);
  const job = {
    jobSeconds: round(cost.ms / 1000),
    jobRequests: cost.storageRequests,
    jobMaxInFlight: cost.maxInFlight,
    jobPeakHeapMb: outcome.peakHeapAddedMb,
    jobHeapAtStartMb: outcome.heapAtStartMb,
    jobHeapLimitMb: outcome.heapLimitMb,
    jobLoadAverage: round(jobLoadAverage, 2),
  };
  console.log(`  figures job: ${JSON.stringify(job)}`);
  return {
    learners,
    ...written,
    service,
    baseUrl: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    job,
    tokenFor: sso.tokenFor,
    proxy,
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (proxy !== runProxy) await proxy.stop();
    },
  };
}

/** GET from the API with a caller's SSO token, answering the body; anything but 200 throws. */
export async function getWithToken(baseUrl: string, token: string, pathAndQuery: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/v1${pathAndQuery}`, { headers: { authorization: `Bearer ${token}` } });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`${pathAndQuery} answered ${res.status}: ${text.slice(0, 200)}`);
  return text;
}
