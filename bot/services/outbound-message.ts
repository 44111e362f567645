import type { OpenGoal, OpenRecommendation } from '../domain/check-in-asks.js';
import type { CoachingNote } from '../contract/coaching-rules.js';
import type { Digest } from '../domain/digest.js';
import type { Nudge, NudgeAnswer } from '../contract/nudge-rules.js';
import type { Share } from '../domain/share.js';
import type { WeeklyRoundup } from '../domain/weekly-roundup.js';
import type { FollowUp } from '../contract/follow-up-rules.js';

/** A scheduled check-in, or its one reminder: what the card asks besides the learning itself. */
export interface CheckInAsk {
  /** Identifies the card, so a repeated submit saves one entry, not two. */
  cardId: string;
  cycle: string;
  /** The teams the learner may share with from the card. */
  shareWith: { teamId: string; name: string }[];
  /** The learner's actions still awaiting a result (at most three, oldest first), to ask what came of each. */
  awaiting?: { entryId: string; createdAt: string; action: string }[];
  goals?: OpenGoal[];
  recommendations?: OpenRecommendation[];
}

/**
 * What the service says to someone outside a turn, as data: the Teams layer chooses the words, in
 * the reader's language, and the card. A name left undefined is said generically ("your team").
 */
export type OutboundMessage =
  | ({ kind: 'check-in' } & CheckInAsk)
  | ({ kind: 'reminder' } & CheckInAsk)
  /** The hello each member gets when their team starts using the app. */
  | { kind: 'intro'; displayName: string | undefined; teamName: string | undefined }
  /** Someone became a lead of a team the reader is in: what they can read of the reader's log, from when. */
  | { kind: 'lead-notice'; leadName: string; teamName: string | undefined; joinedAt: string }
  /** A lead asks what came of one action the reader planned, with the answers a check-in offers. */
  | {
      kind: 'ask-how-it-went';
      leadName: string;
      teamName: string | undefined;
      action: { entryId: string; createdAt: string; action: string; what: string };
    }
  /** A lead asks the reader to share one of their entries with the team, with Share and Not now. */
  | {
      kind: 'ask-to-share';
      leadId: string;
      leadName: string;
      teamId: string;
      teamName: string | undefined;
      entry: { entryId: string; what: string; insight: string | null; action: string | null; link: string | null };
    }
  /** A lead's nudge, with one-press replies. */
  | { kind: 'nudge'; nudge: Pick<Nudge, 'teamId' | 'nudgeId' | 'leadName' | 'note'>; teamName: string }
  /** To the lead: how the learner answered their nudge. */
  | { kind: 'nudge-reply'; nudge: Pick<Nudge, 'learnerName' | 'note'>; answer: NudgeAnswer; teamName: string | undefined }
  /** To a lead: a follow-up has waited longer than expected, with a box for a note and Close. */
  | { kind: 'follow-up-reminder'; followUp: FollowUp; teamName: string | undefined; daysWaiting: number }
  /**
   * To a lead behind the expectation, once a week: how many follow-ups of their teams have waited
   * longer than `expectedDays`, the oldest few each with Close, and where the tab lists them all.
   */
  | {
      kind: 'behind-reminder';
      overdue: number;
      expectedDays: number;
      oldest: { followUp: FollowUp; teamName: string | undefined }[];
      tabUrl: string | undefined;
    }
  /** To the learner: a lead closed the follow-up their answer opened, with the lead's note. */
  | { kind: 'follow-up-closed'; followUp: FollowUp; teamName: string | undefined }
  /** A lead's coaching note, with a box to answer. */
  | { kind: 'coaching-note'; note: Pick<CoachingNote, 'noteId' | 'leadName' | 'about' | 'note'> }
  /** To the lead: the learner's answer to their note. */
  | { kind: 'coaching-answer'; learnerName: string | undefined; note: Pick<CoachingNote, 'about' | 'note'>; answer: string }
  /** A lead's weekly digest; the dashboard button only when the service knows where it is. */
  | { kind: 'digest'; digest: Digest; dashboardUrl: string | undefined }
  /** What a team learned this week, in its learning channel, with a button to share one's own. */
  | { kind: 'weekly-roundup'; roundup: WeeklyRoundup }
  /** A share as its team's channel sees it, counts included (or withdrawn). */
  | { kind: 'share'; share: Share }
  /** Where a share was, once its sharer erased their data. */
  | { kind: 'share-removed' }
  /** To a sharer, at most once a day: what they shared helped someone. */
  | { kind: 'share-helped'; what: string; helpful: number; teamName: string | undefined }
  /** How erasing a person's data went. */
  | { kind: 'my-data-erased' }
  | { kind: 'my-data-erase-failed' };
