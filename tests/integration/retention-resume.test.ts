import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PEOPLE, DEMO_TEAM, DEMO_TENANT_ID } from '../../bot/demo/demo-team.js';
import { seedDemoData } from '../../bot/demo/seed-demo-data.js';
import { retentionCutoff } from '../../bot/domain/retention.js';
import { buildService } from '../../bot/service.js';
import { noneRetained } from '../../bot/services/retention-service.js';
import { AggregateStore } from '../../bot/store/aggregate-store.js';
import { tableClients } from '../../bot/store/table-clients.js';
import { startTestService, type RunningTestService } from '../../bot/testing/test-service.js';

const DAY = 86_400_000;
const DAYS = 371;
const jobNow = new Date('2026-11-27T12:00:00Z');
const cutoff = retentionCutoff(jobNow, DAYS);
const seededAt = new Date(cutoff.getTime() + 28 * DAY);

describe('a retention run cut short resumes where it stopped (Azurite, demo data)', () => {
  let service: RunningTestService;
  let now = seededAt;
  const oldEntries = async () =>
    (await Promise.all(DEMO_PEOPLE.map((p) => service.stores.entries.listAll(DEMO_TENANT_ID, p.userId))))
      .flat()
      .filter((e) => Date.parse(e.createdAt) < cutoff.getTime()).length;

  beforeAll(async () => {
    service = await startTestService({ retentionDays: DAYS }, { clock: () => now });
    await seedDemoData({ ...service, now: seededAt });
    now = jobNow;
  }, 60_000);
  afterAll(() => service.stop());

  it('stops after the step it lost its lease on, and the next run takes up after it', async () => {
    expect(await oldEntries()).toBeGreaterThan(0);
    const firstRun: string[] = [];
    // The instance dies after its first step: the checkpoint is the last thing it gets to do.
    const stopped = await service.retention!.run(jobNow, {
      checkpoint: async (step) => {
        firstRun.push(step);
        return false;
      },
    });
    expect(stopped).toBeUndefined();
    expect(firstRun).toHaveLength(1);
    expect(firstRun[0]).toMatch(/^1\|/);
    // Folding went first; nothing raw was deleted yet.
    expect(await oldEntries()).toBeGreaterThan(0);

    const secondRun: string[] = [];
    const resumed = await service.retention!.run(jobNow, {
      after: firstRun[0]!,
      checkpoint: async (step) => {
        secondRun.push(step);
        return true;
      },
    });
    expect(resumed).toBeDefined();
    expect(secondRun).not.toContain(firstRun[0]);
    expect(secondRun.at(-1)).toMatch(/^2\|/);
    expect(await oldEntries()).toBe(0);
    expect(await service.retention!.run(jobNow)).toEqual(noneRetained());
  });

  it('resumes from the step saved in its lease once the instance that held it is gone', async () => {
    const today = jobNow.toISOString().slice(0, 10);
    // An instance took the lease, finished the folding and died.
    const lease = await service.stores.leases.acquire('retention', 'instance-a', jobNow, 5 * 60_000);
    expect(lease).toBeDefined();
    await service.stores.leases.saveCursor('retention', lease!, `${today} 1|${DEMO_TENANT_ID}`);
    // Not while its lease lasts; after it, another instance finishes the day's run.
    expect(await service.retention!.runDue('instance-b')).toBe(false);
    now = new Date(jobNow.getTime() + 6 * 60_000);
    expect(await service.retention!.runDue('instance-b')).toBe(true);
    expect((await service.stores.leases.acquire('retention', 'instance-b', now, 1000))?.cursor).toBe(today);
    expect(await service.retention!.runDue('instance-b')).toBe(false);
  });
});

describe('a retention run killed in the middle of a step (Azurite, demo data)', () => {
  // The same history twice: one run straight through, one whose instance is killed half way.
  let whole: RunningTestService;
  let killed: RunningTestService;
  beforeAll(async () => {
    [whole, killed] = await Promise.all([
      startTestService({ retentionDays: DAYS }, { clock: () => jobNow }),
      startTestService({ retentionDays: DAYS }, { clock: () => jobNow }),
    ]);
    await Promise.all([whole, killed].map((s) => seedDemoData({ ...s, now: seededAt })));
  }, 90_000);
  afterAll(async () => {
    await whole?.stop();
    await killed?.stop();
  });
  const state = async (s: RunningTestService) => ({
    totals: await new AggregateStore(tableClients(s.config.storage).aggregates).listTeam(DEMO_TENANT_ID, DEMO_TEAM.id),
    rollups: await s.stores.rollups.listTeam(DEMO_TENANT_ID, DEMO_TEAM.id),
    entries: (await Promise.all(DEMO_PEOPLE.map((p) => s.stores.entries.listAll(DEMO_TENANT_ID, p.userId))))
      .flat()
      .map((e) => e.id)
      .sort(),
  });

  it('leaves the team’s totals whole when the instance dies after its first member’s rollup is trimmed, and another finishes', async () => {
    expect(await whole.retention!.runDue('whole')).toBe(true);
    const expected = await state(whole);
    expect(expected.totals.length).toBeGreaterThan(0);

    // The team's weeks are summed and written, one member's old cells are removed, and the instance dies as it rewrites the next.
    const isRollupWrite = (r: { method: string; url: string }) =>
      ['PUT', 'PATCH', 'MERGE'].includes(r.method) && r.url.includes('Rollups(');
    let seen = 0;
    const doomed = buildService(killed.config, {
      logger: pino({ level: 'silent' }),
      clock: () => jobNow,
      instanceId: 'doomed',
      observeStorage: (r) => {
        if (seen >= 2 || (isRollupWrite(r) && ++seen >= 2)) throw new Error('the instance was killed');
      },
    });
    await expect(doomed.retention!.runDue('doomed')).rejects.toThrow('the instance was killed');
    expect(seen).toBe(2);

    // Its lease runs out; another instance takes the day's run up and finishes it.
    const later = new Date(jobNow.getTime() + 6 * 60_000);
    const other = buildService(killed.config, { logger: pino({ level: 'silent' }), clock: () => later, instanceId: 'other' });
    expect(await other.retention!.runDue('other')).toBe(true);
    expect(await state(killed)).toEqual(expected);
    expect(await other.retention!.run(later)).toEqual(noneRetained());
  });
});
