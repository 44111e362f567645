import type { DashboardResponse, MemberRowView, WeekRollupView } from '../api/dashboard-types.js';

export const TEAM_ID = '19:team@thread.tacv2';

export function memberRow(displayName: string, over: Partial<MemberRowView> = {}): MemberRowView {
  return {
    userId: displayName.toLowerCase().replace(/\W+/g, '-'),
    displayName,
    role: 'member',
    lastCheckInAt: '2026-11-20T10:00:00.000Z',
    streak: 2,
    entries: 3,
    minutes: 90,
    averageRating: 4,
    followThrough: { actions: 2, results: 1, dropped: 0, awaiting: 1, due: 2, followThrough: 0.5, medianDaysToResult: 6 },
    paused: false,
    needsFollowUp: false,
    followUpReason: null,
    ...over,
  };
}

function week(index: number, over: Partial<WeekRollupView> = {}): WeekRollupView {
  const monday = new Date(Date.UTC(2026, 8, 7 + index * 7)).toISOString().slice(0, 10);
  return {
    week: `2026-W${37 + index}`,
    weekStart: monday,
    responded: 3,
    nothing: 1,
    noAnswer: 2,
    entries: 4,
    minutes: 120,
    sources: { article: 2, video: 2 },
    ...over,
  };
}

export const LEAD_MEMBERS = [
  memberRow('Alex Wilber', { role: 'lead', streak: 5, entries: 9, minutes: 300 }),
  memberRow('Megan Bowen', { streak: 1, entries: 1, minutes: 20, averageRating: 3 }),
  memberRow('Isaiah Langer', {
    lastCheckInAt: null,
    streak: 0,
    entries: 0,
    minutes: 0,
    averageRating: null,
    needsFollowUp: true,
    followUpReason: 'No answer to the last 2 check-ins',
    followUpWhy: { kind: 'no-answer', count: 2 },
  }),
  memberRow('Patti Fernandez', { paused: true, streak: 0, entries: 2, minutes: 45 }),
];

/** A dashboard as the service answers it; `weeks` sets the period and the number of week rows. */
export function dashboard(
  over: Partial<DashboardResponse> & { weeks?: WeekRollupView[] } = {},
  periodWeeks: 4 | 12 | 26 | 52 = 12,
): DashboardResponse {
  const weeks = over.weeks ?? Array.from({ length: periodWeeks }, (_, i) => week(i));
  return {
    team: { teamId: TEAM_ID, name: 'Product Design' },
    role: 'lead',
    // Someone none of the rows belongs to, so every row offers every action; tests of the caller's own row name it.
    callerId: 'viewer',
    period: { weeks: periodWeeks, firstWeek: weeks[0]?.week ?? '', lastWeek: weeks.at(-1)?.week ?? '' },
    totals: {
      members: 4,
      activeMembers: 3,
      entries: 12,
      minutes: 365,
      averageRating: 3.75,
      responded: 30,
      nothing: 6,
      noAnswer: 12,
      responseRate: 0.75,
      followThrough: { actions: 8, results: 4, dropped: 1, awaiting: 3, due: 6, followThrough: 4 / 6, medianDaysToResult: 5.5 },
    },
    sources: [
      { sourceType: 'article', entries: 7 },
      { sourceType: 'video', entries: 5 },
    ],
    members: LEAD_MEMBERS,
    settings: {
      schedule: {
        cadence: 'weekly',
        weekday: 5,
        localTime: '16:00',
        timeZone: 'Europe/London',
        reminderAfterHours: 24,
        anchorMonday: '2026-09-07',
      },
      sharesChannelId: '19:general@thread.tacv2',
      updatedAt: '2026-09-01T09:00:00.000Z',
      roundup: { enabled: true, weekday: 5 },
    },
    generatedAt: '2026-11-28T12:00:00.000Z',
    ...over,
    weeks,
  };
}
