import { describe, expect, it } from 'vitest';
import { REPORT_CSV_COLUMNS, accountabilityReport, reportCsv, type ReportTeam } from './accountability-report.js';
import type { MemberRollup } from './member-rollup.js';

const now = new Date('2026-11-28T12:00:00Z');
const at = (iso: string) => Date.parse(iso);
const week = (entries: number, minutes: number, insights: number, actions: number, lastAt: string) => ({ entries, minutes, ratingSum: 0, ratingCount: 0, lastAt: at(lastAt), sources: {}, insights, actions });

const rollups: MemberRollup[] = [
  {
    userId: 'alex',
    paused: false,
    goals: [{ what: 'Read Inspired', overdueAfter: at('2026-12-20T00:00:00Z'), behindTwice: false }],
    weeks: { '2026-W47': week(2, 40, 2, 1, '2026-11-18T10:00:00Z'), '2026-W48': week(1, 20, 0, 1, '2026-11-25T10:00:00Z') },
    cycles: { '2026-W47': { answer: 'responded', at: at('2026-11-20T17:00:00Z') }, '2026-W48': { answer: 'nothing', at: at('2026-11-27T17:00:00Z') } },
  },
  {
    userId: 'bo',
    paused: false,
    goals: [{ what: 'Learn SQL', overdueAfter: at('2026-11-20T00:00:00Z'), behindTwice: false }],
    weeks: {},
    cycles: { '2026-W47': { answer: 'noAnswer', at: at('2026-11-20T16:00:00Z') } },
  },
];
const team: ReportTeam = {
  teamId: 't1',
  name: 'Product Design',
  zone: 'Europe/London',
  members: [
    { userId: 'alex', displayName: 'Alex', role: 'lead', joinedAt: '2026-09-01T00:00:00Z' },
    { userId: 'bo', displayName: 'Bo', role: 'member', joinedAt: '2026-09-01T00:00:00Z' },
  ],
  rollups,
  ratingTimes: [at('2026-11-17T09:00:00Z'), at('2026-11-24T09:00:00Z'), at('2026-11-25T09:00:00Z'), at('2026-10-01T09:00:00Z')],
  // Alex followed up Bo's overdue goal (flagged when 20 November ended in London) two days later.
  nudges: [{ leadId: 'alex', learnerId: 'bo', sentAt: at('2026-11-22T00:00:00Z'), flaggedSince: at('2026-11-20T00:00:00Z') }],
};

describe('accountabilityReport', () => {
  const rows = accountabilityReport([team], 2, now);

  it('gives each team a whole-period row and one row per week', () => {
    expect(rows.map((r) => [r.teamName, r.week, r.weekStart])).toEqual([
      ['Product Design', 'all', null],
      ['Product Design', '2026-W47', '2026-11-16'],
      ['Product Design', '2026-W48', '2026-11-23'],
    ]);
  });

  it('counts the system, learner and leader levels for the period', () => {
    expect(rows[0]).toMatchObject({
      system: { entries: 3, minutes: 60, resourceRatings: 3 },
      learner: { members: 2, responseRate: 2 / 3, insights: 2, actions: 2, goalsOpen: 2, goalsOnTrack: 1 },
      leader: { requested: 1, done: 1, rate: 1, medianDays: 2 },
      leads: [{ leadId: 'alex', displayName: 'Alex', requested: 1, done: 1, rate: 1, medianDays: 2 }],
    });
    expect(rows[1]).not.toHaveProperty('leads');
  });

  it('splits the same figures by week, goals only on the whole-period row', () => {
    expect(rows[1]).toMatchObject({ system: { entries: 2, minutes: 40, resourceRatings: 1 }, learner: { responseRate: 0.5, insights: 2, actions: 1, goalsOpen: null }, leader: { requested: 1, done: 1 } });
    expect(rows[2]).toMatchObject({ system: { entries: 1, minutes: 20, resourceRatings: 2 }, learner: { responseRate: 1, insights: 0, actions: 1 }, leader: { requested: 0, rate: null } });
  });
});

describe('reportCsv', () => {
  it('writes a header and one line per row, with rates to three places and blanks for unknowns', () => {
    const csv = reportCsv(accountabilityReport([team], 2, now));
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe(REPORT_CSV_COLUMNS.join(','));
    expect(lines[1]).toBe('Product Design,all,,3,60,3,2,0.667,2,2,2,1,1,1,1,2');
    expect(lines[3]).toBe('Product Design,2026-W48,2026-11-23,1,20,2,2,1,0,1,,,0,0,,');
  });

  it('cannot be made to run a formula or break a line by a team’s name', () => {
    const hostile = { ...team, name: '=HYPERLINK("https://evil.example","x"),\nnext' };
    const line = reportCsv(accountabilityReport([hostile], 1, now)).split('\r\n')[1]!;
    expect(line.startsWith(`"'=HYPERLINK(""https://evil.example"",""x""),\nnext",all`)).toBe(true);
  });
});
