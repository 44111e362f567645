import type { FollowThroughFigures } from './follow-through.js';
import type { LearningEntry } from './learning-entry.js';
import type { TeamRole } from './team-settings.js';
import type { Goal, GoalStatus } from './goal-rules.js';
import type { Nudge } from './nudge-rules.js';
import type { LrsSettingsView } from './lrs-view.js';
import type { AuditEventView } from './audit.js';

/**
 * The shapes the tab's API answers with, shared by the service and the tab so both sides are
 * type-checked against one definition. Every failure (4xx and 503) is a `ProblemDetails`
 * document (RFC 9457) sent as `application/problem+json`.
 */

/** One field of a refused request and what is wrong with it, in the service's English. */
export interface FieldProblem {
  /** The body's or query's field name (`note`, `timeZone`), or `body` for the request as a whole. */
  field: string;
  message: string;
}

/** The body of every failed API call (RFC 9457), with our machine code and the fields at fault. */
export interface ProblemDetails {
  /** A stable identifier per `code`: `tag:learning-loop,2026:problem/<code>`. */
  type: string;
  /** The HTTP status's phrase: the same for every occurrence of a type. */
  title: string;
  status: number;
  /** What went wrong this time, in words a person can act on. */
  detail: string;
  /** What clients branch on: `forbidden`, `not_found`, `invalid_request`, `rate_limited`… */
  code: string;
  /** Each field at fault; empty when the problem is not about one. */
  errors: FieldProblem[];
}

/** GET /api/v1/me/teams */
export interface MyTeamsResponse {
  teams: TeamSummary[];
}

export interface TeamSummary {
  teamId: string;
  name: string;
  role: TeamRole;
}

/**
 * GET /api/v1/teams/{teamId}/channels (members): the team's channels as Teams last listed them to
 * the bot, General always among them. A team's shares go to one of these, and to no other.
 */
export interface TeamChannelsResponse {
  channels: { id: string; name: string }[];
}

export type { FollowUpFigures } from './report.js';
export type { AudienceTeam, MyAudienceResponse } from './audience.js';

export {
  DASHBOARD_PERIODS,
  type DashboardFollowUps,
  type DashboardPeriod,
  type DashboardResponse,
  type DashboardTotals,
  type MemberRowView,
  type WeekRollupView,
} from './dashboard-view.js';

/** GET /api/v1/me/summary */
export interface MySummaryResponse {
  streak: number;
  /** In the learner's own time zone's calendar month. */
  minutesThisMonth: number;
  entriesThisMonth: number;
  month: string;
  /** The learner's actions planned in the last `followThroughWeeks` weeks and what came of them (contract/follow-through.ts). */
  followThrough: FollowThroughFigures;
  followThroughWeeks: number;
}

/** GET and PUT /api/v1/me/settings (PUT takes either field, or both): a learner's own settings, as the tab shows and changes them. */
export interface MySettings {
  paused: boolean;
  pausedAt: string | null;
  /** The zone the learner chose; null follows the zone Teams reports, else the team's. */
  timeZone: string | null;
}

export type MySettingsUpdate = Partial<Pick<MySettings, 'paused' | 'timeZone'>>;

/**
 * PATCH /api/v1/me/entries/:entryId takes the editable fields (all optional; null clears an
 * optional one, but not `visibility`, which must be named) and answers `{ entry }`; 400
 * `invalid_entry` carries `details` as `{ field: message }`. Narrowing `visibility` from
 * `team` withdraws the entry's share. DELETE answers 204; 404 when it is not the caller's entry.
 */
export type EntryEdit = Partial<
  Pick<LearningEntry, 'what' | 'sourceType' | 'link' | 'minutes' | 'rating' | 'insight' | 'action' | 'result' | 'visibility'>
>;

/**
 * GET /api/v1/teams/:teamId/members/:userId/entries (the leads' view; `limit`, `cursor` as for
 * /me/entries): the member's entries they let leads see (`leads` or `team`, never `private`),
 * and the member's name to head them with. 403 for anyone but the team's leads, 404 when the
 * person is not in the team.
 */
export interface MemberEntriesResponse {
  entries: Omit<LearningEntry, 'tenantId' | 'userId'>[];
  nextCursor: string | null;
  member: { displayName: string };
}

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
} from './share-view.js';

/**
 * GET /api/v1/me/goals answers `{ goals: GoalView[] }`, oldest first, each with its status today
 * in the learner's zone. POST /api/v1/me/goals takes `GoalInput` and answers 201 `{ goal }`;
 * 400 `invalid_goal` carries `details` as `{ field: message }`.
 */
export type GoalView = Omit<Goal, 'tenantId' | 'userId'> & { status: GoalStatus };
export interface MyGoalsResponse {
  goals: GoalView[];
}
export interface GoalInput {
  what: string;
  why?: string | null;
  /** YYYY-MM-DD, the learner's own calendar day. */
  targetDate: string;
  resources?: string[];
}

/**
 * Leads only. POST /api/v1/teams/:teamId/members/:userId/nudges takes `{ note? }` and answers 201
 * `{ nudge }` (403 not a lead, 404 not a member, 409 nudged in the last 12 hours); GET
 * /api/v1/teams/:teamId/nudges answers `{ nudges }`, newest first. PUT
 * /api/v1/teams/:teamId/members/:userId/role takes `{ role }` and answers `{ member }`.
 */
export type NudgeView = Omit<Nudge, 'tenantId'>;
export interface NudgesResponse {
  nudges: NudgeView[];
}
export { NUDGE_ANSWER_LABELS, type NudgeAnswer } from './nudge-rules.js';

/**
 * L&D admins only. GET /api/v1/admin/lrs answers `{ settings }` (never the secret, only whether
 * one is set); PUT takes `{ endpoint, key, secret? }` (400 `invalid_lrs_settings` with `details`
 * as `{ field: message }`); DELETE answers 204. GET /api/v1/admin/lrs/status answers the counts;
 * POST /api/v1/admin/lrs/backfill answers 202 when it started the backfill, 200 after that.
 */
export type { BackfillAnswer as LrsBackfillResponse, LrsSettingsView, LrsStatus as LrsStatusResponse } from './lrs-view.js';
export interface LrsSettingsResponse {
  settings: LrsSettingsView;
}

/**
 * L&D admins only (403 otherwise). GET /api/v1/admin/audit?person=&kind=&cursor= answers a page of
 * the organisation's audit trail, newest first, at most AUDIT_PAGE_SIZE events; a filtered page
 * may be short, or even empty, and still have a next cursor. `person` matches a user id, or a name
 * in any case, whether they acted or were acted on. GET /api/v1/admin/audit.csv?person=&kind=
 * downloads the whole filtered trail. Nothing changes or deletes an event.
 */
export {
  AUDIT_KINDS,
  AUDIT_PAGE_SIZE,
  AUDIT_PERSON_MAX,
  auditCsvFilename,
  type AuditDetail,
  type AuditEventView,
  type AuditKind,
} from './audit.js';
export interface AuditPageResponse {
  events: AuditEventView[];
  nextCursor: string | null;
}
