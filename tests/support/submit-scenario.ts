import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import type { Goal } from '../../bot/contract/goal-rules.js';
import { emptyRollup, weekKeyOf } from '../../bot/domain/member-rollup.js';
import type { Service } from '../../bot/service.js';
import { scheduledCardId } from '../../bot/services/scheduled-card-id.js';
import { SendStore } from '../../bot/store/send-store.js';
import type { TableClients } from '../../bot/store/table-clients.js';
import { cardActionActivity } from '../../bot/testing/activities.js';

/**
 * The check-in submission the `submit` benchmark makes, and the integration test that counts its
 * storage requests: a learner in two teams with weekly schedules, three open goals, an earlier
 * entry whose action awaits its result, and this week's scheduled check-in sent by the first team,
 * in a tenant with an LRS connected. Written through the stores.
 */
export const SUBMIT_ZONE = 'Europe/London';
const WEEK_MS = 7 * 86_400_000;
/** Weeks of check-in history before this one, so the streak a saved card shows has something to count. */
const HISTORY_WEEKS = 8;

export interface SubmitLearner {
  tenantId: string;
  userId: string;
  cycle: string;
  goalIds: string[];
  previous: { id: string; createdAt: string; action: string };
}

/** The tenant's LRS and its teams, each with a weekly schedule. */
export async function seedSubmitTenant(
  stores: Service['stores'],
  tenantId: string,
  teamIds: readonly string[],
  lrsEndpoint: string,
  now: Date,
): Promise<void> {
  await stores.lrs.save(tenantId, { endpoint: lrsEndpoint, key: 'bench-lrs', secret: 'bench-secret', updatedAt: now.toISOString() });
  for (const [t, teamId] of teamIds.entries())
    await stores.teams.createSettingsIfAbsent({
      tenantId,
      teamId,
      name: `Bench team ${t}`,
      schedule: {
        cadence: 'weekly',
        weekday: 5,
        localTime: '16:00',
        timeZone: SUBMIT_ZONE,
        reminderAfterHours: 24,
        anchorMonday: '2025-01-06',
      },
      sharesChannelId: teamId,
      updatedBy: null,
      updatedAt: now.toISOString(),
    });
}

/** One learner of that scenario, in `inTeams` (the first sent this week's check-in an hour ago). */
export async function seedSubmitLearner(
  stores: Service['stores'],
  sendsTable: TableClients['sends'],
  learner: { tenantId: string; userId: string; displayName: string; inTeams: readonly string[] },
  now: Date,
): Promise<SubmitLearner> {
  const { teams, users, goals, entries, rollups } = stores;
  const { tenantId, userId, displayName, inTeams } = learner;
  const joinedAt = new Date(now.getTime() - 20 * WEEK_MS).toISOString();
  await users.upsert({
    tenantId,
    userId,
    displayName,
    teamsUserId: `29:${userId}`,
    timeZone: SUBMIT_ZONE,
    hasOpenGoals: true,
    updatedAt: joinedAt,
  });
  await Promise.all(
    inTeams.map(async (teamId) => {
      await teams.upsertMember({ tenantId, userId, teamId, teamsUserId: `29:${userId}`, displayName, role: 'member', joinedAt });
      await rollups.put(tenantId, teamId, emptyRollup(userId), undefined);
    }),
  );
  const targetDate = new Date(now.getTime() + 30 * 86_400_000).toISOString().slice(0, 10);
  const goalIds = [0, 1, 2].map(() => randomUUID());
  await Promise.all(
    goalIds.map((goalId, g) => {
      const goal: Goal = {
        tenantId,
        userId,
        goalId,
        what: `Goal ${g} of ${displayName}`,
        why: null,
        targetDate,
        resources: [],
        progress: [],
        createdAt: joinedAt,
        closedAt: null,
      };
      return goals.create(goal);
    }),
  );
  const previous = { id: randomUUID(), createdAt: new Date(now.getTime() - WEEK_MS).toISOString(), action: 'Try time-boxing my mornings' };
  await entries.addOnce(
    {
      tenantId,
      userId,
      id: previous.id,
      what: 'Time-boxing',
      sourceType: 'book',
      link: null,
      minutes: 30,
      rating: 4,
      insight: null,
      action: previous.action,
      result: null,
      visibility: 'leads',
      createdAt: previous.createdAt,
    },
    previous.id,
  );
  // This week's check-in, sent by the first team, and the weeks before it answered.
  const records = checkInDueTimes(now, HISTORY_WEEKS).map((dueAt, w) => {
    const week = weekKeyOf(dueAt, SUBMIT_ZONE);
    const answered = w < HISTORY_WEEKS;
    return {
      ...SendStore.keys(tenantId, userId, week, 'checkin'),
      tenantId,
      userId,
      cycle: week,
      kind: 'checkin',
      teamId: inTeams[0]!,
      dueAt,
      status: 'sent',
      attempts: 1,
      sentAt: dueAt,
      ...(answered ? { respondedAt: dueAt, answer: 'entry' } : {}),
    };
  });
  await sendsTable.submitTransaction(records.map((r) => ['upsert', r]));
  const cycle = weekKeyOf(new Date(now.getTime() - 3_600_000), SUBMIT_ZONE);
  return { tenantId, userId, cycle, goalIds, previous };
}

/**
 * When each check-in was due, oldest first: an hour before `now`, and the same time of day in the
 * zone each of the `weeks` weeks before. Stepping back by local weeks rather than by 168 hours keeps
 * every one in a week of its own: across a clock change a 168-hour step moves the local time by an
 * hour, and an hour after midnight on a Monday it would land two check-ins in one week.
 */
export function checkInDueTimes(now: Date, weeks: number): string[] {
  const latest = DateTime.fromJSDate(new Date(now.getTime() - 3_600_000)).setZone(SUBMIT_ZONE);
  return Array.from({ length: weeks + 1 }, (_, w) =>
    latest
      .minus({ weeks: weeks - w })
      .toJSDate()
      .toISOString(),
  );
}

/**
 * The scheduled card answered as Teams posts it: the entry's fields, the cycle and card id it was
 * sent with, the earlier action with its result, and each goal on track.
 */
export function submitActivity(learner: SubmitLearner, what: string, serviceUrl: string) {
  return cardActionActivity(
    'checkin.submit',
    {
      cardId: scheduledCardId(learner.tenantId, learner.userId, learner.cycle),
      cycle: learner.cycle,
      what,
      sourceType: 'article',
      minutes: '15',
      rating: '4',
      insight: 'Insight',
      action: 'Action',
      result: 'It helped',
      previousEntryId: learner.previous.id,
      previousCreatedAt: learner.previous.createdAt,
      previousAction: learner.previous.action,
      ...Object.fromEntries(learner.goalIds.map((goalId) => [`goal.${goalId}.state`, 'on-track'])),
    },
    { serviceUrl, from: { id: `29:${learner.userId}`, aadObjectId: learner.userId, name: learner.userId } },
  );
}
