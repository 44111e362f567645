import { loadavg } from 'node:os';
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { DateTime } from 'luxon';
import { pino } from 'pino';
import { retentionCutoff } from '../bot/domain/retention.js';
import { buildService } from '../bot/service.js';
import { storesOver } from '../bot/service-stores.js';
import { RETENTION_COUNTS } from '../bot/services/retention-service.js';
import { tableClients, type TableClients } from '../bot/store/table-clients.js';
import { localConfig } from '../bot/testing/local-config.js';
import type { StorageProxy } from '../tests/support/storage-proxy.js';
import { BENCH_LATENCY_MS, MEASURED_STORAGE, SEEDING_STORAGE } from './support/bench-settings.js';
import { benchTenant } from './support/bench-tenant.js';
import { round } from './support/operation-cost.js';
import { PRODUCTION_NODE_OPTIONS, PRODUCTION_PROCESS_ENV } from './support/production-node-options.js';
import type { RetentionPassFigures, RetentionPassInput } from './support/retention-pass.js';
import type { GeneratedTenant } from './support/tenant-generator.js';

const RETENTION_DAYS = 365;
const WEEKS = 104;

export interface RetentionFirstRunResult {
  latencyMs: number;
  sizes: number[];
  teams: number;
  rowsWritten: number;
  generatedSeconds: number;
  /** Whether the first run went to the end (runDue answered true). */
  completed: boolean;
  /** The Node options the measured pass ran with: production's, from the Bicep. */
  heapLimits: string;
  seconds: number;
  storageRequests: number;
  maxInFlight: number;
  /** The most heap the run added above what the process held before it (after a collection). */
  peakHeapMb: number;
  /**
   * The most heap found right after a full collection while the run went on, above the start: what
   * the run kept, where `peakHeapMb` also counts garbage not yet collected. With `fullCollections`,
   * how many there were (none: the figure is 0 and says nothing).
   */
  heapAfterFullGcMb: number;
  fullCollections: number;
  /** The longest the event loop of the pass's process was held up, in wall time. */
  longestBlockMs: number;
  /**
   * The most CPU time the process used within any one hold-up of 50 ms or more: the service's own
   * work, where the wall time also counts the moments a loaded machine gave the process no core.
   */
  longestBlockCpuMs: number;
  /** The machine's one-minute load average when the run ended (two cores). */
  loadAverage: number;
  /** What the first run removed, kind by kind, and the rows its deletes took in all. */
  removed: Record<string, number>;
  /** What a second run the same day removed or folded in all: nothing. */
  secondRunDeleted: number;
  remainderCorrect: boolean;
  /** The independent count behind it, per kind: rows before and after, older and newer than the cutoff. */
  remainder: Record<string, { oldBefore: number; newBefore: number; oldAfter: number; newAfter: number }>;
  measuredAt: string;
}

/**
 * `retentionFirstRun`: a tenant with two years of raw history meets a one-year retention for the
 * first time. The service's own retention pass (`runDue`, lease, checkpoints and all) runs to the
 * end through the storage proxy at 15 ms; then a second run, which must find nothing; then an
 * independent count of every raw row older and newer than the cutoff, before against after.
 */
export async function runRetentionFirstRun(options: { proxy: StorageProxy; learners: number }): Promise<RetentionFirstRunResult> {
  const { proxy } = options;
  const now = new Date();
  console.log(`  writing ${options.learners} learners with ${WEEKS} weeks of raw history…`);
  const written = await benchTenant(proxy, options.learners, { weeks: WEEKS, rawWeeks: WEEKS, now });
  const { tenant } = written;
  console.log(`  written in ${Math.round(written.generatedSeconds)} s: ${tenant.written.rows} rows`);
  const cutoff = retentionCutoff(now, RETENTION_DAYS);
  const tables = tableClients(written.storage);
  const before = await countByAge(tables, tenant, cutoff);
  console.log(`  before: ${JSON.stringify(before)}`);

  // The measured pass in a process of its own with production's heap limits; the proxy counts its requests.
  proxy.set(MEASURED_STORAGE);
  proxy.resetCounters();
  const pass = await runPassApart({ storage: written.storage, now: now.toISOString(), days: RETENTION_DAYS });
  const counters = proxy.counters();
  const service = buildService(localConfig(written.storage, { retentionDays: RETENTION_DAYS }), {
    logger: pino({ level: 'silent' }),
    clock: () => now,
    instanceId: 'bench-retention-second',
  });
  // The same day again, as another instance's look would run it were the day not marked done.
  const second = await service.retention!.run(now);
  proxy.set(SEEDING_STORAGE);

  const after = await countByAge(tables, tenant, cutoff);
  console.log(`  after: ${JSON.stringify(after)}`);
  const remainder = Object.fromEntries(
    Object.keys(before).map((kind) => [
      kind,
      { oldBefore: before[kind]!.old, newBefore: before[kind]!.new, oldAfter: after[kind]!.old, newAfter: after[kind]!.new },
    ]),
  );
  // Kept kinds (people, teams, rosters) have no "old": all of them stay.
  const remainderCorrect = Object.values(remainder).every((r) => r.oldAfter === 0 && r.newAfter === r.newBefore);
  const removed = firstRunCounts(before, after);
  return {
    latencyMs: BENCH_LATENCY_MS,
    sizes: [options.learners],
    teams: tenant.teams.length,
    rowsWritten: tenant.written.rows,
    generatedSeconds: round(written.generatedSeconds),
    completed: pass.completed,
    seconds: round(pass.seconds),
    heapLimits: PRODUCTION_NODE_OPTIONS.join(' '),
    storageRequests: counters.requests,
    maxInFlight: counters.maxInFlight,
    peakHeapMb: round(pass.peakHeapMb),
    heapAfterFullGcMb: round(pass.heapAfterFullGcMb),
    fullCollections: pass.fullCollections,
    longestBlockMs: round(pass.longestBlockMs),
    longestBlockCpuMs: round(pass.longestBlockCpuMs),
    loadAverage: round(loadavg()[0]!, 2),
    removed,
    secondRunDeleted: second ? RETENTION_COUNTS.reduce((sum, k) => sum + second[k], 0) : -1,
    remainderCorrect,
    remainder,
    measuredAt: new Date().toISOString(),
  };
}

type AgeCounts = Record<string, { old: number; new: number }>;

/** Rows removed per kind, from the counts (not from what the service says it removed). */
function firstRunCounts(before: AgeCounts, after: AgeCounts): Record<string, number> {
  return Object.fromEntries(Object.keys(before).map((k) => [k, before[k]!.old + before[k]!.new - (after[k]!.old + after[k]!.new)]));
}

/**
 * Every raw row of the tenant, read straight from the tables (not through the stores' retention
 * queries) and sorted by its own date against the cutoff: entries by when they were made (their
 * submission markers with them), check-in records by when they were due, nudges by when they were
 * sent, shares by when they were made (their feed pointers, marks and saved-list rows with them),
 * and the members' rollup cells by whether their week ended before the cutoff. People, teams and
 * rosters are counted as kept.
 */
async function countByAge(tables: TableClients, tenant: GeneratedTenant, cutoff: Date): Promise<AgeCounts> {
  const counts: AgeCounts = {};
  const add = (kind: string, old: boolean) => {
    const c = (counts[kind] ??= { old: 0, new: 0 });
    if (old) c.old++;
    else c.new++;
  };
  const isOld = (iso: unknown) => Date.parse(String(iso)) < cutoff.getTime();
  const inTenant = `PartitionKey ge '${tenant.tenantId}|' and PartitionKey lt '${tenant.tenantId}}'`;
  const rows = (table: keyof TableClients, filter = inTenant) =>
    tables[table].listEntities<Record<string, unknown>>({ queryOptions: { filter } });

  const oldEntries = new Set<string>();
  const entryMarkers: string[] = [];
  for await (const e of rows('entries')) {
    if (e.kind === 'entry') {
      add('entries', isOld(e.createdAt));
      if (isOld(e.createdAt)) oldEntries.add(`${String(e.partitionKey)}\n${String(e.rowKey)}`);
    } else if (e.kind === 'submission') entryMarkers.push(`${String(e.partitionKey)}\n${String(e.entryRowKey)}`);
  }
  for (const marker of entryMarkers) add('submissionMarkers', oldEntries.has(marker));
  for await (const e of rows('sends')) add(`sends:${String(e.kind)}`, isOld(e.dueAt));
  for await (const e of rows('nudges')) add('nudges', isOld(e.sentAt));

  const oldShares = new Set<string>();
  const dependants: Array<{ kind: string; shareId: string }> = [];
  for await (const e of rows('shares')) {
    const prefix = String(e.rowKey).split('|')[0];
    if (prefix === 's') {
      add('shares', isOld(e.createdAt));
      if (isOld(e.createdAt)) oldShares.add(String(e.shareId));
    } else if (prefix === 'fh' || prefix === 'fn') add('feedPointers', isOld(e.createdAt));
    else if (prefix === 'v' || prefix === 'saved')
      dependants.push({ kind: prefix === 'v' ? 'marks' : 'savedListRows', shareId: String(e.shareId) });
    else add(`sharesTable:${prefix}`, false);
  }
  for (const d of dependants) add(d.kind, oldShares.has(d.shareId));

  const rollups = storesOver(tables).rollups;
  for (const team of tenant.teams) {
    for await (const row of rollups.streamTeam(tenant.tenantId, team.teamId)) {
      const rollup = row.decode();
      for (const week of new Set([...Object.keys(rollup.weeks), ...Object.keys(rollup.cycles)]))
        add('rollupWeeks', weekEnd(week, team.zone) <= cutoff.getTime());
    }
  }
  for await (const _ of rows('users', `PartitionKey eq '${tenant.tenantId}'`)) add('users', false);
  for (const table of ['teams', 'memberships'] as const) for await (const _ of rows(table)) add(table, false);
  return counts;
}

/** When an ISO week ("2025-W41") ends in a zone, in epoch milliseconds. */
function weekEnd(week: string, zone: string): number {
  const [year, number] = week.split('-W').map(Number);
  return DateTime.fromObject({ weekYear: year, weekNumber: number, weekday: 1 }, { zone }).plus({ weeks: 1 }).toMillis();
}

/** Runs `support/retention-pass.ts` in a child process with production's heap limits; its figures. */
function runPassApart(input: RetentionPassInput): Promise<RetentionPassFigures> {
  const child = fork(fileURLToPath(new URL('./support/retention-pass.ts', import.meta.url)), [], {
    execArgv: ['--import', 'tsx', ...PRODUCTION_NODE_OPTIONS],
    env: { ...process.env, ...PRODUCTION_PROCESS_ENV, RETENTION_PASS: JSON.stringify(input) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', (figures) => resolve(figures as RetentionPassFigures));
    child.once('exit', (code) => reject(new Error(`the retention pass exited (${code}) without its figures`)));
  });
}
