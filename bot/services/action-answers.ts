import type { LearningEntry } from '../contract/learning-entry.js';
import type { ValidActionAnswer } from '../domain/action-answers.js';
import type { EntryStore } from '../store/entry-store.js';
import type { Clock, Learner } from './learner.js';
import type { RollupService } from './rollup-service.js';
import type { XapiRecorder } from './xapi-recorder.js';
import type { FollowUpService } from './follow-up-service.js';

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
    const at = this.deps.clock().toISOString();
    const saved = await Promise.all(
      answers.map(async (a) => {
        const entry = await this.deps.entries.recordActionAnswer(
          learner.tenantId,
          learner.userId,
          { id: a.entryId, createdAt: a.createdAt },
          { answer: a.answer, at, result: a.text },
        );
        if (!entry) return undefined;
        await Promise.all([
          this.deps.rollups?.entryChanged(learner, entry.createdAt),
          a.answer === 'notYet' ? undefined : this.deps.xapi?.record({ kind: 'action-answered', entry, answer: a.answer, at }),
        ]);
        if (a.answer === 'result') await this.deps.followUps?.resultRecorded(learner, new Date(at));
        return entry;
      }),
    );
    return saved.filter((e): e is LearningEntry => e !== undefined);
  }
}
