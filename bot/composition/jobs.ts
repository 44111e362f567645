import { startBackgroundJobs } from '../jobs/background-jobs.js';
import { CheckInScheduler } from '../services/check-in-scheduler.js';
import { SendWorker } from '../services/send-worker.js';
import type { ServiceBasics } from './service-basics.js';
import type { AllServices } from './services.js';
import type { TeamsSide } from './teams-side.js';

/** The scheduler and the send worker, and how the service's background jobs start. */
export function backgroundJobs(basics: ServiceBasics, teams: TeamsSide, services: AllServices) {
  const { stores, queues, clock, instanceId, logger } = basics;
  const { budgetStore, budget, messenger, pacer } = teams;
  const { planner, roundups, digests, behind, rollups, capture, followUps, cardUpdates, xapiSender, orgFigures, retention } = services;
  const scheduler = new CheckInScheduler({
    leases: stores.leases,
    dueIndex: stores.dueIndex,
    sends: stores.sends,
    queue: queues.sends,
    planner,
    roundups,
    digests,
    behind,
    clock,
    instanceId,
    logger,
  });
  const worker = new SendWorker({
    queue: queues.sends,
    poison: queues.poison,
    sends: stores.sends,
    entries: stores.entries,
    dueIndex: stores.dueIndex,
    users: stores.users,
    teams: stores.teams,
    conversations: stores.conversations,
    rollups,
    goals: capture,
    digests,
    roundups,
    followUps,
    behind,
    messenger,
    clock,
    logger,
    pacer,
    // A send takes well under a second; a worker that died mid-send is replaced within this.
    claimSeconds: 15,
  });
  /** Creates the queues, then runs the scheduler and send worker in the background; stopping them hands the send budget back. */
  async function startJobs(jobOptions: { schedulerEveryMs?: number } = {}): Promise<{ stop(): Promise<void> }> {
    await Promise.all([queues.sends.create(), queues.poison.create(), queues.xapi.create(), budgetStore.forgetEarlierRegistry()]);
    return startBackgroundJobs({
      scheduler,
      worker,
      budget,
      cards: cardUpdates,
      digests,
      xapi: xapiSender,
      orgFigures,
      ...(retention ? { retention: { runDue: () => retention.runDue(instanceId) } } : {}),
      logger,
      ...jobOptions,
    });
  }
  return { scheduler, worker, startJobs };
}
