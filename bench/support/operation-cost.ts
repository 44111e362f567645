import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { StorageProxy } from '../../tests/support/storage-proxy.js';

/**
 * What one operation costs, as every benchmark reports it: its time, the storage requests it
 * made (retries included, from the storage proxy's counters), the most of them in flight at
 * once, and the heap it added at its peak.
 */
export interface OperationCost {
  ms: number;
  storageRequests: number;
  maxInFlight: number;
  /** Measured only when asked (see measureOperation). */
  peakHeapAddedMb?: number;
}

/** The collector, on demand: a heap reading after it is a baseline, not the last run's garbage. */
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** How often the heap is read while an operation runs. */
const HEAP_SAMPLE_MS = 2;

/** Runs `work` while reading the heap every few milliseconds; answers the highest reading above the start, in MB. */
export async function peakHeapDuring(work: () => Promise<void>): Promise<number> {
  gc();
  const base = process.memoryUsage().heapUsed;
  let peak = base;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), HEAP_SAMPLE_MS);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  peak = Math.max(peak, process.memoryUsage().heapUsed);
  return (peak - base) / 1_048_576;
}

/**
 * Runs one operation and measures it. Operations measured this way must not overlap: the
 * proxy's counters are zeroed at the start and read at the end, so anything else talking to
 * storage through the same proxy meanwhile is counted as this operation's.
 *
 * With `heap`, a collection is forced first and the heap read every few milliseconds. Time such
 * runs apart from the timed ones: collecting before every run makes the next one slower (code and
 * caches the collector drops are rebuilt), which is not what a user sees.
 */
export async function measureOperation<T>(
  proxy: StorageProxy,
  work: () => Promise<T>,
  options: { heap: boolean },
): Promise<{ value: T; cost: OperationCost }> {
  let value: T | undefined;
  let ms = 0;
  const run = async () => {
    proxy.resetCounters();
    const t0 = performance.now();
    value = await work();
    ms = performance.now() - t0;
  };
  const peakHeapAddedMb = options.heap ? await peakHeapDuring(run) : (await run(), undefined);
  const counters = proxy.counters();
  return {
    value: value as T,
    cost: {
      ms,
      storageRequests: counters.requests,
      maxInFlight: counters.maxInFlight,
      ...(peakHeapAddedMb === undefined ? {} : { peakHeapAddedMb }),
    },
  };
}

/** The q-quantile (0–1) of some figures, by the nearest rank below. */
export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

export const round = (n: number, places = 1): number => Math.round(n * 10 ** places) / 10 ** places;

/** A series of operations in the figures the results file uses: quantiles of time, the worst of the rest (heap: of the runs that measured it). */
export function summarise(costs: readonly OperationCost[]) {
  const ms = costs.map((c) => c.ms);
  return {
    runs: costs.length,
    p50Ms: round(quantile(ms, 0.5)),
    p95Ms: round(quantile(ms, 0.95)),
    p99Ms: round(quantile(ms, 0.99)),
    storageRequests: Math.max(0, ...costs.map((c) => c.storageRequests)),
    maxInFlight: Math.max(0, ...costs.map((c) => c.maxInFlight)),
    peakHeapAddedMb: round(Math.max(0, ...costs.map((c) => c.peakHeapAddedMb ?? 0))),
  };
}
