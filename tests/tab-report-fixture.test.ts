import { describe, expect, it } from 'vitest';
import { accountabilityReport, type ReportTeam } from '../bot/domain/accountability-report.js';
import { now, team } from '../bot/testing/report-team.js';
import { now as tabNow, reportRows } from '../tab/src/testing/report-fixtures.js';

// A second, smaller team whose one member answered nothing: rates must be recombined from counts, not averaged.
const quiet: ReportTeam = {
  teamId: 't2',
  name: 'Customer Success',
  zone: 'Europe/London',
  members: [{ userId: 'cy', displayName: 'Cy', role: 'lead', joinedAt: '2026-09-01T00:00:00Z' }],
  rollups: [
    {
      userId: 'cy',
      paused: false,
      goals: [],
      weeks: {},
      cycles: {
        '2026-W47': { answer: 'noAnswer', at: Date.parse('2026-11-20T16:00:00Z') },
        '2026-W48': { answer: 'noAnswer', at: Date.parse('2026-11-27T16:00:00Z') },
      },
    },
  ],
  ratingTimes: [],
  nudges: [],
};

describe("the tab's report fixture", () => {
  it('is what the service reckons for the same two teams on the same day', () => {
    expect(tabNow).toEqual(now);
    for (const weeks of [2, 4] as const) expect(reportRows(weeks)).toEqual(accountabilityReport([team, quiet], weeks, now));
  });
});
