import { describe, expect, it } from 'vitest';
import { addDaysToResult, medianDaysOf } from './follow-through.js';
import type { ReportRow } from './report.js';
import { addRows, totalsOf, type ReportSums } from './report-totals.js';

/** A team's whole-period row with these follow-through counts (the rest nothing). */
function teamRow(teamId: string, results: number, actionsDue: number, daysToResult: [number, number][]): ReportRow {
  return {
    teamId,
    teamName: teamId,
    week: 'all',
    weekStart: null,
    system: { entries: 0, minutes: 0, resourceRatings: 0 },
    learner: {
      members: 1,
      responseRate: null,
      checkInsAnswered: 0,
      checkInsClosed: 0,
      insights: 0,
      actions: actionsDue,
      goalsOpen: 0,
      goalsOnTrack: 0,
      results,
      actionsDue,
      followThrough: results / actionsDue,
      medianDaysToResult: medianDaysOf(daysToResult),
      daysToResult,
    },
    leader: { requested: 0, done: 0, rate: null, medianDays: null, nudged: 0 },
  };
}

describe('follow-through added up across teams', () => {
  it('recombines the rate from its counts and the median from every result’s days, never averaging them', () => {
    const byWeek = new Map<string, ReportSums>();
    // A team of one result in 1 day (100%), and one of three results in 9 days out of six due (50%).
    addRows(byWeek, [teamRow('a', 1, 1, [[1, 1]]), teamRow('b', 3, 6, [[9, 3]])]);
    const { total } = totalsOf(byWeek);
    expect(total).toMatchObject({ results: 4, actionsDue: 7, followThrough: 4 / 7, medianDaysToResult: 9 });
  });

  it('takes a median from counted days as from the sorted list of them', () => {
    expect(medianDaysOf([])).toBeNull();
    expect(medianDaysOf([[3, 1]])).toBe(3);
    expect(
      medianDaysOf([
        [1, 1],
        [4, 1],
      ]),
    ).toBe(2.5);
    expect(
      medianDaysOf(
        addDaysToResult(
          [
            [2, 2],
            [10, 1],
          ],
          [
            [5, 1],
            [2, 1],
          ],
        ),
      ),
    ).toBe(2);
    expect(
      addDaysToResult(
        [
          [2, 2],
          [10, 1],
        ],
        [
          [5, 1],
          [2, 1],
        ],
      ),
    ).toEqual([
      [2, 3],
      [5, 1],
      [10, 1],
    ]);
  });
});
