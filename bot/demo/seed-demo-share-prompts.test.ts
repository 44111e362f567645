import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestService, type RunningTestService } from '../testing/test-service.js';
import { DEMO_PEOPLE, DEMO_TEAM, DEMO_TENANT_ID } from './demo-team.js';
import { seedDemoData } from './seed-demo-data.js';

describe('the demo’s share prompts (Azurite)', () => {
  const now = new Date('2026-11-28T12:00:00Z');
  let service: RunningTestService;
  beforeAll(async () => {
    service = await startTestService();
  });
  afterAll(() => service.stop());

  it('shows a lead’s requests answered, one shared from the request and one "not now", once however often it is seeded', async () => {
    await seedDemoData({ ...service, now });
    const lead = { tenantId: DEMO_TENANT_ID, userId: DEMO_PEOPLE[0]!.userId };
    const first = await service.services.sharePrompts.asksFor(lead, DEMO_TEAM.id);
    expect(first.figures).toEqual({ asked: 2, shared: 1, notNow: 1 });
    const shared = first.asks.find((a) => a.answer === 'shared')!;
    expect(shared.userId).toBe(DEMO_PEOPLE[1]!.userId);
    expect(await service.stores.shares.get(DEMO_TENANT_ID, DEMO_TEAM.id, shared.entryId)).toBeDefined();
    expect(await service.stores.users.getSharePrompt(DEMO_TENANT_ID, DEMO_PEOPLE[3]!.userId)).toEqual({
      notNowInARow: 1,
      quietUntil: null,
    });

    await seedDemoData({ ...service, now });
    expect(await service.services.sharePrompts.asksFor(lead, DEMO_TEAM.id)).toEqual(first);
  });
});
