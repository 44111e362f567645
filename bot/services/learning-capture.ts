import type { RecommendationService } from './recommendation-service.js';
import { goalAnswersOf, goalStatusOf, type GoalAnswerInput } from '../domain/goal.js';
import type { Goal } from '../contract/goal-rules.js';
import type { GoalService } from './goal-service.js';
import type { LearningEntry } from '../contract/learning-entry.js';
import { parseShareChoice, type ShareChoiceValues } from '../domain/share-choice.js';
import type { CheckInRefusal, CheckInService, CheckInSubmission } from './check-in-service.js';
import type { Learner } from './learner.js';
import type { ShareTargetProblem, SharingService } from './sharing-service.js';
import { deferredMessages, problemOf, type Problem } from '../domain/problem.js';
import type { BotMessageKey } from '../i18n/bot-messages.js';
import type { OpenGoal, OpenRecommendation } from '../domain/check-in-asks.js';
import type { TeamStore } from '../store/team-store.js';
import type { UserStore } from '../store/user-store.js';
import { learnerReads, type LearnerReads } from './learner-reads.js';

/** A team the learner can share with. */
export interface ShareTarget {
  teamId: string;
  name: string;
}

/** A learning entry from any form (the check-in card, the share form, a dialog), typed at the edge. */
export interface CaptureCommand {
  entry: CheckInSubmission;
  /** The share-only forms always share; their choice is where and what. */
  shareOnly: boolean;
  share: ShareChoiceValues;
  /** What the form said about each goal it asked about, by goal id; empty when it asked about none. */
  goalAnswers: ReadonlyMap<string, GoalAnswerInput>;
  /** The recommendations the form said were done. */
  recommendationsDone: ReadonlyArray<{ teamId: string; recId: string }>;
}

export type CaptureResult =
  /** Nothing saved: every problem of the form at once, with what the form needs to be shown again. */
  | (CheckInRefusal & {
      shareError?: Problem;
      /** A goal's problem, by goal id. */
      goalErrors?: ReadonlyMap<string, Problem>;
      shareTargets: ShareTarget[];
      openGoals: OpenGoal[];
      openRecommendations: OpenRecommendation[];
    })
  | {
      status: 'saved';
      entry: LearningEntry;
      streak: number;
      /** What the submission read of the learner's teams and profile, for what the caller does next with it (the share offer). */
      reads: LearnerReads;
      /** Asked to share: where it went (the team's name when known), or why it did not. */
      shared?: { ok: true; teamName: string | undefined } | { ok: false; problem: ShareTargetProblem };
    };

export const SHARE_PROBLEMS: Record<ShareTargetProblem, BotMessageKey> = {
  not_member: 'validation.shareNotMember',
  no_channel: 'validation.shareNoChannel',
};

/**
 * Saving a learning entry from any form and, when asked, sharing it. The share choice is checked
 * before anything is saved, so a rejected share saves nothing and the learner's words come back
 * with the problem. The learner's teams are read once per submission, the form checked once.
 */
export class LearningCapture {
  constructor(
    private readonly deps: {
      checkIns: CheckInService;
      sharing: SharingService;
      goals?: GoalService;
      recommendations?: RecommendationService;
      /** What a submission reads of the learner's teams and profile, once (`learnerReads`). */
      teams: Pick<TeamStore, 'teamsOf' | 'getSettings' | 'getMember'>;
      users: Pick<UserStore, 'getWithSharePrompt'>;
    },
  ) {}

  /** The learner's open recommendations, to tick off on a check-in (from one team when it came from one). */
  async recommendationsOptionFor(learner: Learner, onlyTeam?: string, limit?: number): Promise<{ items: OpenRecommendation[] }> {
    if (!this.deps.recommendations) return { items: [] };
    const open = await this.deps.recommendations.openFor(learner, onlyTeam, limit);
    return {
      items: open.map((r) => ({ teamId: r.teamId, recId: r.recId, title: r.title, link: r.link, leadName: r.leadName, note: r.note })),
    };
  }

  /** The open goals a check-in asks about; the zone is read unless the caller knows it. */
  async goalsOptionFor(learner: Learner, knownZone?: string | Promise<string>): Promise<{ goals: OpenGoal[] }> {
    if (!this.deps.goals) return { goals: [] };
    const { goals, zone } = await this.deps.goals.openGoalsAndZone(learner, knownZone);
    return { goals: openGoals(goals, this.deps.checkIns.now(), zone) };
  }

  /** The teams a learner can share with, before they have typed anything. */
  async shareTargetsOf(learner: Learner, only?: string, reads?: LearnerReads): Promise<ShareTarget[]> {
    const teams = await this.deps.sharing.targetsFor(learner, reads);
    return only ? teams.filter((t) => t.teamId === only) : teams;
  }

  async capture(learner: Learner, command: CaptureCommand): Promise<CaptureResult> {
    // The learner's teams, their settings and profile, read once for everything the submission does.
    const reads = learnerReads(this.deps, learner);
    // The learner's teams, read once and only when something needs them.
    let targets: Promise<ShareTarget[]> | undefined;
    const shareTargets = () => (targets ??= this.shareTargetsOf(learner, undefined, reads));

    const choice = parseShareChoice(command.share, deferredMessages);
    // Goal answers are read only from a card that asked: then the learner's open goals are looked up (and,
    // with their ETags, answered from this one read).
    const { goals } = this.deps;
    const goalsRead =
      command.goalAnswers.size > 0 && goals ? await goals.openGoalsAndZone(learner, goals.zoneOf(learner, reads)) : undefined;
    const asked = goalsRead && openGoals(goalsRead.goals, this.deps.checkIns.now(), goalsRead.zone);
    const answers = goalAnswersOf(
      command.goalAnswers,
      (asked ?? []).map((g) => g.goalId),
      deferredMessages,
    );
    let shareError: Problem | undefined;
    if (!choice.ok) shareError = problemOf(choice.error);
    else if (choice.share) {
      const teamId = choice.share.teamId;
      // A team among the learner's targets needs no second look; any other is asked why, to say so.
      const problem = (await shareTargets()).some((t) => t.teamId === teamId)
        ? undefined
        : await this.deps.sharing.problemWith(learner, teamId);
      if (problem) shareError = { key: SHARE_PROBLEMS[problem] };
    }

    const checked = this.deps.checkIns.check(learner, command.entry);
    if (checked.status === 'invalid' || shareError || !answers.ok) {
      // Every problem is told at once; nothing is saved.
      const refusal: CheckInRefusal =
        checked.status === 'invalid'
          ? checked
          : {
              status: 'invalid',
              cardId: checked.cardId,
              ...(checked.cycle ? { cycle: checked.cycle } : {}),
              ...(checked.asked ? { asked: checked.asked } : {}),
              errors: {},
            };
      const [targetsNow, goalsNow, recommendationsNow] = await Promise.all([
        shareTargets(),
        asked ?? this.goalsOptionFor(learner).then((o) => o.goals),
        this.recommendationsOptionFor(learner).then((o) => o.items),
      ]);
      return {
        ...refusal,
        ...(shareError ? { shareError } : {}),
        ...(answers.ok ? {} : { goalErrors: new Map(Object.entries(answers.errors).map(([id, text]) => [id, problemOf(text)])) }),
        shareTargets: targetsNow,
        openGoals: goalsNow,
        openRecommendations: recommendationsNow,
      };
    }

    const recommendationsDone = async () => {
      if (command.recommendationsDone.length === 0) return;
      // Any open recommendation may be ticked: a scheduled card offers its own team's, not the newest three overall.
      const { items: open } = await this.recommendationsOptionFor(learner, undefined, Infinity);
      for (const done of open.filter((r) => command.recommendationsDone.some((d) => d.teamId === r.teamId && d.recId === r.recId)))
        await this.deps.recommendations?.setDone(learner, done.teamId, done.recId, true);
    };
    // Once the check-in stands: the recommendations done, then the goal answers (whose goals the
    // check-in's rollup write shows), as before, one after the other.
    const goalsFollowed: Array<Promise<void>> = [];
    const afterwards =
      goals && answers.answers.length > 0
        ? async () => {
            await recommendationsDone();
            const recorded = await goals.record(learner, answers.answers, command.entry.cycle ?? null, {
              reads,
              ...(goalsRead ? { listed: goalsRead.listed } : {}),
            });
            // Awaited below; handled here, so a failure is not reported as unhandled if the check-in fails first.
            recorded.followed.catch(() => undefined);
            goalsFollowed.push(recorded.followed);
            return recorded.goals;
          }
        : undefined;
    const result = await this.deps.checkIns.save(learner, checked, reads, afterwards);
    if (!afterwards) await recommendationsDone();
    await Promise.all(goalsFollowed);
    const saved = { status: 'saved' as const, entry: result.entry, streak: result.streak, reads };
    if (!choice.ok || !choice.share) return saved;
    const teamId = choice.share.teamId;
    const outcome = await this.deps.sharing.shareEntry(learner, result.entry, teamId, choice.share.parts);
    if (outcome.status !== 'shared') return { ...saved, shared: { ok: false, problem: outcome.status } };
    const teamName = (await shareTargets()).find((team) => team.teamId === teamId)?.name;
    return { ...saved, shared: { ok: true, teamName } };
  }
}

function openGoals(goals: readonly Goal[], now: Date, zone: string): OpenGoal[] {
  return goals.map((g) => ({
    goalId: g.goalId,
    what: g.what,
    targetDate: g.targetDate,
    overdue: goalStatusOf(g, now, zone) === 'overdue',
  }));
}
