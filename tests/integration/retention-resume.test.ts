import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PEOPLE, DEMO_TENANT_ID } from '../../bot/demo/demo-team.js';
import { seedDemoData } from '../../bot/demo/seed-demo-data.js';
import { retentionCutoff } from '../../bot/domain/retention.js';
import { noneRetained } from '../../bot/services/retention-service.js';
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
