import { goalStatusOf, isOpen, validateGoal } from '../domain/goal.js';
import type { Goal, GoalField, GoalProgressState, GoalStatus } from '../contract/goal-rules.js';
import { deferredMessages, problemsOf, type Problems } from '../domain/problem.js';
import type { GoalStore } from '../store/goal-store.js';
import type { UserStore } from '../store/user-store.js';
import type { Clock, IdFactory, Learner } from './learner.js';
import type { RollupService } from './rollup-service.js';
import type { XapiRecorder } from './xapi-recorder.js';
import type { LearnerReads } from './learner-reads.js';

/** A new goal as the card or the API sends it: links as one text box, or as a list. */
export interface GoalDraft {
  what?: string;
  why?: string;
  targetDate?: string;
  resources?: string | readonly string[];
}

/** A refused goal says each field's problem as data; the reader's language words it. */
export type GoalAddResult = { status: 'saved'; goal: Goal } | { status: 'invalid'; errors: Problems<GoalField> };

/** Open goals a check-in asks about, oldest first; more would make the card a form to dread. */
export const GOALS_PER_CHECK_IN = 3;

/** A learner's goals and what they report on them at each check-in. */
export class GoalService {
  constructor(
    private readonly deps: {
      goals: GoalStore;
      users: UserStore;
      rollups?: Pick<RollupService, 'goalsChanged'>;
      clock: Clock;
      newId: IdFactory;
      xapi?: XapiRecorder;
    },
  ) {}

  /** Target dates are the learner's calendar days; `reads` when the work at hand has read the profile already. */
  async zoneOf(learner: Learner, reads?: LearnerReads): Promise<string> {
    const profile = await (reads ? reads.profile() : this.deps.users.get(learner.tenantId, learner.userId));
    return profile?.timeZone ?? 'UTC';
  }

  async add(learner: Learner, draft: GoalDraft): Promise<GoalAddResult> {
    const now = this.deps.clock();
    const validation = validateGoal(draft, now, await this.zoneOf(learner), deferredMessages);
    if (!validation.ok) return { status: 'invalid', errors: problemsOf(validation.errors) };
    const goal: Goal = {
      goalId: this.deps.newId(),
      tenantId: learner.tenantId,
      userId: learner.userId,
      ...validation.goal,
      progress: [],
      createdAt: now.toISOString(),
      closedAt: null,
    };
    await this.deps.goals.create(goal);
    await this.goalsChanged(learner);
    return { status: 'saved', goal };
  }

  /** The learner's goals as the tab shows them: each with its status today, in their zone. */
  async viewsOf(learner: Learner): Promise<Array<Omit<Goal, 'tenantId' | 'userId'> & { status: GoalStatus }>> {
    const [goals, zone] = await Promise.all([this.mine(learner), this.zoneOf(learner)]);
    const now = this.deps.clock();
    return goals.map(({ tenantId: _t, userId: _u, ...goal }) => ({ ...goal, status: goalStatusOf(goal, now, zone) }));
  }

  async mine(learner: Learner): Promise<Goal[]> {
    return this.deps.goals.listForUser(learner.tenantId, learner.userId);
  }

  /** The goals a check-in asks about (open or overdue in the learner's zone, oldest first), and the zone: read side by side unless the caller knows the zone. */
  async openGoalsAndZone(learner: Learner, knownZone?: string | Promise<string>): Promise<{ goals: Goal[]; zone: string }> {
    const [zone, goals] = await Promise.all([knownZone ?? this.zoneOf(learner), this.mine(learner)]);
    return { goals: this.openOf(goals, zone), zone };
  }

  private openOf(goals: readonly Goal[], zone: string): Goal[] {
    const now = this.deps.clock();
    return goals.filter((g) => isOpen(g, now, zone)).slice(0, GOALS_PER_CHECK_IN);
  }

  /**
   * Records what the learner said about each goal; done or dropped closes it. `reads`: the
   * learner's teams and profile as the submission has read them.
   */
  async record(
    learner: Learner,
    answers: ReadonlyArray<{ goalId: string; state: GoalProgressState; note: string | null }>,
    cycle: string | null,
    reads?: LearnerReads,
  ): Promise<void> {
    if (answers.length === 0) return;
    const goals = await this.answer(learner, answers, cycle, reads);
    await this.goalsChanged(learner, reads, goals);
  }

  /**
   * The answers written in one transaction (a learner's goals share a partition), each goal under
   * the ETag it was listed with: when one changed meanwhile, nothing was written, and the goals
   * are listed again and the answers applied to them. A goal gone meanwhile is left out. The
   * learner's goals as they now stand, or undefined when they kept changing.
   */
  private async answer(
    learner: Learner,
    answers: ReadonlyArray<{ goalId: string; state: GoalProgressState; note: string | null }>,
    cycle: string | null,
    reads: LearnerReads | undefined,
  ): Promise<Goal[] | undefined> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const listed = await this.deps.goals.listWithEtags(learner.tenantId, learner.userId);
      const at = this.deps.clock().toISOString();
      const answered = answers.flatMap((answer) => {
        const found = listed.find(({ goal }) => goal.goalId === answer.goalId);
        if (!found) return [];
        const closes = answer.state === 'done' || answer.state === 'dropped';
        const goal: Goal = {
          ...found.goal,
          progress: [...found.goal.progress, { at, state: answer.state, note: answer.note, cycle }],
          closedAt: closes ? at : null,
        };
        return [{ goal, etag: found.etag, answer }];
      });
      if (!(await this.deps.goals.replaceAll(answered))) continue;
      await Promise.all(
        answered
          .filter(({ answer }) => answer.state === 'done')
          .map(({ goal, answer }) => this.deps.xapi?.record({ kind: 'goal-completed', goal, at, note: answer.note }, reads)),
      );
      return listed.map(({ goal }) => answered.find((a) => a.goal.goalId === goal.goalId)?.goal ?? goal);
    }
    return undefined;
  }

  /**
   * The dashboard's follow-up rules read the open goals from the learner's rollups; scheduled
   * check-ins look for goals only when the profile says there are some.
   */
  private async goalsChanged(learner: Learner, reads?: LearnerReads, known?: readonly Goal[]): Promise<void> {
    const [goals, zone] = await Promise.all([known ?? this.mine(learner), this.zoneOf(learner, reads)]);
    const now = this.deps.clock();
    await Promise.all([
      this.deps.users.setHasOpenGoals(
        learner.tenantId,
        learner.userId,
        goals.some((g) => isOpen(g, now, zone)),
      ),
      this.deps.rollups?.goalsChanged(learner, goals, reads),
    ]);
  }
}
