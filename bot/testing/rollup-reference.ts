import { rollupFromRaw, type MemberRollup } from '../domain/member-rollup.js';
import type { LearningEntry } from '../contract/learning-entry.js';
import type { EntryStore } from '../store/entry-store.js';
import type { SendStore } from '../store/send-store.js';
import type { TeamStore } from '../store/team-store.js';
import type { UserStore } from '../store/user-store.js';

export interface RawStores {
  teams: TeamStore;
  entries: EntryStore;
  sends: SendStore;
  users: UserStore;
}

/**
 * Every current member's rollup recomputed from their raw entries and check-in records, the
 * slow way: what the kept rollups are checked against, and the scan they are benchmarked against.
 */
export async function rollupsFromRaw(stores: RawStores, tenantId: string, teamId: string, now: Date): Promise<MemberRollup[]> {
  const { settings, members } = await stores.teams.readTeam(tenantId, teamId);
  const zone = settings?.schedule?.timeZone ?? 'UTC';
  return Promise.all(
    members.map(async (m) => {
      const [entries, checkIns, profile] = await Promise.all([
        allEntries(stores.entries, tenantId, m.userId),
        stores.sends.listForLearner(tenantId, m.userId, 1000),
        stores.users.get(tenantId, m.userId),
      ]);
      return rollupFromRaw({ userId: m.userId, teamId, zone, entries, checkIns, paused: Boolean(profile?.pausedAt), now });
    }),
  );
}

async function allEntries(store: EntryStore, tenantId: string, userId: string): Promise<LearningEntry[]> {
  const entries: LearningEntry[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.listForUser(tenantId, userId, { limit: 1000, ...(cursor ? { cursor } : {}) });
    entries.push(...page.entries);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return entries;
}
