import { FOLLOW_UP_EXPECTED_DAYS } from '../contract/follow-up-rules.js';
import type { Nudge } from '../contract/nudge-rules.js';
import { newestFirstTimeKey } from '../store/keys.js';
import type { FollowUpStore } from '../store/follow-up-store.js';
import type { NudgeStore } from '../store/nudge-store.js';
import { DEMO_PEOPLE, DEMO_TEAM, DEMO_TENANT_ID } from './demo-team.js';

const DAY_MS = 86_400_000;
/** Marks the demo's follow-ups, so a store that has them is left alone (their ids start with a time). */
const DEMO_MARK = '-demo-follow-up';

/**
 * Two follow-ups for the dashboard: Isaiah answered Alex's nudge "I need help" and has waited
 * longer than the expected FOLLOW_UP_EXPECTED_DAYS; Lynne answered "Let's talk", and Alex closed it
 * with a note. Written as the service writes them (the nudge, its follow-up, the closing on both).
 */
export async function seedDemoFollowUps(stores: { nudges: NudgeStore; followUps: FollowUpStore }, now: Date): Promise<number> {
  const [open, closed] = await Promise.all([
    stores.followUps.listTeam(DEMO_TENANT_ID, DEMO_TEAM.id, 'open', 100),
    stores.followUps.listTeam(DEMO_TENANT_ID, DEMO_TEAM.id, 'closed', 100),
  ]);
  if ([...open, ...closed].some((f) => f.followUpId.endsWith(DEMO_MARK))) return 0;
  const [alex, isaiah, lynne] = [DEMO_PEOPLE[0]!, DEMO_PEOPLE[3]!, DEMO_PEOPLE[5]!];
  const ago = (days: number) => new Date(now.getTime() - days * DAY_MS);
  const nudge = (learner: typeof lynne, sentDaysAgo: number, note: string): Nudge => ({
    tenantId: DEMO_TENANT_ID,
    teamId: DEMO_TEAM.id,
    nudgeId: `${newestFirstTimeKey(ago(sentDaysAgo))}-${learner.displayName.split(' ')[0]!.toLowerCase()}${DEMO_MARK}`,
    learnerId: learner.userId,
    learnerName: learner.displayName,
    leadId: alex.userId,
    leadName: alex.displayName,
    note,
    reason: null,
    flaggedSince: null,
    sentAt: ago(sentDaysAgo).toISOString(),
    delivered: true,
    reply: null,
  });
  const waiting = nudge(isaiah, FOLLOW_UP_EXPECTED_DAYS + 4, 'How is the research course going?');
  const talked = nudge(lynne, 20, 'Shall we look at your goal together?');
  const answered = [
    { nudge: waiting, answer: 'need-help' as const, at: ago(FOLLOW_UP_EXPECTED_DAYS + 3).toISOString() },
    { nudge: talked, answer: 'lets-talk' as const, at: ago(19).toISOString() },
  ];
  for (const { nudge: n, answer, at } of answered) {
    await stores.nudges.create({ ...n, reply: { answer, at } });
    await stores.followUps.open({
      tenantId: DEMO_TENANT_ID,
      teamId: DEMO_TEAM.id,
      followUpId: n.nudgeId,
      learnerId: n.learnerId,
      learnerName: n.learnerName,
      answer,
      nudgedBy: { userId: alex.userId, displayName: alex.displayName },
      nudgeNote: n.note,
      reason: null,
      openedAt: at,
    });
  }
  const closedAt = ago(17).toISOString();
  const found = await stores.followUps.get(DEMO_TENANT_ID, DEMO_TEAM.id, talked.nudgeId);
  if (found) {
    await stores.nudges.setClosed(DEMO_TENANT_ID, DEMO_TEAM.id, talked.nudgeId, closedAt);
    await stores.followUps.close(DEMO_TENANT_ID, found.followUp, found.etag, {
      by: { userId: alex.userId, displayName: alex.displayName },
      note: 'We talked: Lynne is taking the SQL course next.',
      at: closedAt,
    });
  }
  return answered.length;
}
