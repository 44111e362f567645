import { randomUUID } from 'node:crypto';
import { pino } from 'pino';
import { localConfig } from '../bot/testing/local-config.js';
import { buildService } from '../bot/service.js';
import { ensureTables } from '../bot/store/table-clients.js';
import { cardActionActivity } from '../bot/testing/activities.js';
import type { StorageProxy } from '../tests/support/storage-proxy.js';
import { BENCH_LATENCY_MS, MEASURED_STORAGE, SEEDING_STORAGE } from './support/bench-settings.js';
import { peakHeapDuring, quantile, round } from './support/operation-cost.js';

export interface SubmitResult {
  /** Round trip added to every storage request, in ms, and the share of them refused with 503 ServerBusy. */
  latencyMs: number;
  serverBusyRate: number;
  /** Learners submitting. */
  sizes: number[];
  ratePerSecond: number;
  seconds: number;
  requests: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  errors: number;
  /** Storage requests over the run (retries included), and per submission. */
  storageRequests: number;
  requestsPerSubmit: number;
  /** The most storage requests in flight at once, and the most heap the run added above its start. */
  maxInFlight: number;
  peakHeapAddedMb: number;
}

const LEARNERS = 200;
/** One storage request in 200 refused as busy: the SDK's retries are part of what a submission costs. */
const SERVER_BUSY_RATE = 0.005;

/**
 * Check-in card submissions (`Action.Execute` invokes) posted to /api/messages at a fixed
 * rate, open-loop (a slow answer does not slow the sender), against the service over Azurite.
 */
export async function runSubmit(options: { proxy: StorageProxy; ratePerSecond: number; seconds: number }): Promise<SubmitResult> {
  const { proxy } = options;
  const config = localConfig({
    kind: 'connectionString',
    connectionString: proxy.connectionString,
    tablePrefix: `sub${Date.now().toString(36)}`,
  });
  proxy.set(SEEDING_STORAGE);
  await ensureTables(config.storage);
  const service = buildService(config, { logger: pino({ level: 'silent' }) });
  const server = service.app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const port = (server.address() as { port: number }).port;
  const url = `http://127.0.0.1:${port}/api/messages`;

  const latencies: number[] = [];
  let errors = 0;
  const total = options.ratePerSecond * options.seconds;
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
  latencies.sort((a, b) => a - b);
  const at = (q: number) => round(quantile(latencies, q));
  return {
    latencyMs: BENCH_LATENCY_MS,
    serverBusyRate: SERVER_BUSY_RATE,
    sizes: [LEARNERS],
    ratePerSecond: options.ratePerSecond,
    seconds: options.seconds,
    requests: total,
    p50Ms: at(0.5),
    p99Ms: at(0.99),
    maxMs: at(1),
    errors,
    storageRequests: counters.requests,
    requestsPerSubmit: round(counters.requests / total),
    maxInFlight: counters.maxInFlight,
    peakHeapAddedMb: round(peakHeapAddedMb),
  };

  async function submitAll(): Promise<void> {
    for (let i = 0; i < total; i++) {
      const due = started + (i * 1000) / options.ratePerSecond;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const activity = cardActionActivity(
        'checkin.submit',
        {
          cardId: randomUUID(),
          what: `Bench learning ${i}`,
          sourceType: 'article',
          minutes: '15',
          rating: '4',
          insight: 'Insight',
          action: 'Action',
        },
        {
          serviceUrl: 'http://127.0.0.1:9/',
          from: { id: `29:bench-${i % LEARNERS}`, aadObjectId: `bench-user-${i % LEARNERS}`, name: 'Bench' },
        },
      );
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
