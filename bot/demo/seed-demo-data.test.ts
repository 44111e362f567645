import { describe, expect, it } from 'vitest';
import { EntryStore } from '../store/entry-store.js';
import { UserStore } from '../store/user-store.js';
import { freshTestStorage } from '../testing/test-storage.js';
import { DEMO_PEOPLE, DEMO_TENANT_ID } from './demo-team.js';
import { seedDemoData } from './seed-demo-data.js';

describe('seedDemoData (Azurite)', () => {
  it('fills an empty store with the demo team and weeks of history, once', async () => {
    const { tables } = await freshTestStorage();
    const deps = { users: new UserStore(tables.users), entries: new EntryStore(tables.entries), now: new Date('2026-11-28T12:00:00Z') };
    const first = await seedDemoData(deps);
    expect(first).toMatchObject({ seeded: true, people: 6 });
    expect(first.entries).toBeGreaterThan(20);

    const people = await deps.users.listTenant(DEMO_TENANT_ID, 50);
    expect(people).toHaveLength(DEMO_PEOPLE.length);
    const weeks = new Set<string>();
    let total = 0;
    for (const person of DEMO_PEOPLE) {
      const page = await deps.entries.listForUser(DEMO_TENANT_ID, person.userId, { limit: 100 });
      total += page.entries.length;
      for (const e of page.entries) {
        expect(new Date(e.createdAt).getTime()).toBeLessThan(deps.now.getTime());
        weeks.add(e.createdAt.slice(0, 8));
      }
    }
    expect(total).toBe(first.entries);
    expect(weeks.size).toBeGreaterThanOrEqual(2);

    expect(await seedDemoData(deps)).toEqual({ seeded: false, people: 0, entries: 0 });
  });
});
