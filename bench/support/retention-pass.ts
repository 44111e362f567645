import { constants, monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { pino } from 'pino';
import type { StorageConfig } from '../../bot/config.js';
import { buildService } from '../../bot/service.js';
import { localConfig } from '../../bot/testing/local-config.js';
import { peakHeapDuring } from './operation-cost.js';

/**
 * One retention pass (`runDue`, as the background job runs it) in a process of its own, which
 * `retention-first-run.ts` starts with production's heap limits: the heap and the event loop
 * measured are the service's alone, not the benchmark's or the storage proxy's. What to run comes
 * in RETENTION_PASS (JSON); the figures go back over IPC.
 */
export interface RetentionPassInput {
  storage: StorageConfig;
  now: string;
  days: number;
}

export interface RetentionPassFigures {
  completed: boolean;
  seconds: number;
  peakHeapMb: number;
  heapAfterFullGcMb: number;
  fullCollections: number;
  longestBlockMs: number;
  longestBlockCpuMs: number;
}

/** A hold-up this long or longer is looked at for the CPU time in it. */
const STALL_MS = 50;

/**
 * The event loop's longest hold-up (perf_hooks' delay histogram, 5 ms resolution), and, from a
 * 10 ms ticker, the CPU time the process spent in each hold-up of 50 ms or more.
 */
function watchStalls() {
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  histogram.enable();
  let mostCpuMs = 0;
  let lastTick = performance.now();
  let lastCpu = process.cpuUsage();
  const ticker = setInterval(() => {
    const now = performance.now();
    const cpu = process.cpuUsage(lastCpu);
    if (now - lastTick >= STALL_MS) mostCpuMs = Math.max(mostCpuMs, (cpu.user + cpu.system) / 1000);
    lastTick = now;
    lastCpu = process.cpuUsage();
  }, 10);
  return {
    stop: () => {
      clearInterval(ticker);
      histogram.disable();
    },
    longestMs: () => histogram.max / 1e6,
    mostCpuMs: () => mostCpuMs,
  };
}

/** The heap right after each full (mark-compact) collection, above what it was when watching began. */
function watchFullCollections() {
  const base = process.memoryUsage().heapUsed;
  let most = 0;
  let count = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if ((entry as { detail?: { kind?: number } }).detail?.kind !== constants.NODE_PERFORMANCE_GC_MAJOR) continue;
      count++;
      most = Math.max(most, process.memoryUsage().heapUsed - base);
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  return {
    stop: () => observer.disconnect(),
    mostMb: () => most / 1_048_576,
    count: () => count,
  };
}

async function main(): Promise<void> {
  const input = JSON.parse(process.env.RETENTION_PASS ?? '') as RetentionPassInput;
  const now = new Date(input.now);
  const service = buildService(localConfig(input.storage, { retentionDays: input.days }), {
    logger: pino({ level: 'silent' }),
    clock: () => now,
    instanceId: 'bench-retention',
  });
  let figures: Omit<RetentionPassFigures, 'peakHeapMb'> | undefined;
  const peakHeapMb = await peakHeapDuring(async () => {
    // Watched from here, not across the collection peakHeapDuring forces first.
    const stalls = watchStalls();
    const heap = watchFullCollections();
    const t0 = performance.now();
    const completed = await service.retention!.runDue('bench-retention');
    const seconds = (performance.now() - t0) / 1000;
    stalls.stop();
    heap.stop();
    figures = {
      completed,
      seconds,
      heapAfterFullGcMb: heap.mostMb(),
      fullCollections: heap.count(),
      longestBlockMs: stalls.longestMs(),
      longestBlockCpuMs: stalls.mostCpuMs(),
    };
  });
  const done: RetentionPassFigures = { ...figures!, peakHeapMb };
  process.send!(done, () => process.exit(0));
}

await main();
