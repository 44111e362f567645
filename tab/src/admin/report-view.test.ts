import { describe, expect, it } from 'vitest';
import { now, reportRows } from '../testing/report-fixtures.js';
import {
  axisWeekStarts,
  csvFileName,
  describeRates,
  goalsOnTrackText,
  medianDaysText,
  organisationWeeks,
  rateLines,
} from './report-view.js';

const rows = reportRows();

describe('the report arranged for reading', () => {
  it('adds the teams up week by week, recombining response rates from their counts rather than averaging them', () => {
    const { total, weeks } = organisationWeeks(rows);
    expect(weeks.map((w) => [w.week, w.weekStart])).toEqual([
      ['2026-W47', '2026-11-16'],
      ['2026-W48', '2026-11-23'],
    ]);
    // Product Design answered 1 of 2 in W47, Customer Success 0 of 1: 1 of 3, not the mean of 50% and 0%.
    expect(weeks[0]!.responseRate).toBeCloseTo(1 / 3);
    expect(total).toMatchObject({ week: 'all', entries: 3, minutes: 60, resourceRatings: 3, insights: 2, actions: 2 });
    expect(total.responseRate).toBeCloseTo(2 / 5);
    const teams = rows.filter((r) => r.week === 'all');
    expect(total.followUpsRequested).toBe(teams[0]!.leader.requested + teams[1]!.leader.requested);
    // Open goals come from the teams' whole-period rows.
    expect([total.goalsOpen, total.goalsOnTrack]).toEqual([2, 1]);
    expect(total.followUpsDone).toBe(1);
  });

  it('has no rate where nothing was asked, and the chart leaves that week out instead of drawing a zero', () => {
    const { weeks } = organisationWeeks(rows.filter((r) => r.teamId === 't1'));
    expect(weeks.map((w) => w.followUpRate)).toEqual([1, null]);
    const [response, followUp] = rateLines(weeks);
    expect(response!.points).toEqual([
      { weekStart: '2026-11-16', rate: 0.5 },
      { weekStart: '2026-11-23', rate: 1 },
    ]);
    expect(followUp!.points).toEqual([{ weekStart: '2026-11-16', rate: 1 }]);
    expect(describeRates(weeks, 'en-US')).toBe('Week by week: check-ins answered from 50% to 100%; follow-ups done 100%.');
    expect(describeRates([], 'en-US')).toBe('Week by week: no check-ins closed; no follow-ups asked.');
  });

  it('says goals on track and follow-up time in words', () => {
    const whole = (teamId: string) => rows.find((r) => r.teamId === teamId && r.week === 'all')!;
    const [design, quietLine] = [whole('t1'), whole('t2')];
    expect(goalsOnTrackText(design)).toBe('1 of 2');
    expect(goalsOnTrackText(quietLine)).toBe('none open');
    expect(goalsOnTrackText(rows.find((r) => r.week === '2026-W47')!)).toBe('—');
    expect(medianDaysText(null)).toBe('—');
    expect(medianDaysText(1)).toBe('1 day');
    expect(medianDaysText(1.04)).toBe('1 day');
    expect(medianDaysText(2.25)).toBe('2.3 days');
  });

  it('names the CSV by period and day', () => {
    expect(csvFileName(12, now)).toBe('learning-loop-report-12-weeks-2026-11-28.csv');
  });
});

describe('axisWeekStarts', () => {
  const weeks = (n: number) =>
    Array.from({ length: n }, (_, i) => ({
      ...organisationWeeks([]).total,
      week: `w${i}`,
      weekStart: `2026-01-${String(i + 1).padStart(2, '0')}`,
    }));

  it('labels every week of a short period, and thins a long one from the newest week back', () => {
    expect(axisWeekStarts(weeks(4))).toHaveLength(4);
    const long = axisWeekStarts(weeks(26));
    expect(long).toHaveLength(13);
    expect(long.at(-1)).toBe('2026-01-26');
    expect(axisWeekStarts(weeks(27)).length).toBeLessThanOrEqual(13);
  });
});
