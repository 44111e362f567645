import type { DashboardPeriod } from '../../../bot/contract/api.js';

export type {
  DashboardFollowUps,
  DashboardPeriod,
  DashboardResponse,
  DashboardTotals,
  FollowUpFigures,
  MemberRowView,
  MyTeamsResponse,
  TeamSummary,
  WeekRollupView,
} from '../../../bot/contract/api.js';
export type { CheckInSchedule } from '../../../bot/contract/check-in-schedule.js';
export type { TeamRole, TeamSettings } from '../../../bot/contract/team-settings.js';

/**
 * The periods the service offers, repeated here (and checked against the contract in a test) so
 * the first view does not load a service module for four numbers.
 */
export const DASHBOARD_PERIODS: readonly DashboardPeriod[] = [4, 12, 26, 52];
export const DEFAULT_PERIOD: DashboardPeriod = 12;
