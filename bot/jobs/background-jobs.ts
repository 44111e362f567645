import type { Logger } from 'pino';
import type { CheckInScheduler } from '../services/check-in-scheduler.js';
import type { SendWorker } from '../services/send-worker.js';
import type { DigestService } from '../services/digest-service.js';
import type { XapiSender } from '../services/xapi-sender.js';

/** Teams allows an app 50 requests per second per tenant, across all its instances. */
export const APP_SENDS_PER_SECOND = 50;

/**
 * How long stopping waits for work under way (a send on the wire, a planning pass) before it hands
 * the send budget back regardless. What is still waiting then is left to its claim, which runs out
 * and is taken up by another instance, as after a crash.
 */
export const JOBS_STOP_GRACE_MS = 3_000;

export interface BackgroundJobsDeps {
  scheduler: CheckInScheduler;
  worker: SendWorker;
  /** This instance's share of the fleet's send budget: handed back when the jobs stop, before the process exits. */
  budget: { stop(): Promise<void> };
  /** Takes up share card updates another instance left unfinished. */
  cards?: { drainOnce(): Promise<number> };
  /**
   * Files a digest window for each team set up before digests were filed in the due index: looked
   * for every 15 minutes, a walk the first time, one lease read once it is through. The scheduler
   * plans the digests as their windows open; the send worker delivers them.
   */
  digests?: Pick<DigestService, 'fileExistingTeams'>;
  /** The retention pass, looked for every hour; it runs once a day, on whichever instance claims it. */
  retention?: { runDue(): Promise<boolean> };
  /** Computes the organisation figures of every tenant whose figures are missing or stale, every 5 minutes. */
  orgFigures?: { runDue(): Promise<number> };
  /** Sends statements to each tenant's Learning Record Store as its queue asks. */
  xapi?: Pick<XapiSender, 'run'>;
  logger: Logger;
  schedulerEveryMs?: number;
}

/** Runs the scheduler tick and the send worker until stopped (the send budget renews itself while there is work). */
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

  loops.push(every(deps.schedulerEveryMs ?? 15_000, 'scheduler', () => deps.scheduler.tick()));
  // Enough sends under way to keep the pacer's line fed while each waits for Teams' answer; a send
  // waiting for its slot holds no claim, so waiting longer costs nothing but a little memory.
  loops.push(deps.worker.run(() => running, 128));
  if (deps.xapi) loops.push(deps.xapi.run(() => running));
  const cards = deps.cards;
  if (cards) loops.push(every(5_000, 'share card updates', () => cards.drainOnce()));
  const digests = deps.digests;
  if (digests) loops.push(every(15 * 60_000, 'filing weekly digests', () => digests.fileExistingTeams()));
  const orgFigures = deps.orgFigures;
  if (orgFigures) loops.push(every(5 * 60_000, 'organisation figures', () => orgFigures.runDue()));
  const retention = deps.retention;
  if (retention) loops.push(every(60 * 60_000, 'retention', () => retention.runDue()));
  return {
    async stop() {
      running = false;
      let grace: NodeJS.Timeout | undefined;
      await Promise.race([Promise.all(loops), new Promise((resolve) => (grace = setTimeout(resolve, JOBS_STOP_GRACE_MS)))]);
      clearTimeout(grace);
      await deps.budget.stop();
    },
  };
}

async function sleep(ms: number, stillRunning: () => boolean): Promise<void> {
  const end = Date.now() + ms;
  while (stillRunning() && Date.now() < end) await new Promise((r) => setTimeout(r, Math.min(250, end - Date.now())));
}
