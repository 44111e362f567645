import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { DueIndexStore, minuteKey, type DueEntry } from '../store/due-index-store.js';
import { LeaseStore } from '../store/lease-store.js';
import { SendStore } from '../store/send-store.js';
import { WorkQueue, queueClient } from '../store/work-queue.js';
import { freshTestStorage } from '../testing/test-storage.js';
import { CheckInScheduler } from './check-in-scheduler.js';
import type { DuePlanner } from './due-planner.js';
import type { SendWork } from './send-work.js';

const now = new Date('2026-12-04T16:00:30Z');
const LEARNERS = 600;

/** A scheduler over fresh storage with a whole organisation due in one minute, and a lease store that can be made to lose. */
async function organisationDueAtOnce(loseLeaseAfterRenewals = Infinity, dueAgoMs = 30_000) {
  const { storage, tables } = await freshTestStorage();
  const dueIndex = new DueIndexStore(tables.dueIndex);
  const queue = new WorkQueue<SendWork>(queueClient(storage, 'sends'));
  await queue.create();
  const minute = minuteKey(new Date(now.getTime() - dueAgoMs));
  for (let i = 0; i < LEARNERS; i++) {
    await dueIndex.put({
      kind: 'checkin',
      minute,
      tenantId: 't',
      userId: `u${i}`,
      teamId: 'team',
      cycle: '2026-W49',
      dueAt: now.toISOString(),
    });
  }
  const leases = new LeaseStore(tables.leases);
  let renewals = -1; // the first acquire takes the lease
  const counted = Object.assign(Object.create(leases) as LeaseStore, {
    acquire: async (...args: Parameters<LeaseStore['acquire']>) => {
      if (++renewals > loseLeaseAfterRenewals) return undefined;
      return leases.acquire(...args);
    },
  });
  const planner = { planNext: async () => undefined } as unknown as DuePlanner;
  const schedulerAt = (at: Date, instanceId: string, leaseStore: LeaseStore) =>
    new CheckInScheduler({
      leases: leaseStore,
      dueIndex,
      sends: new SendStore(tables.sends),
      queue,
      planner,
      clock: () => at,
      instanceId,
      logger: pino({ level: 'silent' }),
    });
  const scheduler = schedulerAt(now, 'a', counted);
  /** Another instance, started later, over the same storage and a lease store that never loses. */
  const restartedAt = (at: Date) => schedulerAt(at, 'b', leases);
  return { scheduler, restartedAt, dueIndex, minute, renewals: () => renewals };
}

describe('CheckInScheduler (Azurite)', () => {
  it('plans a minute with a whole organisation due a slice at a time, renewing its lease as it goes', async () => {
    const { scheduler, dueIndex, minute, renewals } = await organisationDueAtOnce();
    const result = await scheduler.tick();
    expect(result.planned).toBe(LEARNERS);
    expect(await dueIndex.listMinute(minute)).toEqual([]);
    // 600 learners in slices of 256: renewed after each full slice, then at the minute's end.
    expect(renewals()).toBeGreaterThanOrEqual(3);
  }, 60_000);

  it('stops when its lease goes to another instance mid-minute, leaving the rest to that one', async () => {
    // One renewal goes through (the empty minute before), the one after the first slice does not.
    const { scheduler, dueIndex, minute } = await organisationDueAtOnce(1);
    const result = await scheduler.tick();
    expect(result.planned).toBe(256);
    expect(await dueIndex.listMinute(minute)).toHaveLength(LEARNERS - 256);
  }, 60_000);

  it('a first tick that dies mid-minute leaves where it began, so an instance started minutes later plans the rest', async () => {
    // Due in the very first minute the instance looks at, and its lease lost after the first slice.
    const { scheduler, restartedAt, dueIndex, minute } = await organisationDueAtOnce(0, 90_000);
    expect((await scheduler.tick()).planned).toBe(256);
    const later = await restartedAt(new Date(now.getTime() + 5 * 60_000)).tick();
    expect(later.planned).toBe(LEARNERS - 256);
    expect(await dueIndex.listMinute(minute)).toEqual([]);
  }, 60_000);

  it('hands a team’s digest to the digest planner, and has the digests filed again after skipping minutes it was down for', async () => {
    const { storage, tables } = await freshTestStorage();
    const dueIndex = new DueIndexStore(tables.dueIndex);
    const planned: DueEntry[] = [];
    const walkedFrom: Date[] = [];
    let at = now;
    const scheduler = new CheckInScheduler({
      leases: new LeaseStore(tables.leases),
      dueIndex,
      sends: new SendStore(tables.sends),
      queue: new WorkQueue<SendWork>(queueClient(storage, 'sends')),
      planner: { planNext: async () => undefined } as unknown as DuePlanner,
      digests: {
        planDue: async (entry) => planned.push(entry),
        walkAgain: async (readFrom) => void walkedFrom.push(readFrom),
      },
      clock: () => at,
      instanceId: 'a',
      logger: pino({ level: 'silent' }),
      maxCatchUpMinutes: 60,
    });
    const digestAt = (minute: string) => ({ minute, tenantId: 't', teamId: 'team', cycle: '2026-W49', dueAt: `${minute}Z` });
    await dueIndex.putDigest(digestAt(minuteKey(new Date(now.getTime() - 30_000))));
    await scheduler.tick();
    expect(planned.map((e) => [e.kind, e.teamId])).toEqual([['digest', 'team']]);
    expect(await dueIndex.listMinute(planned[0]!.minute)).toEqual([]);
    expect(walkedFrom).toEqual([]);
    // Down for three hours: the first two are never read, and the digests are walked from where it reads again.
    at = new Date(now.getTime() + 3 * 3_600_000);
    await scheduler.tick();
    expect(walkedFrom).toEqual([new Date(at.getTime() - 3_600_000)]);
    at = new Date(at.getTime() + 60_000);
    await scheduler.tick();
    expect(walkedFrom).toHaveLength(1);
  });
});
