import { accountabilityReport, type ReportTeam } from '../../../bot/domain/accountability-report.js';
import { now, team } from '../../../bot/testing/report-team.js';
import type { ReportRow } from '../api/report-types.js';

export const REPORT_ROUTE = 'GET /api/v1/admin/report';
export const ADMIN_ME_ROUTE = 'GET /api/v1/admin/me';

// A second, smaller team whose one member answered nothing: rates must be recombined from counts, not averaged.
export const quiet: ReportTeam = {
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

/** The service's own report over the two known teams (Product Design and Customer Success). */
export function reportRows(weeks = 2): ReportRow[] {
  return accountabilityReport([team, quiet], weeks, now);
}
