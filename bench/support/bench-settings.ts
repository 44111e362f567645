import type { FaultSettings } from '../../tests/support/storage-proxy.js';

/**
 * What every benchmark runs at, so their figures compare: Azure Table Storage's round trip from
 * an App Service in the same region (about 15 ms with jitter), and the tenant sizes the
 * organisation-level benchmarks grow through. `BENCH_LATENCY_MS` changes the latency for a run.
 */
export const BENCH_LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 15);

/** Learners per tenant size: small, middle, and the largest this machine generates in a few minutes. */
export const TENANT_SIZES = [1_000, 5_000, 20_000] as const;

/** The proxy's settings for measuring: latency on, no injected errors unless a benchmark asks for them. */
export const MEASURED_STORAGE: FaultSettings = { latencyMs: BENCH_LATENCY_MS, serverBusyRate: 0, timeoutRate: 0 };

/** The proxy's settings while seeding: no latency, no errors — seeding is not what is measured. */
export const SEEDING_STORAGE: FaultSettings = { latencyMs: 0, jitterMs: 0, serverBusyRate: 0, timeoutRate: 0 };

/**
 * An organisation-level benchmark's figures over the tenant sizes, in the results file's names:
 * the worst size's time, heap and requests in flight, how requests and heap grow from the
 * smallest size to the largest, and each size's own figures.
 */
export function figuresBySize(
  bySize: readonly { learners: number; p95Ms: number; storageRequests: number; peakHeapAddedMb: number; maxInFlight: number }[],
) {
  return {
    latencyMs: BENCH_LATENCY_MS,
    sizes: bySize.map((s) => s.learners),
    p95Ms: Math.max(...bySize.map((s) => s.p95Ms)),
    peakHeapAddedMb: Math.max(...bySize.map((s) => s.peakHeapAddedMb)),
    maxInFlight: Math.max(...bySize.map((s) => s.maxInFlight)),
    requestGrowth: growth(bySize.map((s) => ({ learners: s.learners, value: s.storageRequests }))),
    heapGrowth: growth(bySize.map((s) => ({ learners: s.learners, value: s.peakHeapAddedMb }))),
    bySize,
  };
}

/** How a cost grows from the smallest tenant to the largest: the figure the organisation benchmarks bound. */
export function growth(bySize: readonly { learners: number; value: number }[]): number {
  const sorted = [...bySize].sort((a, b) => a.learners - b.learners);
  const smallest = sorted[0]?.value ?? 0;
  const largest = sorted.at(-1)?.value ?? 0;
  return smallest > 0 ? Math.round((largest / smallest) * 100) / 100 : 0;
}
