import type { GoalProgress } from '../contract/goal-rules.js';
import type { LearningEntry, SourceType } from '../contract/learning-entry.js';
import type { NudgeAnswer } from '../contract/nudge-rules.js';
import type { OneToOneItem } from '../contract/one-to-one.js';
import type { ShareTally } from './share.js';
import type { TeamRole } from '../contract/team-settings.js';

/**
 * Stands in for an erased person where a record that belongs to others keeps what they did: a
 * nudge or coaching note a lead wrote to someone else, a team recommendation, "added by" on an
 * admin. The record stays for its owner; who wrote it is no longer known.
 */
export const ERASED_PERSON = { id: 'erased', name: 'A former colleague' } as const;

/** Names the export's shape, so a reader can tell later versions apart. */
export const MY_DATA_FORMAT = 'learning-loop/my-data@1';

/** Everything the app holds that is the learner's own, as one JSON document (GET /api/v1/me/export). */
export interface MyDataExport {
  format: typeof MY_DATA_FORMAT;
  exportedAt: string;
  person: {
    tenantId: string;
    userId: string;
    displayName: string;
    locale: string | null;
    /** The zone check-ins follow, and the one the learner chose themselves if they did. */
    timeZone: string | null;
    chosenTimeZone: string | null;
    pausedAt: string | null;
    isAdmin: boolean;
    /** The bot's offers to share: how many "Not now" in a row, and until when none is made. */
    sharePrompts: { notNowInARow: number; quietUntil: string | null };
  };
  teams: { teamId: string; name: string; role: TeamRole }[];
  entries: Omit<LearningEntry, 'tenantId' | 'userId'>[];
  checkIns: {
    cycle: string;
    kind: string;
    teamId: string;
    dueAt: string;
    status: string;
    sentAt: string | null;
    respondedAt: string | null;
    answer: string | null;
  }[];
  goals: {
    goalId: string;
    what: string;
    why: string | null;
    targetDate: string;
    resources: string[];
    progress: GoalProgress[];
    createdAt: string;
    closedAt: string | null;
  }[];
  /** What they shared, with the counts others gave it (not who gave them). */
  shares: {
    teamId: string;
    shareId: string;
    what: string;
    sourceType: SourceType;
    link: string | null;
    insight: string | null;
    action: string | null;
    rating: number | null;
    createdAt: string;
    withdrawnAt: string | null;
    tally: ShareTally;
  }[];
  /** Their Helpful, Save and rating on others' shares. */
  marks: { teamId: string; shareId: string; helpful: boolean; saved: boolean; rating: number | null; at: string }[];
  saved: { teamId: string; shareId: string; savedAt: string }[];
  /** The days they were told a share of theirs helped someone. */
  helpedNotices: string[];
  nudges: {
    teamId: string;
    nudgeId: string;
    from: string;
    note: string | null;
    reason: string | null;
    sentAt: string;
    reply: { answer: NudgeAnswer; at: string } | null;
  }[];
  coaching: {
    teamId: string;
    /** What the note is about: a share of theirs, or an entry of their log. */
    shareId: string | null;
    entryId: string | null;
    about: string;
    from: string;
    note: string;
    at: string;
    answer: { text: string; at: string } | null;
  }[];
  /** What their "I need help" and "Let's talk" answers opened for their lead, and how the lead closed it. */
  followUps: {
    teamId: string;
    followUpId: string;
    answer: string;
    /** The lead whose nudge they answered. */
    lead: string;
    openedAt: string;
    closed: { by: string; note: string; at: string } | null;
  }[];
  /** Leads' requests that they share an entry, and their answer. */
  shareAsks: { teamId: string; entryId: string; from: string; askedAt: string; answer: string | null; answeredAt: string | null }[];
  /** The items on their 1:1 lists with their leads, whoever of the two put them there or ticked them off. */
  oneToOne: (OneToOneItem & { teamId: string; leadId: string })[];
  /** Recommendations made to them, and team recommendations they marked done. */
  recommendations: {
    teamId: string;
    recId: string;
    from: string;
    title: string;
    link: string;
    note: string | null;
    at: string;
    toYou: boolean;
    doneAt: string | null;
  }[];
}

export interface MyDataCounts {
  entries: number;
  checkIns: number;
  goals: number;
  shares: number;
  marks: number;
  saved: number;
  nudges: number;
  coaching: number;
  recommendations: number;
}

export function countsOf(data: MyDataExport): MyDataCounts {
  return {
    entries: data.entries.length,
    checkIns: data.checkIns.length,
    goals: data.goals.length,
    shares: data.shares.length,
    marks: data.marks.length,
    saved: data.saved.length,
    nudges: data.nudges.length,
    coaching: data.coaching.length,
    recommendations: data.recommendations.length,
  };
}
