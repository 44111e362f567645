import type { CheckInSchedule } from './check-in-schedule.js';
import type { FollowUpFigures } from './report.js';
import type { FollowThroughFigures } from './follow-through.js';
import type { SourceType } from './learning-entry.js';
import type { TeamRole } from './team-settings.js';
import type { RoundupSetting } from './weekly-roundup.js';

/** What the team dashboard shows; the API sends it as is (GET /api/v1/teams/:teamId/dashboard). */

/** The periods the dashboard offers, in weeks. */
export const DASHBOARD_PERIODS = [4, 12, 26, 52] as const;
export type DashboardPeriod = (typeof DASHBOARD_PERIODS)[number];

export interface DashboardResponse {
  team: { teamId: string; name: string };
  /** The caller's role: a member's view carries the team's totals and only their own row. */
  role: TeamRole;
  /** The caller's user id: which row of the member table is their own. */
  callerId: string;
  period: { weeks: DashboardPeriod; firstWeek: string; lastWeek: string };
  /** One per week of the period, oldest first, weeks without activity included as zeros. */
  weeks: WeekRollupView[];
  totals: DashboardTotals;
  /** Entries per source type over the period, most first; types never used are left out. */
  sources: { sourceType: SourceType; entries: number }[];
  /** Leads: every member, by name. Members: their own row only. */
  members: MemberRowView[];
  /** The schedule leads edit on the dashboard (PUT /api/v1/teams/:teamId/settings). */
  settings: {
    schedule: CheckInSchedule | null;
    sharesChannelId: string | null;
    updatedAt: string;
    /** The weekly round-up in the learning channel, as leads set it (or the default: on, Fridays). */
    roundup: RoundupSetting;
    /**
     * Leads of a team never set up (`schedule` null): the check-in cadence L&D set for new teams,
     * which the schedule form starts from, as the setup card does. Absent once the team has a schedule.
     */
    defaultCadence?: CheckInSchedule['cadence'];
  };
  /** Leads only: the follow-ups the rules asked of the team's leads in the period, and which were made. */
  followUps?: DashboardFollowUps;
  generatedAt: string;
}

/** A lead's accountability on their dashboard, reckoned as the admins' report does. */
export interface DashboardFollowUps {
  /** Done when any lead followed the member up. */
  team: FollowUpFigures;
  /** The calling lead's own: every lead is asked to follow up every flagged member. */
  yours: FollowUpFigures;
}

export interface WeekRollupView {
  /** ISO week, e.g. "2026-W48". */
  week: string;
  /** The Monday that week starts, as an ISO date, for labels. */
  weekStart: string;
  /** Check-ins answered with learning. */
  responded: number;
  /** Check-ins answered "nothing this week". */
  nothing: number;
  /** Check-ins sent and not (yet) answered. */
  noAnswer: number;
  entries: number;
  minutes: number;
  sources: Partial<Record<SourceType, number>>;
}

export interface DashboardTotals {
  members: number;
  /** Members with at least one entry or answer in the period. */
  activeMembers: number;
  entries: number;
  minutes: number;
  /** Mean usefulness rating (1–5) of rated entries, or null if none were rated. */
  averageRating: number | null;
  responded: number;
  nothing: number;
  noAnswer: number;
  /** (responded + nothing) / (all three), or null when no check-in was sent. */
  responseRate: number | null;
  /** The actions planned in the period's entries and what came of them (contract/follow-through.ts). */
  followThrough: FollowThroughFigures;
}

export interface MemberRowView {
  userId: string;
  displayName: string;
  role: TeamRole;
  /** The last entry or answer to a check-in, ever. */
  lastCheckInAt: string | null;
  /** Consecutive scheduled check-ins answered, counting back from the latest closed one. */
  streak: number;
  /** Over the chosen period. */
  entries: number;
  minutes: number;
  averageRating: number | null;
  /** The member's actions planned in the period and what came of them. */
  followThrough: FollowThroughFigures;
  paused: boolean;
  needsFollowUp: boolean;
  /** Why, in words, e.g. "No answer to the last 2 check-ins". */
  followUpReason: string | null;
  /** The same reason as data, for saying it in the reader's language. */
  followUpWhy?: FollowUpWhy | null;
}

/** Why a member needs a follow-up, as data: the words are the reader's language's. */
export type FollowUpWhy =
  | { kind: 'no-answer'; count: number }
  | { kind: 'goal-overdue'; goal: string }
  | { kind: 'goal-behind'; goal: string }
  | { kind: 'quiet'; weeks: number }
  | { kind: 'quiet-since-joining'; weeks: number };
