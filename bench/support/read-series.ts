import { loadavg } from 'node:os';
import type { StorageProxy } from '../../tests/support/storage-proxy.js';
import { MEASURED_STORAGE, SEEDING_STORAGE } from './bench-settings.js';
import { measureOperation, round, summarise, type OperationCost } from './operation-cost.js';

/** Reads before a series that are not counted: an instance's first reads warm its code and connections. */
const WARM_UP = 5;
/** Reads measured apart for their heap (a forced collection before each, see operation-cost.ts). */
const HEAP_RUNS = 5;
/** Reads at no injected latency: what Azurite and the service cost on their own. */
const ZERO_LATENCY_RUNS = 20;

/**
 * One read repeated as a user repeats it, at MEASURED_STORAGE: a few not counted, `runs` timed,
 * then a few measured for their heap alone; then some at no latency, to tell the round trips from
 * Azurite's own time. Requests, requests in flight and heap are the worst of every run at 15 ms.
 * The load average is the machine's over the last minute when the series ended. Answers the last
 * body read as well, for the caller to check.
 */
export async function readSeries(proxy: StorageProxy, runs: number, read: () => Promise<string>) {
  const costs: OperationCost[] = [];
  const zero: OperationCost[] = [];
  let body = '';
  try {
    proxy.set(MEASURED_STORAGE);
    for (let i = 0; i < WARM_UP; i++) body = await read();
    for (let i = 0; i < runs; i++) costs.push((await measureOperation(proxy, read, { heap: false })).cost);
    for (let i = 0; i < HEAP_RUNS; i++) costs.push((await measureOperation(proxy, read, { heap: true })).cost);
    proxy.set(SEEDING_STORAGE);
    for (let i = 0; i < ZERO_LATENCY_RUNS; i++) zero.push((await measureOperation(proxy, read, { heap: false })).cost);
  } finally {
    proxy.set(SEEDING_STORAGE);
  }
  const timed = summarise(costs.slice(0, runs));
  const all = summarise(costs);
  return {
    body,
    figures: {
      runs,
      p50Ms: timed.p50Ms,
      p95Ms: timed.p95Ms,
      p99Ms: timed.p99Ms,
      storageRequests: all.storageRequests,
      maxInFlight: all.maxInFlight,
      peakHeapAddedMb: all.peakHeapAddedMb,
      zeroLatencyP95Ms: summarise(zero).p95Ms,
      responseKb: round(Buffer.byteLength(body) / 1024),
      loadAverage: round(loadavg()[0]!, 2),
    },
  };
}
