import type { CsvValue } from '../contract/csv-cell.js';
import { goalStatusOf, latestState } from './goal.js';
import type { Goal } from '../contract/goal-rules.js';
import type { LearningEntry } from '../contract/learning-entry.js';
import type { MemberRollup } from './member-rollup.js';
import { actionStateOf, addWeek, emptyTally, figuresOf } from './follow-through.js';
import type { Nudge } from '../contract/nudge-rules.js';
import type { TeamExportKind } from '../contract/team-export.js';

export const TEAM_EXPORT_COLUMNS = {
  entries: [
    'member_id',
    'member',
    'created_at',
    'what',
    'source_type',
    'link',
    'minutes',
    'rating',
    'insight',
    'action',
    'result',
    'visibility',
    'action_status',
    'action_answered_at',
  ],
  participation: [
    'week',
    'week_start',
    'member_id',
    'member',
    'entries',
    'minutes',
    'average_rating',
    'insights',
    'actions',
    'check_in',
    'results',
    'dropped',
    'actions_due',
    'median_days_to_result',
  ],
  goals: [
    'member_id',
    'member',
    'goal_id',
    'goal',
    'target_date',
    'status',
    'latest_report',
    'latest_report_at',
    'reports',
    'created_at',
    'closed_at',
  ],
  'follow-ups': [
    'sent_at',
    'lead_id',
    'lead',
    'member_id',
    'member',
    'reason',
    'flagged_since',
    'note',
    'delivered',
    'reply',
    'replied_at',
  ],
} as const satisfies Record<TeamExportKind, readonly string[]>;

export interface ExportMember {
  userId: string;
  displayName: string;
}

/** One entry the member let their leads see; the caller has already left out private ones. */
export function entryExportRow(member: ExportMember, e: LearningEntry): CsvValue[] {
  return [
    member.userId,
    member.displayName,
    e.createdAt,
    e.what,
    e.sourceType,
    e.link,
    e.minutes,
    e.rating,
    e.insight,
    e.action,
    e.result,
    e.visibility,
    ACTION_STATUS_WORDS[actionStateOf(e)],
    e.actionAnswer?.at ?? null,
  ];
}

/** Where an entry's action stands, in words a spreadsheet filter can use; empty when it planned none. */
const ACTION_STATUS_WORDS = { none: null, awaiting: 'awaiting a result', result: 'result', dropped: 'dropped' } as const;

/** How a scheduled check-in ended that week, in words a spreadsheet filter can use; empty when none was sent. */
const CHECK_IN_WORDS = { responded: 'answered', nothing: 'nothing this week', noAnswer: 'not answered' } as const;

/**
 * A member's weeks of the period, one row each, the quiet ones included (zeros), so a sum or a
 * pivot over the file gives the dashboard's figures.
 */
export function participationRows(
  member: ExportMember,
  rollup: MemberRollup | undefined,
  weeks: readonly { week: string; weekStart: string }[],
  now: Date,
): CsvValue[][] {
  return weeks.map(({ week, weekStart }) => {
    const a = rollup?.weeks[week];
    // The week's actions and what came of them so far: due as of the export (contract/follow-through.ts).
    const actions = figuresOf(a ? addWeek(emptyTally(), a, now) : emptyTally());
    const cycle = rollup?.cycles[week];
    const average = a && a.ratingCount > 0 ? Math.round((a.ratingSum / a.ratingCount) * 100) / 100 : null;
    return [
      week,
      weekStart,
      member.userId,
      member.displayName,
      a?.entries ?? 0,
      a?.minutes ?? 0,
      average,
      a?.insights ?? 0,
      a?.actions ?? 0,
      cycle ? CHECK_IN_WORDS[cycle.answer] : null,
      actions.results,
      actions.dropped,
      actions.due,
      actions.medianDaysToResult,
    ];
  });
}

/**
 * One goal: what it is, its target and how it stands. The learner's reasons and progress notes
 * are theirs and stay out, as they do on the dashboard.
 */
export function goalExportRow(member: ExportMember, goal: Goal, now: Date, zone: string): CsvValue[] {
  const last = goal.progress.at(-1);
  return [
    member.userId,
    member.displayName,
    goal.goalId,
    goal.what,
    goal.targetDate,
    goalStatusOf(goal, now, zone),
    latestState(goal),
    last?.at ?? null,
    goal.progress.length,
    goal.createdAt,
    goal.closedAt,
  ];
}

export function followUpExportRow(n: Nudge): CsvValue[] {
  return [
    n.sentAt,
    n.leadId,
    n.leadName,
    n.learnerId,
    n.learnerName,
    n.reason,
    n.flaggedSince,
    n.note,
    n.delivered ? 'yes' : 'no',
    n.reply?.answer ?? null,
    n.reply?.at ?? null,
  ];
}
