/** What a check-in asks about besides the learning itself: the learner's open goals and what their leads recommended. */

/** An open goal, asked about on every check-in until it is done. */
export interface OpenGoal {
  goalId: string;
  what: string;
  targetDate: string;
  overdue: boolean;
}

/** A lead's recommendation the learner has not yet done, to tick off. */
export interface OpenRecommendation {
  teamId: string;
  recId: string;
  title: string;
  link: string;
  leadName: string;
  note: string | null;
}
