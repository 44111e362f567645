import type { Logger } from 'pino';
import { minuteKey, type DueEntry, type DueIndexStore } from '../store/due-index-store.js';
import type { LeaseStore } from '../store/lease-store.js';
import type { SendStore } from '../store/send-store.js';
import type { WorkQueue } from '../store/work-queue.js';
import type { DigestService } from './digest-service.js';
import type { DuePlanner } from './due-planner.js';
import type { Clock } from './learner.js';
import type { SendWork } from './send-work.js';
import type { WeeklyRoundups } from './weekly-roundups.js';
import type { BehindReminders } from './behind-reminders.js';
import { inBatches } from './in-batches.js';

const LEASE = 'check-in-scheduler';
const MINUTE = 60_000;
/** Short, so a crashed holder is replaced quickly; renewed as each minute is finished. */
const LEASE_MS = 20_000;
/** Learners planned at once within a minute: a whole organisation can fall due together. */
const CONCURRENCY = 32;
/** Learners planned between renewals of the lease: well within LEASE_MS even at slow storage. */
const SLICE = 256;

export interface SchedulerDeps {
  leases: LeaseStore;
  dueIndex: DueIndexStore;
  sends: SendStore;
  queue: WorkQueue<SendWork>;
  planner: DuePlanner;
  clock: Clock;
  instanceId: string;
  logger: Logger;
  /** Plans the teams' weekly round-ups filed in the same index. */
  roundups?: Pick<WeeklyRoundups, 'planDue' | 'ensureFiled'>;
  /** Plans the leads' weekly digests, each team's next window filed in the same index. */
  digests?: Pick<DigestService, 'planDue' | 'walkAgain'>;
  /** Plans the weekly reminders of leads behind the expectation, each lead's next slot filed in the same index. */
  behind?: Pick<BehindReminders, 'planDue'>;
  /** How far back a scheduler that was down catches up. */
  maxCatchUpMinutes?: number;
}

/**
 * Finds check-ins that have fallen due and hands them to the workers. Only the lease holder
 * plans; every step is idempotent (deterministic send keys, a cursor saved after each minute),
 * so a crash at any point is repaired by the next tick, on any instance, without doubling.
 */
export class CheckInScheduler {
  constructor(private readonly deps: SchedulerDeps) {}

  /** Plans every minute up to now; returns how many check-ins it handed over. */
  async tick(): Promise<{ held: boolean; planned: number; minutes: number }> {
    const now = this.deps.clock();
    let lease = await this.deps.leases.acquire(LEASE, this.deps.instanceId, now, LEASE_MS);
    if (!lease) return { held: false, planned: 0, minutes: 0 };
    const last = minuteKey(now);
    const earliest = new Date(now.getTime() - (this.deps.maxCatchUpMinutes ?? 24 * 60) * MINUTE);
    let minute = lease.cursor ? nextMinute(lease.cursor) : minuteKey(new Date(now.getTime() - MINUTE));
    if (minute < minuteKey(earliest)) {
      minute = minuteKey(earliest);
      // The minutes skipped are never read: each team whose digest was filed there has it filed again.
      await this.deps.digests?.walkAgain(earliest);
    }
    if (!lease.cursor) {
      // The very first tick records where it begins before planning anything: had it died in its
      // first minute with nothing saved, an instance starting later would begin at its own "now"
      // and never plan the rest of that minute.
      lease = await this.deps.leases.saveCursor(LEASE, lease, previousMinute(minute));
      if (!lease) return { held: false, planned: 0, minutes: 0 };
    }
    let planned = 0;
    let minutes = 0;
    for (; minute <= last; minute = nextMinute(minute)) {
      // A minute is planned a slice at a time with the lease renewed after each, so a minute in
      // which thousands fall due never outlives the lease (and is never planned by two instances).
      for await (const slice of this.deps.dueIndex.pagesOfMinute(minute, SLICE)) {
        await inBatches(slice, CONCURRENCY, (entry) => this.plan(entry));
        planned += slice.length;
        // A full slice may have more behind it: renew before the next (the end of the minute renews anyway).
        if (slice.length < SLICE) continue;
        lease = await this.deps.leases.acquire(LEASE, this.deps.instanceId, this.deps.clock(), LEASE_MS);
        if (!lease) break;
      }
      minutes++;
      lease = lease && (await this.deps.leases.saveCursor(LEASE, lease, minute));
      if (lease) lease = await this.deps.leases.acquire(LEASE, this.deps.instanceId, this.deps.clock(), LEASE_MS);
      if (!lease) {
        this.deps.logger.warn('lost the scheduler lease mid-tick; another instance carries on');
        break;
      }
    }
    return { held: true, planned, minutes };
  }

  private async plan(entry: DueEntry): Promise<void> {
    if (entry.kind === 'roundup') {
      await this.deps.roundups?.planDue(entry);
      return this.deps.dueIndex.done(entry);
    }
    if (entry.kind === 'digest') {
      await this.deps.digests?.planDue(entry);
      return this.deps.dueIndex.done(entry);
    }
    if (entry.kind === 'behind-reminder') {
      await this.deps.behind?.planDue(entry);
      return this.deps.dueIndex.done(entry);
    }
    const work: SendWork = { kind: entry.kind, tenantId: entry.tenantId, userId: entry.userId, cycle: entry.cycle, teamId: entry.teamId };
    await this.deps.sends.createIfAbsent({ ...work, dueAt: entry.dueAt });
    // Enqueued on every pass over this minute: a duplicate message finds the record already sent.
    await this.deps.queue.send(work);
    if (entry.kind === 'checkin') {
      await this.deps.planner.planNext(entry.tenantId, entry.userId, new Date(entry.dueAt));
      // A team set up before round-ups existed has none filed: its check-ins file its first.
      await this.deps.roundups?.ensureFiled(entry.tenantId, entry.teamId);
    }
    await this.deps.dueIndex.done(entry);
  }
}

function nextMinute(key: string): string {
  const date = new Date(Date.UTC(+key.slice(0, 4), +key.slice(4, 6) - 1, +key.slice(6, 8), +key.slice(8, 10), +key.slice(10, 12)));
  return minuteKey(new Date(date.getTime() + MINUTE));
}

function previousMinute(key: string): string {
  const date = new Date(Date.UTC(+key.slice(0, 4), +key.slice(4, 6) - 1, +key.slice(6, 8), +key.slice(8, 10), +key.slice(10, 12)));
  return minuteKey(new Date(date.getTime() - MINUTE));
}
