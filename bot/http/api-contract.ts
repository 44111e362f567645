import type { LearningEntry } from '../domain/learning-entry.js';
import type { TeamRole } from '../domain/team-settings.js';
import type { MySettings } from '../services/people-service.js';

/**
 * The shapes the tab's API answers with, shared by the service and the tab so both sides are
 * type-checked against one definition. Every error is `{ error: { code, message, details? } }`.
 */

/** GET /api/v1/me/teams */
export interface MyTeamsResponse {
  teams: TeamSummary[];
}

export interface TeamSummary {
  teamId: string;
  name: string;
  role: TeamRole;
}

export {
  DASHBOARD_PERIODS,
  type DashboardPeriod,
  type DashboardResponse,
  type DashboardTotals,
  type MemberRowView,
  type WeekRollupView,
} from '../domain/dashboard-view.js';

/** GET /api/v1/me/summary */
export interface MySummaryResponse {
  streak: number;
  /** In the learner's own time zone's calendar month. */
  minutesThisMonth: number;
  entriesThisMonth: number;
  month: string;
}

/** GET and PUT /api/v1/me/settings (PUT takes either field, or both). */
export type { MySettings };

export type MySettingsUpdate = Partial<Pick<MySettings, 'paused' | 'timeZone'>>;

/**
 * PATCH /api/v1/me/entries/:entryId takes the editable fields (all optional; null clears an
 * optional one) and answers `{ entry }`; 400 `invalid_entry` carries `details` as
 * `{ field: message }`. DELETE answers 204; 404 when it is not the caller's entry.
 */
export type EntryEdit = Partial<
  Pick<LearningEntry, 'what' | 'sourceType' | 'link' | 'minutes' | 'rating' | 'insight' | 'action' | 'result'>
>;

export {
  RESOURCE_SCOPES,
  SHARE_SORTS,
  type MyShareVote,
  type MyShareVoteUpdate,
  type ResourceScope,
  type ResourceView,
  type SavedShareView,
  type SavedSharesResponse,
  type ShareSort,
  type ShareView,
  type SharesResponse,
  type TopResourcesResponse,
} from '../domain/share-view.js';
