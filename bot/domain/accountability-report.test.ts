import { describe, expect, it } from 'vitest';
import { accountabilityReport } from './accountability-report.js';
import { now, team } from '../testing/report-team.js';

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
      learner: {
        members: 2,
        responseRate: 2 / 3,
        checkInsAnswered: 2,
        checkInsClosed: 3,
        insights: 2,
        actions: 2,
        goalsOpen: 2,
        goalsOnTrack: 1,
      },
      leader: { requested: 1, done: 1, rate: 1, medianDays: 2 },
      leads: [{ leadId: 'alex', displayName: 'Alex', requested: 1, done: 1, rate: 1, medianDays: 2 }],
    });
    expect(rows[1]).not.toHaveProperty('leads');
  });

  it('splits the same figures by week, goals only on the whole-period row', () => {
    expect(rows[1]).toMatchObject({
      system: { entries: 2, minutes: 40, resourceRatings: 1 },
      learner: { responseRate: 0.5, insights: 2, actions: 1, goalsOpen: null },
      leader: { requested: 1, done: 1 },
    });
    expect(rows[2]).toMatchObject({
      system: { entries: 1, minutes: 20, resourceRatings: 2 },
      learner: { responseRate: 1, insights: 0, actions: 1 },
      leader: { requested: 0, rate: null },
    });
  });
});
