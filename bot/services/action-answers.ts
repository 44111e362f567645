import type { LearningEntry } from '../contract/learning-entry.js';
import type { ValidActionAnswer } from '../domain/action-answers.js';
import type { EntryStore } from '../store/entry-store.js';
import type { Clock, Learner } from './learner.js';
import type { RollupService } from './rollup-service.js';
import type { XapiRecorder } from './xapi-recorder.js';
import type { FollowUpService } from './follow-up-service.js';
import type { LearnerReads } from './learner-reads.js';

/**
 * Records what learners say of the actions they planned, from a check-in or from a lead's "Ask
 * how it went": on the entry, in the rollups of the week the entry was made (follow-through is
 * counted there), and to the organisation's LRS.
 */
export class ActionAnswers {
  constructor(
    private readonly deps: {
      entries: Pick<EntryStore, 'recordActionAnswer'>;
      rollups?: Pick<RollupService, 'entryChanged'>;
      xapi?: Pick<XapiRecorder, 'record'>;
      /** A result makes the nudges the learner was sent count as followed through. */
      followUps?: Pick<FollowUpService, 'resultRecorded'>;
      clock: Clock;
    },
  ) {}

  /** The entries as they now stand; an entry deleted meanwhile is left out. */
  async record(learner: Learner, answers: readonly ValidActionAnswer[]): Promise<LearningEntry[]> {
    const recorded = await this.write(learner, answers);
    await Promise.all([
      ...recorded.map(({ entry }) => this.deps.rollups?.entryChanged(learner, entry.createdAt)),
      this.followFrom(learner, recorded),
    ]);
    return recorded.map(({ entry }) => entry);
  }

  /**
   * The answers on their entries, and nothing else: a check-in refreshes the rollups of their
   * weeks in its own write (`RollupService.checkInSaved`) and then calls `statementsFor` and `followThrough`.
   */
  async write(learner: Learner, answers: readonly ValidActionAnswer[]): Promise<RecordedAnswer[]> {
    const at = this.deps.clock().toISOString();
    const recorded = await Promise.all(
      answers.map(async (answer) => {
        const entry = await this.deps.entries.recordActionAnswer(
          learner.tenantId,
          learner.userId,
          { id: answer.entryId, createdAt: answer.createdAt },
          { answer: answer.answer, at, result: answer.text },
        );
        return entry ? { answer, entry, at } : undefined;
      }),
    );
    return recorded.filter((r): r is RecordedAnswer => r !== undefined);
  }

  /** What follows from answers written, side by side: their statements for the LRS, and a result's nudges followed through. */
  async followFrom(learner: Learner, recorded: readonly RecordedAnswer[], reads?: LearnerReads): Promise<void> {
    await Promise.all([this.statementsFor(recorded, reads), this.followThrough(learner, recorded, reads)]);
  }

  /** The answers' statements for the LRS (the recorder logs its own failures: this never fails). */
  async statementsFor(recorded: readonly RecordedAnswer[], reads?: LearnerReads): Promise<void> {
    await Promise.all(
      recorded.map(({ answer, entry, at }) =>
        answer.answer !== 'notYet'
          ? this.deps.xapi?.record({ kind: 'action-answered', entry, answer: answer.answer, at }, reads)
          : undefined,
      ),
    );
  }

  /** A result makes the nudges the learner was sent count as followed through. */
  async followThrough(learner: Learner, recorded: readonly RecordedAnswer[], reads?: LearnerReads): Promise<void> {
    await Promise.all(
      recorded.map(({ answer, at }) =>
        answer.answer === 'result' ? this.deps.followUps?.resultRecorded(learner, new Date(at), reads) : undefined,
      ),
    );
  }
}

/** An answer written on its entry, at `at`. */
export interface RecordedAnswer {
  answer: ValidActionAnswer;
  entry: LearningEntry;
  at: string;
}
