import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { startAzurite } from '../scripts/lib/azurite.js';
import { runFanout } from './fanout.js';
import { runFanoutFleet } from './fanout-fleet.js';
import { runSubmit } from './submit.js';
import { runDashboard, seedLargeTeam, type SeededTeam } from './dashboard.js';
import { runFirstRender } from './first-render.js';
import { runTabBundle } from './tab-bundle.js';
import { runShareVotes } from './share-votes.js';
import { runTeamExport } from './team-export.js';
import { runDeployPackage } from './deploy-package.js';
import { runXapiOutbox } from './xapi-outbox.js';
import { runOrgReport, runOrgTopResources } from './org-figures.js';
import { runShareFeed } from './share-feed.js';
import { runDigestPass } from './digest-pass.js';
import { runRetentionFirstRun } from './retention-first-run.js';
import { prepareOrgTenants, type OrgTenant } from './support/org-tenants.js';
import { startStorageProxy } from '../tests/support/storage-proxy.js';
import { SEEDING_STORAGE } from './support/bench-settings.js';
import { startShardedStorage } from './support/sharded-storage.js';

/**
 * `npm run bench` runs every benchmark; `npm run bench -- NAME` runs one. Each writes its
 * figures under its own key in bench/results.json and prints them.
 */
const BENCHMARKS = [
  'fanout',
  'fanoutCrash',
  'fanoutFleet',
  'submit',
  'dashboard',
  'tabBundle',
  'firstRender',
  'shareVotes100',
  'shareVotes500',
  'teamExport',
  'deployPackage',
  'xapiOutbox',
  'orgReport',
  'orgTopResources',
  'shareFeed',
  'digestPass',
  'retentionFirstRun',
] as const;
type Name = (typeof BENCHMARKS)[number];

const resultsFile = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results.json');
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const unknown = wanted.filter((w) => !(BENCHMARKS as readonly string[]).includes(w));
if (unknown.length > 0) {
  console.error(`Unknown benchmark ${unknown.join(', ')}; choose from ${BENCHMARKS.join(', ')}`);
  process.exit(2);
}
const selected: Name[] = wanted.length > 0 ? (wanted as Name[]) : [...BENCHMARKS];

if (selected.some((n) => n === 'fanout' || n === 'fanoutCrash' || n === 'fanoutFleet')) {
  console.log('Compiling the service (npm run build:service)…');
  const build = spawnSync('npm', ['run', '--silent', 'build:service'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const azurite = await startAzurite();
// Benchmarks measure through the storage proxy, at Azure's latency; each sets it as it needs.
const storageProxy = await startStorageProxy(
  { host: '127.0.0.1', tablePort: azurite.tablePort, queuePort: azurite.queuePort },
  SEEDING_STORAGE,
);
// The organisation benchmarks share their tenants, which take minutes to write: written in this run,
// or kept in an Azurite already running (BENCH_KEPT_TENANTS, see bench/README.md).
let orgTenants: OrgTenant[] | undefined;
const preparedOrgTenants = async () => (orgTenants ??= await prepareOrgTenants(storageProxy));
// The dashboard and first-render benchmarks share one large team: seeding it takes a while.
let largeTeam: SeededTeam | undefined;
const seededTeam = async () =>
  (largeTeam ??= await seedLargeTeam({ azurite, members: 500, weeks: 52, tabDistDir: path.join(root, 'tab/dist') }));
async function run(name: Name): Promise<object> {
  switch (name) {
    case 'submit': {
      // Its tables grow with the learners seeded: spread as fanoutFleet's are.
      const storage = await startShardedStorage(Number(process.env.BENCH_STORAGE_SHARDS ?? 6));
      try {
        return await runSubmit({ proxy: storage.proxy, tableShards: storage.shards, targetRatePerSecond: 50, seconds: 60 });
      } finally {
        await storage.stop();
      }
    }
    case 'dashboard':
      return runDashboard(await seededTeam(), { runs: 100, scanRuns: 5, proxy: storageProxy });
    case 'shareVotes100':
      return runShareVotes({ azurite, voters: 100 });
    case 'shareVotes500':
      return runShareVotes({ azurite, voters: 500 });
    case 'tabBundle':
      return runTabBundle(root);
    case 'teamExport':
      return runTeamExport({ azurite, members: 200, entriesPerMember: 100 });
    case 'deployPackage':
      return runDeployPackage(root);
    case 'xapiOutbox':
      return runXapiOutbox({
        proxy: storageProxy,
        sent: Number(process.env.XAPI_SENT ?? 300_000),
        pending: 100,
        drain: Number(process.env.XAPI_DRAIN ?? 5_000),
      });
    case 'orgReport':
      return runOrgReport(await preparedOrgTenants(), { runs: 50 });
    case 'orgTopResources':
      return runOrgTopResources(await preparedOrgTenants(), { runs: 50 });
    case 'shareFeed':
      return runShareFeed({ proxy: storageProxy, shares: 20_000, runs: 50 });
    case 'digestPass':
      return runDigestPass({ proxy: storageProxy, leads: Number(process.env.DIGEST_LEADS ?? 7_500), membersPerTeam: 3 });
    case 'retentionFirstRun':
      return runRetentionFirstRun({ proxy: storageProxy, learners: Number(process.env.RETENTION_LEARNERS ?? 500) });
    case 'fanoutFleet': {
      // The tables' partitions and the queues' messages spread over several Azurite processes.
      const storage = await startShardedStorage(Number(process.env.BENCH_STORAGE_SHARDS ?? 6));
      try {
        return await runFanoutFleet({
          proxy: storage.proxy,
          tableShards: storage.shards,
          learners: Number(process.env.BENCH_LEARNERS ?? 10_000),
          nudges: 500,
          votes: 200,
          // About one burst in 5,000 requests: a few in a round of 10,000 learners.
          burstChance: 1 / 5_000,
        });
      } finally {
        await storage.stop();
      }
    }
    case 'firstRender':
      // The page under test is the built tab: build it unless tabBundle just did.
      if (!selected.includes('tabBundle')) runTabBundle(root);
      return runFirstRender(await seededTeam(), 5);
    default:
      return runFanout({ azurite, learners: Number(process.env.BENCH_LEARNERS ?? 2000), crash: name === 'fanoutCrash' });
  }
}
const results: Record<string, unknown> = existsSync(resultsFile)
  ? (JSON.parse(readFileSync(resultsFile, 'utf8')) as Record<string, unknown>)
  : {};
try {
  for (const name of selected) {
    console.log(`\n▶ ${name}`);
    const started = Date.now();
    const result = await run(name);
    results[name] = { ...result, measuredAt: new Date().toISOString() };
    console.table(result);
    console.log(`  (${Math.round((Date.now() - started) / 1000)} s)`);
    mkdirSync(path.dirname(resultsFile), { recursive: true });
    writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
  }
} finally {
  await largeTeam?.stop();
  await Promise.all((orgTenants ?? []).map((t) => t.stop()));
  await storageProxy.stop();
  await azurite.stop();
}
console.log(`\nResults written to ${path.relative(process.cwd(), resultsFile)}`);
