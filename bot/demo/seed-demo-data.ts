import { createHash } from 'node:crypto';
import type { EntryStore } from '../store/entry-store.js';
import type { UserStore } from '../store/user-store.js';
import { demoHistory } from './demo-history.js';
import { DEMO_PEOPLE, DEMO_TENANT_ID } from './demo-team.js';

export interface SeedResult {
  seeded: boolean;
  people: number;
  entries: number;
}

/**
 * Fills an empty local store with the demo team and a few weeks of history. A store that
 * already knows the demo lead is left alone, and every write is idempotent, so an interrupted
 * seed simply completes on the next start.
 */
export async function seedDemoData(deps: { users: UserStore; entries: EntryStore; now: Date }): Promise<SeedResult> {
  const lead = DEMO_PEOPLE[0]!;
  if (await deps.users.get(DEMO_TENANT_ID, lead.userId)) return { seeded: false, people: 0, entries: 0 };

  const history = demoHistory(DEMO_PEOPLE, deps.now);
  for (const { person, entry, createdAt, submissionId } of history) {
    await deps.entries.addOnce(
      {
        ...entry,
        result: null,
        id: stableId(submissionId),
        tenantId: DEMO_TENANT_ID,
        userId: person.userId,
        createdAt: createdAt.toISOString(),
      },
      submissionId,
    );
  }
  // The lead goes last: their presence is what marks the seed as complete.
  for (const person of [...DEMO_PEOPLE].reverse()) {
    await deps.users.upsert({
      tenantId: DEMO_TENANT_ID,
      userId: person.userId,
      displayName: person.displayName,
      teamsUserId: person.teamsUserId,
      timeZone: person.timeZone,
      updatedAt: deps.now.toISOString(),
    });
  }
  return { seeded: true, people: DEMO_PEOPLE.length, entries: history.length };
}

function stableId(seed: string): string {
  const hex = createHash('sha256').update(seed).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
