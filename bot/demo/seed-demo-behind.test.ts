import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { weekKeyOf } from '../domain/member-rollup.js';
import { minuteKey } from '../store/due-index-store.js';
import { startTestService, type RunningTestService } from '../testing/test-service.js';
import { DEMO_PEOPLE, DEMO_TEAM, DEMO_TENANT_ID } from './demo-team.js';
import { seedDemoData } from './seed-demo-data.js';

describe('the demo’s lead behind the expectation (Azurite)', () => {
  const now = new Date('2026-11-28T12:00:00Z');
  const alex = DEMO_PEOPLE[0]!;
  let service: RunningTestService;
  beforeAll(async () => {
    service = await startTestService({}, { clock: () => now });
    await seedDemoData({ ...service, now });
  });
  afterAll(() => service.stop());

  it('shows Alex behind in the report and files his weekly reminder for now, planned as the week’s one send', async () => {
    expect(await service.orgFigures.runTenant(DEMO_TENANT_ID)).toMatchObject({ status: 'done' });
    const generation = (await service.stores.orgFigures.pointer(DEMO_TENANT_ID))!.generation!;
    const lines = (await service.stores.orgFigures.leadPage(DEMO_TENANT_ID, generation, 4, 50)).rows;
    expect(lines.find((l) => l.teamId === DEMO_TEAM.id && l.leadId === alex.userId)?.overdue).toBe(1);

    const filed = (await service.stores.dueIndex.listMinute(minuteKey(now))).filter((e) => e.kind === 'behind-reminder');
    expect(filed.map((e) => e.userId)).toEqual([alex.userId]);
    await service.scheduler.tick();
    const week = weekKeyOf(now, alex.timeZone);
    expect(await service.stores.sends.get(DEMO_TENANT_ID, alex.userId, week, 'behind-reminder')).toMatchObject({ status: 'pending' });
  });
});
