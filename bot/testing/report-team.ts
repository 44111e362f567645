import type { ReportTeam } from '../domain/accountability-report.js';
import type { MemberRollup } from '../domain/member-rollup.js';

/** One team's two weeks, known to the figure: the report's and its CSV's tests read the same facts. */
export const now = new Date('2026-11-28T12:00:00Z');
const at = (iso: string) => Date.parse(iso);
const week = (entries: number, minutes: number, insights: number, actions: number, lastAt: string) => ({
  entries,
  minutes,
  ratingSum: 0,
  ratingCount: 0,
  lastAt: at(lastAt),
  sources: {},
  insights,
  actions,
});

const rollups: MemberRollup[] = [
  {
    userId: 'alex',
    paused: false,
    goals: [{ what: 'Read Inspired', overdueAfter: at('2026-12-20T00:00:00Z'), behindTwice: false }],
    weeks: {
      // Week 47's action had its result four days on; week 48's still awaits one (not due yet).
      '2026-W47': { ...week(2, 40, 2, 1, '2026-11-18T10:00:00Z'), outcomes: { results: 1, dropped: 0, resultDays: [4], awaitingAt: [] } },
      '2026-W48': {
        ...week(1, 20, 0, 1, '2026-11-25T10:00:00Z'),
        outcomes: { results: 0, dropped: 0, resultDays: [], awaitingAt: [at('2026-11-25T10:00:00Z')] },
      },
    },
    cycles: {
      '2026-W47': { answer: 'responded', at: at('2026-11-20T17:00:00Z') },
      '2026-W48': { answer: 'nothing', at: at('2026-11-27T17:00:00Z') },
    },
  },
  {
    userId: 'bo',
    paused: false,
    goals: [{ what: 'Learn SQL', overdueAfter: at('2026-11-20T00:00:00Z'), behindTwice: false }],
    weeks: {},
    cycles: { '2026-W47': { answer: 'noAnswer', at: at('2026-11-20T16:00:00Z') } },
  },
];
export const team: ReportTeam = {
  teamId: 't1',
  name: 'Product Design',
  zone: 'Europe/London',
  members: [
    { userId: 'alex', displayName: 'Alex', role: 'lead', joinedAt: '2026-09-01T00:00:00Z' },
    { userId: 'bo', displayName: 'Bo', role: 'member', joinedAt: '2026-09-01T00:00:00Z' },
  ],
  rollups,
  ratingTimes: [at('2026-11-17T09:00:00Z'), at('2026-11-24T09:00:00Z'), at('2026-11-25T09:00:00Z'), at('2026-10-01T09:00:00Z')],
  // Alex followed up Bo's overdue goal (flagged when 20 November ended in London): nudged a day later,
  // Bo answered "Let's talk", and Alex closed the follow-up two days after the flag.
  nudges: [
    {
      leadId: 'alex',
      learnerId: 'bo',
      sentAt: at('2026-11-21T00:00:00Z'),
      flaggedSince: at('2026-11-20T00:00:00Z'),
      answer: 'lets-talk',
      closedAt: at('2026-11-22T00:00:00Z'),
    },
  ],
};
