import { goalStatusOf, isOpen, validateGoal } from '../domain/goal.js';
import type { Goal, GoalField, GoalProgressState, GoalStatus } from '../contract/goal-rules.js';
import { deferredMessages, problemsOf, type Problems } from '../domain/problem.js';
import type { GoalStore } from '../store/goal-store.js';
import type { UserStore } from '../store/user-store.js';
import type { Clock, IdFactory, Learner } from './learner.js';
import type { RollupService } from './rollup-service.js';
import type { XapiRecorder } from './xapi-recorder.js';

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

  /** Target dates are the learner's calendar days. */
  async zoneOf(learner: Learner): Promise<string> {
    return (await this.deps.users.get(learner.tenantId, learner.userId))?.timeZone ?? 'UTC';
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
  async openGoalsAndZone(learner: Learner, knownZone?: string): Promise<{ goals: Goal[]; zone: string }> {
    const [zone, goals] = await Promise.all([knownZone ?? this.zoneOf(learner), this.mine(learner)]);
    return { goals: this.openOf(goals, zone), zone };
  }

  private openOf(goals: readonly Goal[], zone: string): Goal[] {
    const now = this.deps.clock();
    return goals.filter((g) => isOpen(g, now, zone)).slice(0, GOALS_PER_CHECK_IN);
  }

  /** Records what the learner said about each goal; done or dropped closes it. */
  async record(
    learner: Learner,
    answers: ReadonlyArray<{ goalId: string; state: GoalProgressState; note: string | null }>,
    cycle: string | null,
  ): Promise<void> {
    // Each answer is its own goal's row: they are recorded side by side.
    await Promise.all(answers.map((answer) => this.recordOne(learner, answer, cycle)));
    if (answers.length > 0) await this.goalsChanged(learner);
  }

  /** One answer, written under the goal's ETag: a goal changed meanwhile is read again and the answer applied to it. */
  private async recordOne(
    learner: Learner,
    answer: { goalId: string; state: GoalProgressState; note: string | null },
    cycle: string | null,
  ): Promise<void> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const found = await this.deps.goals.get(learner.tenantId, learner.userId, answer.goalId);
      if (!found) return;
      const at = this.deps.clock().toISOString();
      const closes = answer.state === 'done' || answer.state === 'dropped';
      const goal: Goal = {
        ...found.goal,
        progress: [...found.goal.progress, { at, state: answer.state, note: answer.note, cycle }],
        closedAt: closes ? at : null,
      };
      if (await this.deps.goals.replace(goal, found.etag)) {
        if (answer.state === 'done') await this.deps.xapi?.record({ kind: 'goal-completed', goal, at, note: answer.note });
        return;
      }
    }
  }

  /**
   * The dashboard's follow-up rules read the open goals from the learner's rollups; scheduled
   * check-ins look for goals only when the profile says there are some.
   */
  private async goalsChanged(learner: Learner): Promise<void> {
    const [goals, zone] = await Promise.all([this.mine(learner), this.zoneOf(learner)]);
    const now = this.deps.clock();
    await Promise.all([
      this.deps.users.setHasOpenGoals(
        learner.tenantId,
        learner.userId,
        goals.some((g) => isOpen(g, now, zone)),
      ),
      this.deps.rollups?.goalsChanged(learner, goals),
    ]);
  }
}
