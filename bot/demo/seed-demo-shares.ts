import { createHash } from 'node:crypto';
import { normalizeLink, resourceKeyOf } from '../domain/resource-link.js';
import { EMPTY_TALLY, NO_VOTE, shareContentOf, tallyOf, type Share } from '../domain/share.js';
import type { MyShareVote } from '../contract/share-view.js';
import type { EntryStore } from '../store/entry-store.js';
import type { ShareStore } from '../store/share-store.js';
import { DEMO_PEOPLE, DEMO_TEAM, DEMO_TENANT_ID } from './demo-team.js';

/** The Agents Playground's "Learning shares" channel in the demo team (.m365agentsplayground.yml). */
export const DEMO_SHARES_CHANNEL = '19:learning-shares@thread.tacv2';

const SHARES_PER_PERSON = 2;

/**
 * Gives the demo team a feed to look at: each person's two latest entries with a link are
 * shared, and the others mark them helpful, rate and save them, the same way every time.
 * The cards are not posted (no Teams client is connected while seeding); new shares are.
 */
export async function seedDemoShares(stores: { entries: EntryStore; shares: ShareStore }, now: Date): Promise<number> {
  if ((await stores.shares.listTeamShares(DEMO_TENANT_ID, DEMO_TEAM.id)).length > 0) return 0;
  let shared = 0;
  for (const person of DEMO_PEOPLE) {
    const { entries } = await stores.entries.listForUser(DEMO_TENANT_ID, person.userId, { limit: 30 });
    for (const entry of entries.filter((e) => e.link).slice(0, SHARES_PER_PERSON)) {
      const content = shareContentOf(entry, ['insight', 'link']);
      const canonical = content.link ? normalizeLink(content.link) : null;
      const share: Share = {
        tenantId: DEMO_TENANT_ID,
        teamId: DEMO_TEAM.id,
        shareId: entry.id,
        sharerId: person.userId,
        sharerName: person.displayName,
        ...content,
        resourceKey: canonical ? resourceKeyOf(canonical) : null,
        createdAt: entry.createdAt,
        withdrawnAt: null,
        channelId: DEMO_SHARES_CHANNEL,
        activityId: null,
        tally: content.sharerRating !== null ? { ...EMPTY_TALLY, ratingSum: content.sharerRating, ratingCount: 1 } : EMPTY_TALLY,
      };
      if (!(await stores.shares.create(share))) continue;
      shared++;
      for (const voter of DEMO_PEOPLE) {
        if (voter.userId === person.userId) continue;
        const vote = demoVote(`${entry.id}-${voter.userId}`, entry.rating);
        if (!vote.helpful && !vote.saved && vote.rating === null) continue;
        const at = now.toISOString();
        await stores.shares.writeVote(
          DEMO_TENANT_ID,
          DEMO_TEAM.id,
          share.shareId,
          { ...vote, userId: voter.userId, resourceKey: share.resourceKey, at },
          undefined,
        );
        if (vote.saved)
          await stores.shares.setSaved(DEMO_TENANT_ID, voter.userId, { teamId: DEMO_TEAM.id, shareId: share.shareId, savedAt: at }, true);
      }
      // Nothing else writes while seeding: one recount of the votes sets the counters.
      const found = await stores.shares.get(DEMO_TENANT_ID, DEMO_TEAM.id, share.shareId);
      if (found)
        await stores.shares.writeTally(
          found.share,
          found.etag,
          tallyOf(await stores.shares.listShareVotes(DEMO_TENANT_ID, DEMO_TEAM.id, share.shareId)),
        );
    }
  }
  return shared;
}

/** A plausible mark from one person on one share, decided by a hash so the demo is the same each time. */
function demoVote(seed: string, sharerRating: number | null): MyShareVote {
  const h = createHash('sha256').update(seed).digest();
  const rating = h[1]! % 10 < 6 ? Math.min(5, Math.max(1, (sharerRating ?? 4) + (h[2]! % 3) - 1)) : null;
  return { ...NO_VOTE, helpful: h[0]! % 2 === 0, saved: h[3]! % 4 === 0, rating };
}
