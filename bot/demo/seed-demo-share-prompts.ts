import { visibleToLeads } from '../domain/entry-visibility.js';
import type { EntryStore } from '../store/entry-store.js';
import type { ShareAskStore } from '../store/share-ask-store.js';
import type { ShareStore } from '../store/share-store.js';
import type { UserStore } from '../store/user-store.js';
import { DEMO_PEOPLE, DEMO_TEAM, DEMO_TENANT_ID } from './demo-team.js';

const HOUR = 3_600_000;

/**
 * Share prompts answered, for the demo: Alex asked Megan to share an entry, which she did (it is
 * one of the demo shares), and asked Adele about one she kept to the leads ("not now"); Isaiah
 * said "not now" once to the bot's own offer. Creating a request twice finds the first.
 */
export async function seedDemoSharePrompts(
  stores: { entries: EntryStore; shares: ShareStore; shareAsks: ShareAskStore; users: UserStore },
  now: Date,
): Promise<void> {
  const [lead, megan, adele, isaiah] = [DEMO_PEOPLE[0]!, DEMO_PEOPLE[1]!, DEMO_PEOPLE[2]!, DEMO_PEOPLE[3]!];
  const shares = await stores.shares.listTeamShares(DEMO_TENANT_ID, DEMO_TEAM.id);
  const ask = { tenantId: DEMO_TENANT_ID, teamId: DEMO_TEAM.id, leadId: lead.userId };

  const shared = shares.find((s) => s.sharerId === megan.userId && !s.withdrawnAt);
  if (shared) {
    const answeredAt = shared.createdAt;
    const askedAt = new Date(Date.parse(answeredAt) - 2 * HOUR).toISOString();
    await stores.shareAsks.create({ ...ask, memberId: megan.userId, entryId: shared.shareId, askedAt, answer: 'shared', answeredAt });
  }

  const sharedIds = new Set(shares.map((s) => s.shareId));
  const { entries } = await stores.entries.listForUser(DEMO_TENANT_ID, adele.userId, { limit: 50 });
  const kept = entries.find((e) => visibleToLeads(e.visibility) && !sharedIds.has(e.id));
  if (kept) {
    const askedAt = new Date(Math.max(Date.parse(kept.createdAt) + HOUR, now.getTime() - 3 * 24 * HOUR)).toISOString();
    const answeredAt = new Date(Date.parse(askedAt) + HOUR).toISOString();
    await stores.shareAsks.create({ ...ask, memberId: adele.userId, entryId: kept.id, askedAt, answer: 'notNow', answeredAt });
  }

  const before = await stores.users.getSharePrompt(DEMO_TENANT_ID, isaiah.userId);
  if (before.notNowInARow === 0 && before.quietUntil === null)
    await stores.users.setSharePrompt(DEMO_TENANT_ID, isaiah.userId, { notNowInARow: 1, quietUntil: null });
}
