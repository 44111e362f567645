import { weekKeyOf } from '../domain/member-rollup.js';
import { minuteKey, type DueIndexStore } from '../store/due-index-store.js';
import { DEMO_PEOPLE, DEMO_TEAM, DEMO_TENANT_ID } from './demo-team.js';

/**
 * Alex is behind what L&D asks in the demo: Isaiah's follow-up (seed-demo-follow-ups.ts) has waited
 * longer than the expected days, so the report shows it. Alex's weekly reminder is filed for this
 * very minute rather than next Wednesday, so it reaches his personal chat soon after `npm start`;
 * the week is the send's cycle, so starting again the same week sends nothing more.
 */
export async function seedDemoBehindReminder(stores: { dueIndex: Pick<DueIndexStore, 'putReminder'> }, now: Date): Promise<void> {
  const alex = DEMO_PEOPLE[0]!;
  await stores.dueIndex.putReminder(
    {
      minute: minuteKey(now),
      tenantId: DEMO_TENANT_ID,
      userId: alex.userId,
      teamId: DEMO_TEAM.id,
      cycle: weekKeyOf(now, alex.timeZone),
      dueAt: now.toISOString(),
    },
    'behind-reminder',
  );
}
