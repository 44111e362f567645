import type { OneToOneItem } from '../contract/one-to-one.js';
import { newestFirstTimeKey } from '../store/keys.js';
import type { CoachingStore } from '../store/coaching-store.js';
import type { EntryStore } from '../store/entry-store.js';
import type { OneToOneStore } from '../store/one-to-one-store.js';
import { DEMO_PEOPLE, DEMO_TEAM, DEMO_TENANT_ID } from './demo-team.js';

const DAY = 24 * 60 * 60 * 1000;

/**
 * Shows a lead's follow-through after `npm start`: Alex's coaching note on one of Megan's entries,
 * answered, and their 1:1 list with one topic open and one entry ticked off as discussed. Kept out
 * of seedDemoData, whose fixtures many tests count on; every write is keyed, so a second run (every
 * start) adds nothing.
 */
export async function seedDemoLeadFollowThrough(
  stores: { entries: EntryStore; coaching: CoachingStore; oneToOne: OneToOneStore },
  now: Date,
): Promise<{ added: number }> {
  const [lead, learner] = [DEMO_PEOPLE[0]!, DEMO_PEOPLE[1]!];
  const { entries } = await stores.entries.listForUser(DEMO_TENANT_ID, learner.userId, { limit: 50 });
  // The newest entry the team's leads may see (the demo keeps some to the learner).
  const entry = entries.find((e) => e.visibility !== 'private');
  if (!entry) return { added: 0 };
  let added = 0;

  const noteAt = new Date(Math.min(Date.parse(entry.createdAt) + DAY, now.getTime()));
  const noteId = `${newestFirstTimeKey(noteAt)}-demoentry`;
  if (!(await stores.coaching.get(DEMO_TENANT_ID, learner.userId, noteId))) {
    await stores.coaching.create({
      tenantId: DEMO_TENANT_ID,
      teamId: DEMO_TEAM.id,
      entryId: entry.id,
      about: entry.what,
      learnerId: learner.userId,
      noteId,
      leadId: lead.userId,
      leadName: lead.displayName,
      note: 'Good find. What would you change in our next sprint because of it?',
      at: noteAt.toISOString(),
      answer: { text: 'I will suggest we try it on the onboarding screens.', at: new Date(noteAt.getTime() + DAY / 4).toISOString() },
    });
    added++;
  }

  const pair = { tenantId: DEMO_TENANT_ID, teamId: DEMO_TEAM.id, leadId: lead.userId, memberId: learner.userId };
  const asPerson = (p: (typeof DEMO_PEOPLE)[number]) => ({ userId: p.userId, displayName: p.displayName });
  const items: OneToOneItem[] = [
    {
      itemId: 'demo-one-to-one-ticked',
      kind: 'entry',
      refId: entry.id,
      text: entry.what,
      addedBy: asPerson(lead),
      addedAt: new Date(now.getTime() - 9 * DAY).toISOString(),
      ticked: { by: asPerson(learner), at: new Date(now.getTime() - 7 * DAY).toISOString() },
    },
    {
      itemId: 'demo-one-to-one-open',
      kind: 'topic',
      refId: null,
      text: 'Which conference to go to in the spring',
      addedBy: asPerson(learner),
      addedAt: new Date(now.getTime() - 2 * DAY).toISOString(),
      ticked: null,
    },
  ];
  const there = new Set((await stores.oneToOne.list(pair)).map((i) => i.item.itemId));
  for (const item of items.filter((i) => !there.has(i.itemId))) {
    await stores.oneToOne.create(pair, item);
    added++;
  }
  return { added };
}
