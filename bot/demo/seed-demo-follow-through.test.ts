import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestService, type RunningTestService } from '../testing/test-service.js';
import { DEMO_PEOPLE, DEMO_TEAM, DEMO_TENANT_ID } from './demo-team.js';
import { seedDemoData } from './seed-demo-data.js';
import { seedDemoLeadFollowThrough } from './seed-demo-follow-through.js';

describe('seedDemoLeadFollowThrough (Azurite)', () => {
  const now = new Date('2026-11-28T12:00:00Z');
  const [alex, megan] = [DEMO_PEOPLE[0]!, DEMO_PEOPLE[1]!];
  let service: RunningTestService;
  beforeAll(async () => {
    service = await startTestService({}, { clock: () => now });
    await seedDemoData({ ...service, now });
  });
  afterAll(() => service.stop());

  it('adds an answered coaching note on an entry the lead may see, and a 1:1 list with one open and one ticked item, once', async () => {
    expect(await seedDemoLeadFollowThrough(service.stores, now)).toEqual({ added: 3 });
    expect(await seedDemoLeadFollowThrough(service.stores, now)).toEqual({ added: 0 });

    const [note] = await service.stores.coaching.listForLearner(DEMO_TENANT_ID, megan.userId);
    const entry = (await service.stores.entries.getOwn(DEMO_TENANT_ID, megan.userId, note!.entryId!))?.entry;
    expect(entry?.visibility).not.toBe('private');
    expect(note).toMatchObject({ leadId: alex.userId, about: entry?.what, answer: { text: expect.any(String) } });

    const list = await service.services.oneToOne.list(
      await service.services.oneToOne.accessOf({ tenantId: DEMO_TENANT_ID, userId: megan.userId }, DEMO_TEAM.id, alex.userId, megan.userId),
    );
    expect(list.items.map((i) => [i.kind, i.ticked === null])).toEqual([
      ['topic', true],
      ['entry', false],
    ]);
  });
});
