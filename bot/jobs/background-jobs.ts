import type { Logger } from 'pino';
import type { CheckInScheduler } from '../services/check-in-scheduler.js';
import type { SendWorker } from '../services/send-worker.js';
import type { DigestService } from '../services/digest-service.js';
import type { XapiSender } from '../services/xapi-sender.js';
import type { InstanceRegistry } from './instance-registry.js';

/** Teams allows an app 50 requests per second per tenant, across all its instances. */
export const APP_SENDS_PER_SECOND = 50;

export interface BackgroundJobsDeps {
  scheduler: CheckInScheduler;
  worker: SendWorker;
  registry: InstanceRegistry;
  /** This instance's share of the app's request budget follows the count of live instances. */
  budget: { liveInstances(count: number): void };
  /** Plans the leads' weekly digests every 15 minutes (on the lease holder); the send worker delivers them. */
  digests?: Pick<DigestService, 'planDue'>;
  /** The retention pass, looked for every hour; it runs once a day, on whichever instance claims it. */
  retention?: { runDue(): Promise<boolean> };
  /** Computes the organisation figures of every tenant whose figures are missing or stale, every 5 minutes. */
  orgFigures?: { runDue(): Promise<number> };
  /** Sends statements to each tenant's Learning Record Store as its queue asks. */
  xapi?: Pick<XapiSender, 'run'>;
  logger: Logger;
  schedulerEveryMs?: number;
}

/** Runs the scheduler tick, the instance heartbeat and the send worker until stopped. */
export function startBackgroundJobs(deps: BackgroundJobsDeps): { stop(): Promise<void> } {
  let running = true;
  const loops: Array<Promise<void>> = [];
  const every = (ms: number, what: string, job: () => Promise<unknown>) =>
    (async () => {
      while (running) {
        try {
          await job();
        } catch (error) {
          deps.logger.error({ err: error }, `${what} failed; retrying`);
        }
        await sleep(ms, () => running);
      }
    })();

  loops.push(
    every(5_000, 'heartbeat', async () => {
      const live = await deps.registry.heartbeat(new Date());
      deps.budget.liveInstances(live);
    }),
  );
  loops.push(every(deps.schedulerEveryMs ?? 15_000, 'scheduler', () => deps.scheduler.tick()));
  loops.push(deps.worker.run(() => running, 48));
  if (deps.xapi) loops.push(deps.xapi.run(() => running));
  const digests = deps.digests;
  if (digests) loops.push(every(15 * 60_000, 'weekly digests', () => digests.planDue()));
  const orgFigures = deps.orgFigures;
  if (orgFigures) loops.push(every(5 * 60_000, 'organisation figures', () => orgFigures.runDue()));
  const retention = deps.retention;
  if (retention) loops.push(every(60 * 60_000, 'retention', () => retention.runDue()));
  return {
    async stop() {
      running = false;
      await Promise.all(loops);
      await deps.registry.leave();
    },
  };
}

async function sleep(ms: number, stillRunning: () => boolean): Promise<void> {
  const end = Date.now() + ms;
  while (stillRunning() && Date.now() < end) await new Promise((r) => setTimeout(r, Math.min(250, end - Date.now())));
}
