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

  /**
   * The goals a check-in asks about (open or overdue in the learner's zone, oldest first), and the zone: read side by side
   * unless the caller knows the zone. `listed`: every goal as read, with its ETag, for answering them (`record`).
   */
  async openGoalsAndZone(
    learner: Learner,
    knownZone?: string | Promise<string>,
  ): Promise<{ goals: Goal[]; zone: string; listed: ListedGoals }> {
    const [zone, listed] = await Promise.all([
      knownZone ?? this.zoneOf(learner),
      this.deps.goals.listWithEtags(learner.tenantId, learner.userId),
    ]);
    return {
      goals: this.openOf(
        listed.map(({ goal }) => goal),
        zone,
      ),
      zone,
      listed,
    };
  }

  private openOf(goals: readonly Goal[], zone: string): Goal[] {
    const now = this.deps.clock();
    return goals.filter((g) => isOpen(g, now, zone)).slice(0, GOALS_PER_CHECK_IN);
  }

  /**
   * Records what the learner said about each goal on a check-in; done or dropped closes it. The
   * goals as they now stand come back as soon as the answers are written, for the check-in's own
   * rollup write to show (`RollupService.checkInSaved`, which takes the place of `goalsChanged`'s
   * refresh); `followed` settles once the open-goal flag and the statements for the LRS are
   * written. `listed`: the goals as the check-in read them, with their ETags, to answer without
   * listing them again; `reads`: the learner's teams and profile as the submission has read them.
   */
  async record(
    learner: Learner,
    answers: ReadonlyArray<{ goalId: string; state: GoalProgressState; note: string | null }>,
    cycle: string | null,
    given: { reads?: LearnerReads; listed?: ListedGoals } = {},
  ): Promise<{ goals: Goal[]; followed: Promise<void> }> {
    const answered = answers.length > 0 ? await this.answer(learner, answers, cycle, given.listed) : undefined;
    const goals = answered?.goals ?? (await this.mine(learner));
    const followed = Promise.all([
      this.zoneOf(learner, given.reads).then((zone) => this.noteOpenGoals(learner, goals, zone)),
      ...(answered?.completed ?? []).map((done) => this.deps.xapi?.record({ kind: 'goal-completed', ...done }, given.reads)),
    ]).then(() => undefined);
    return { goals, followed };
  }

  /**
   * The answers written in one transaction (a learner's goals share a partition), each goal under
   * the ETag it was listed with: when one changed meanwhile, nothing was written, and the goals
   * are listed again and the answers applied to them. A goal gone meanwhile is left out. The
   * learner's goals as they now stand and those just done, or undefined when they kept changing.
   */
  private async answer(
    learner: Learner,
    answers: ReadonlyArray<{ goalId: string; state: GoalProgressState; note: string | null }>,
    cycle: string | null,
    listedBefore: ListedGoals | undefined,
  ): Promise<{ goals: Goal[]; completed: Array<{ goal: Goal; at: string; note: string | null }> } | undefined> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const listed = (attempt === 0 ? listedBefore : undefined) ?? (await this.deps.goals.listWithEtags(learner.tenantId, learner.userId));
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
      return {
        goals: listed.map(({ goal }) => answered.find((a) => a.goal.goalId === goal.goalId)?.goal ?? goal),
        completed: answered.filter(({ answer }) => answer.state === 'done').map(({ goal, answer }) => ({ goal, at, note: answer.note })),
      };
    }
    return undefined;
  }

  /**
   * The dashboard's follow-up rules read the open goals from the learner's rollups; scheduled
   * check-ins look for goals only when the profile says there are some.
   */
  private async goalsChanged(learner: Learner): Promise<void> {
    const [goals, zone] = await Promise.all([this.mine(learner), this.zoneOf(learner)]);
    await Promise.all([this.noteOpenGoals(learner, goals, zone), this.deps.rollups?.goalsChanged(learner, goals)]);
  }

  /** Whether the learner has open goals (in their zone), on their profile: scheduled check-ins ask about goals only then. */
  private async noteOpenGoals(learner: Learner, goals: readonly Goal[], zone: string): Promise<void> {
    const now = this.deps.clock();
    await this.deps.users.setHasOpenGoals(
      learner.tenantId,
      learner.userId,
      goals.some((g) => isOpen(g, now, zone)),
    );
  }
}

/** A learner's goals as listed, each with the ETag it was read with. */
export type ListedGoals = ReadonlyArray<{ goal: Goal; etag: string }>;
