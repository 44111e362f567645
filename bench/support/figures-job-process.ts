import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { getHeapStatistics } from 'node:v8';
import { pino } from 'pino';
import type { StorageConfig } from '../../bot/config.js';
import { buildService } from '../../bot/service.js';
import type { RunOutcome } from '../../bot/services/org-figures-job.js';
import { localConfig } from '../../bot/testing/local-config.js';
import { peakHeapDuring, round } from './operation-cost.js';
import { PRODUCTION_NODE_OPTIONS, PRODUCTION_PROCESS_ENV } from './production-node-options.js';

/**
 * One whole pass of the organisation figures job over a tenant, in a process of its own started
 * with production's heap cap (NODE_OPTIONS in infra/modules/web-app.bicep): the collector works
 * as hard as it does in production, and a pass that needs more than the cap allows dies here as
 * it would there. The process builds the service, so its heap at the start is the service's own.
 */
export interface CappedJobPass {
  outcome: RunOutcome['status'];
  /** The highest heap in use above the start while the pass ran (read every 2 ms; garbage not yet collected counts). */
  peakHeapAddedMb: number;
  /** The heap in use when the pass began (after a collection), and the most the cap lets the process have. */
  heapAtStartMb: number;
  heapLimitMb: number;
}

/** Runs the pass in a child process under production's cap; the storage requests are counted by whoever serves `storage`. */
export async function figuresJobUnderCap(storage: StorageConfig, tenantId: string): Promise<CappedJobPass> {
  const child = fork(fileURLToPath(import.meta.url), [], {
    execArgv: [...PRODUCTION_NODE_OPTIONS, '--import', 'tsx'],
    env: { ...process.env, ...PRODUCTION_PROCESS_ENV, FIGURES_JOB_STORAGE: JSON.stringify(storage), FIGURES_JOB_TENANT: tenantId },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise<CappedJobPass>((resolve, reject) => {
    let answer: CappedJobPass | undefined;
    child.on('message', (m) => (answer = m as CappedJobPass));
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      answer ? resolve(answer) : reject(new Error(`the figures job's process ended (${signal ?? code}) without finishing its pass`)),
    );
  });
}

// In the child: build the service over the tenant's tables, run the pass, send back what it cost.
if (process.env.FIGURES_JOB_TENANT && process.send) {
  const storage = JSON.parse(process.env.FIGURES_JOB_STORAGE!) as StorageConfig;
  const service = buildService(localConfig(storage), { logger: pino({ level: 'silent' }) });
  let outcome: RunOutcome | undefined;
  const startMb = () => process.memoryUsage().heapUsed / 1_048_576;
  let heapAtStartMb = 0;
  const peakHeapAddedMb = await peakHeapDuring(async () => {
    heapAtStartMb = startMb();
    outcome = await service.orgFigures.runTenant(process.env.FIGURES_JOB_TENANT!);
  });
  const pass: CappedJobPass = {
    outcome: outcome!.status,
    peakHeapAddedMb: round(peakHeapAddedMb),
    heapAtStartMb: round(heapAtStartMb),
    heapLimitMb: round(getHeapStatistics().heap_size_limit / 1_048_576),
  };
  process.send(pass, () => process.exit(0));
}
