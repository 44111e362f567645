import { pino } from 'pino';
import { DEMO_TENANT_ID } from '../bot/demo/demo-team.js';
import { mapBounded } from '../bot/domain/map-bounded.js';
import { buildService } from '../bot/service.js';
import { ensureTables, tableClients } from '../bot/store/table-clients.js';
import { localConfig } from '../bot/testing/local-config.js';
import { startLrsStandIn } from '../tests/support/lrs-stand-in.js';
import type { StorageProxy } from '../tests/support/storage-proxy.js';
import { seedSubmitLearner, seedSubmitTenant, submitActivity, type SubmitLearner } from '../tests/support/submit-scenario.js';
import { BENCH_LATENCY_MS, MEASURED_STORAGE, SEEDING_STORAGE } from './support/bench-settings.js';
import { peakHeapDuring, quantile, round } from './support/operation-cost.js';
import { measureStorageCeiling } from './support/storage-ceiling.js';

export interface SubmitResult {
  /** Round trip added to every storage request, in ms, and the share of them refused with 503 ServerBusy. */
  latencyMs: number;
  serverBusyRate: number;
  /** Learners submitting (each answers their own scheduled check-in once). */
  sizes: number[];
  teams: number;
  /** The rate the run was made at, and the rate asked for (lower only when the storage here cannot serve that one). */
  ratePerSecond: number;
  targetRatePerSecond: number;
  /** What the storage stand-in here answers at most, and what the rate asked for would need of it. */
  storageCeilingPerSecond: number;
  storageNeededPerSecond: number;
  tableShards: number;
  seconds: number;
  requests: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  errors: number;
  /** Storage requests over the run (retries included), and per submission. */
  storageRequests: number;
  requestsPerSubmit: number;
  /** Per submission, by table and by queue. */
  requestsPerSubmitByTable: Record<string, number>;
  /** The most storage requests in flight at once, and the most heap the run added above its start. */
  maxInFlight: number;
  peakHeapAddedMb: number;
  /** Statements waiting in the outbox for the LRS after the run: one per new entry. */
  statementsQueued: number;
}

const TENANT = DEMO_TENANT_ID;
const TEAMS = 20;
/** One storage request in 200 refused as busy: the SDK's retries are part of what a submission costs. */
const SERVER_BUSY_RATE = 0.005;
/** Storage requests one submission of this scenario makes, as `tests/integration/check-in-store-reads.test.ts` pins them. */
const REQUESTS_PER_SUBMIT_PINNED = 33;

/**
 * The check-in time of a whole organisation: each learner answers this week's scheduled check-in
 * card once, as Teams posts it (`Action.Execute`, verb `checkin.submit`) to /api/messages, at a
 * fixed rate, open-loop (a slow answer does not slow the sender). Each learner is in two teams
 * with schedules, has three open goals (the card asks about each, and each is answered), and an
 * earlier entry whose action awaits its result (the card asks, and the result is given); the
 * tenant has an LRS connected, so every new entry also leaves a statement in the outbox.
 */
export async function runSubmit(options: {
  proxy: StorageProxy;
  /** How many Azurite processes `proxy` spreads the tables' partitions over. */
  tableShards: number;
  targetRatePerSecond: number;
  seconds: number;
}): Promise<SubmitResult> {
  const { proxy } = options;
  proxy.set(MEASURED_STORAGE);
  const ceiling = await measureStorageCeiling({ connectionString: proxy.connectionString, table: `ceiling${Date.now().toString(36)}` });
  // At most half of what the storage answers: storage driven at its limit queues without bound, and
  // the answer times would be that queue's, not the service's.
  const ratePerSecond = Math.max(
    1,
    Math.min(options.targetRatePerSecond, Math.floor(ceiling.requestsPerSecond / 2 / REQUESTS_PER_SUBMIT_PINNED)),
  );
  console.log(
    `  storage here answers ${ceiling.requestsPerSecond} requests/s; ${options.targetRatePerSecond} submissions/s need about ${
      options.targetRatePerSecond * REQUESTS_PER_SUBMIT_PINNED
    }: submitting at ${ratePerSecond}/s`,
  );
  const total = ratePerSecond * options.seconds;
  const config = localConfig({
    kind: 'connectionString',
    connectionString: proxy.connectionString,
    tablePrefix: `sub${Date.now().toString(36)}`,
  });
  proxy.set(SEEDING_STORAGE);
  await ensureTables(config.storage);
  const now = new Date();
  const lrs = await startLrsStandIn({ key: 'bench-lrs', secret: 'bench-secret' });
  const service = buildService(config, { logger: pino({ level: process.env.BENCH_LOG_LEVEL ?? 'silent' }) });
  // The queue a new statement wakes the LRS sender through (the background jobs create it in production).
  await service.queues.xapi.create();
  console.log(`  seeding ${total} learners in ${TEAMS} teams…`);
  const learners = await seed(service, tableClients(config.storage).sends, total, now, lrs.endpoint);
  const server = service.app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const port = (server.address() as { port: number }).port;
  const url = `http://127.0.0.1:${port}/api/messages`;

  const latencies: number[] = [];
  let errors = 0;
  proxy.set({ ...MEASURED_STORAGE, serverBusyRate: SERVER_BUSY_RATE });
  const inFlight: Array<Promise<void>> = [];
  // Submissions overlap, so their costs are the run's: requests over the run, heap at the run's peak.
  let started = 0;
  const peakHeapAddedMb = await peakHeapDuring(async () => {
    proxy.resetCounters();
    started = performance.now();
    await submitAll();
  });
  const counters = proxy.counters();
  proxy.set(SEEDING_STORAGE);
  await new Promise((r) => server.close(r));
  const statementsQueued = (await service.stores.xapiOutbox.summary(TENANT)).pending;
  await lrs.stop();
  latencies.sort((a, b) => a - b);
  const at = (q: number) => round(quantile(latencies, q));
  const perSubmit = (n: number) => round(n / total, 2);
  return {
    latencyMs: BENCH_LATENCY_MS,
    serverBusyRate: SERVER_BUSY_RATE,
    sizes: [learners.length],
    teams: TEAMS,
    ratePerSecond,
    targetRatePerSecond: options.targetRatePerSecond,
    storageCeilingPerSecond: ceiling.requestsPerSecond,
    storageNeededPerSecond: round((options.targetRatePerSecond * counters.requests) / total),
    tableShards: options.tableShards,
    seconds: options.seconds,
    requests: total,
    p50Ms: at(0.5),
    p99Ms: at(0.99),
    maxMs: at(1),
    errors,
    storageRequests: counters.requests,
    requestsPerSubmit: round(counters.requests / total),
    requestsPerSubmitByTable: Object.fromEntries(
      [...Object.entries(counters.byTable), ...Object.entries(counters.byQueue).map(([q, n]) => [`queue:${q}`, n] as const)]
        .map(([name, n]) => [name.replace(config.storage.tablePrefix ?? '', ''), perSubmit(n)] as const)
        .sort(([, a], [, b]) => b - a),
    ),
    maxInFlight: counters.maxInFlight,
    peakHeapAddedMb: round(peakHeapAddedMb),
    statementsQueued,
  };

  async function submitAll(): Promise<void> {
    for (let i = 0; i < total; i++) {
      const due = started + (i * 1000) / ratePerSecond;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const activity = submitActivity(learners[i]!, `Bench learning ${i}`, 'http://127.0.0.1:9/');
      inFlight.push(
        (async () => {
          const t0 = performance.now();
          try {
            const res = await fetch(url, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify(activity),
            });
            const body = await res.text();
            if (res.status !== 200 || !body.includes('Saved to your learning log')) errors++;
          } catch {
            errors++;
          }
          latencies.push(performance.now() - t0);
        })(),
      );
    }
    await Promise.all(inFlight);
  }
}

/** Teams with schedules, and each learner's profile, memberships, goals, earlier entry, check-ins and rollups, through the stores. */
async function seed(
  service: ReturnType<typeof buildService>,
  sendsTable: ReturnType<typeof tableClients>['sends'],
  count: number,
  now: Date,
  lrsEndpoint: string,
): Promise<SubmitLearner[]> {
  const teamIds = Array.from({ length: TEAMS }, (_, t) => `19:bench-submit-${t}@thread.tacv2`);
  await seedSubmitTenant(service.stores, TENANT, teamIds, lrsEndpoint, now);
  return mapBounded(
    Array.from({ length: count }, (_, i) => i),
    32,
    (i) =>
      seedSubmitLearner(
        service.stores,
        sendsTable,
        {
          tenantId: TENANT,
          userId: `bench-submit-${String(i).padStart(5, '0')}`,
          displayName: `Learner ${i}`,
          inTeams: [teamIds[i % TEAMS]!, teamIds[(i + 7) % TEAMS]!],
        },
        now,
      ),
  );
}
