import type { EntryVisibility } from './entry-visibility.js';

export const SOURCE_TYPES = ['article', 'video', 'course', 'podcast', 'book', 'mentoring', 'on-the-job', 'other'] as const;

export type SourceType = (typeof SOURCE_TYPES)[number];

export const SOURCE_TYPE_LABELS: Record<SourceType, string> = {
  article: 'Article',
  video: 'Video',
  course: 'Course',
  podcast: 'Podcast',
  book: 'Book',
  mentoring: 'Mentoring',
  'on-the-job': 'On the job',
  other: 'Other',
};

/** One bite of informal learning, as the learner recorded it. */
export interface LearningEntry {
  id: string;
  tenantId: string;
  userId: string;
  what: string;
  sourceType: SourceType;
  link: string | null;
  minutes: number | null;
  rating: number | null;
  insight: string | null;
  action: string | null;
  /** What came of the action, told at the next check-in. */
  result: string | null;
  /**
   * The learner's latest answer about the action and when it was given; absent when never asked
   * (an entry saved before answers were recorded reads as a result when it has one).
   */
  actionAnswer?: ActionAnswerRecord;
  /** Who besides the learner may see it; see entry-visibility.ts. */
  visibility: EntryVisibility;
  createdAt: string;
}

/** The fields a learner fills in; the rest is stamped by the service. */
export type LearningEntryInput = Pick<
  LearningEntry,
  'what' | 'sourceType' | 'link' | 'minutes' | 'rating' | 'insight' | 'action' | 'visibility'
>;

/** What a learner can say of an action they planned: what came of it, nothing yet, or that they dropped it. */
export const ACTION_ANSWERS = ['result', 'notYet', 'dropped'] as const;
export type ActionAnswer = (typeof ACTION_ANSWERS)[number];

export interface ActionAnswerRecord {
  answer: ActionAnswer;
  at: string;
}
