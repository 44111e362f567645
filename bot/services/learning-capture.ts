import type { GoalsOption, RecommendationsOption, ShareOption } from '../cards/check-in-card.js';
import { completedFrom } from '../domain/recommendation.js';
import type { RecommendationService } from './recommendation-service.js';
import { goalAnswersFrom, goalStatusOf } from '../domain/goal.js';
import type { Goal } from '../contract/goal-rules.js';
import type { GoalService } from './goal-service.js';
import type { LearningEntry } from '../contract/learning-entry.js';
import { visibilityAskedBy } from '../domain/entry-visibility.js';
import { parseShareChoice, shareChoiceValuesFrom } from '../domain/share-choice.js';
import type { CheckInResult, CheckInService } from './check-in-service.js';
import type { Learner } from './learner.js';
import type { ShareTargetProblem, SharingService } from './sharing-service.js';
import { englishMessages, type BotMessageKey, type BotTranslator } from '../i18n/bot-messages.js';

export type CaptureResult =
  /** The check-in's own problems and answers, with the share part of the form as it was. */
  | (Extract<CheckInResult, { status: 'invalid' }> & { share: ShareOption; goals: GoalsOption; recommendations: RecommendationsOption })
  | {
      status: 'saved';
      entry: LearningEntry;
      streak: number;
      shared?: { ok: true; teamName: string } | { ok: false; problem: string };
    };

export const SHARE_PROBLEMS: Record<ShareTargetProblem, BotMessageKey> = {
  not_member: 'validation.shareNotMember',
  no_channel: 'validation.shareNoChannel',
};

/**
 * Saving a learning entry from any form (the check-in card, the share form, a dialog) and, when
 * asked, sharing it. The share choice is checked before anything is saved, so a rejected share
 * saves nothing and the learner's words come back with the problem.
 */
export class LearningCapture {
  constructor(
    private readonly deps: {
      checkIns: CheckInService;
      sharing: SharingService;
      goals?: GoalService;
      recommendations?: RecommendationService;
    },
  ) {}

  /** The learner's open recommendations, to tick off on a check-in (from one team when it came from one). */
  async recommendationsOptionFor(learner: Learner, onlyTeam?: string, limit?: number): Promise<RecommendationsOption> {
    if (!this.deps.recommendations) return { items: [] };
    const open = await this.deps.recommendations.openFor(learner, onlyTeam, limit);
    return {
      items: open.map((r) => ({ teamId: r.teamId, recId: r.recId, title: r.title, link: r.link, leadName: r.leadName, note: r.note })),
    };
  }

  /** The open goals part of a check-in, before the learner has answered; the zone is read unless the caller knows it. */
  async goalsOptionFor(learner: Learner, knownZone?: string): Promise<GoalsOption> {
    if (!this.deps.goals) return { goals: [] };
    const zone = knownZone ?? (await this.deps.goals.zoneOf(learner));
    return goalsOption(await this.deps.goals.openGoals(learner, zone), this.deps.checkIns.now(), zone);
  }

  /** The share part of a form, for a learner, before they have typed anything. */
  async shareOptionFor(learner: Learner, only?: string): Promise<ShareOption> {
    const teams = await this.deps.sharing.targetsFor(learner);
    return { teams: only ? teams.filter((t) => t.teamId === only) : teams };
  }

  /** `options.t` words the problems for the card or dialog they go back on. */
  async capture(learner: Learner, submitted: unknown, options: { shareOnly?: boolean; t?: BotTranslator } = {}): Promise<CaptureResult> {
    const t = options.t ?? englishMessages;
    // The entry's visibility and the share agree by construction: sharing is choosing the team.
    const data = withVisibility(submitted, visibilityAskedBy(submitted, { always: options.shareOnly ?? false }));
    const choice = parseShareChoice(data, { always: options.shareOnly ?? false, t });
    // Goal answers are read only from a card that asked: then the learner's open goals are looked up.
    const askedAboutGoals = typeof data === 'object' && data !== null && Object.keys(data).some((k) => k.startsWith('goal.'));
    const goals = askedAboutGoals ? await this.goalsOptionFor(learner) : { goals: [] };
    const answers = goalAnswersFrom(
      data,
      goals.goals.map((g) => g.goalId),
      t,
    );
    const tickedRecommendations = typeof data === 'object' && data !== null && Object.keys(data).some((k) => k.startsWith('rec.'));
    // Any open recommendation may be ticked: a scheduled card offers its own team's, not the newest three overall.
    const recommendations = tickedRecommendations ? await this.recommendationsOptionFor(learner, undefined, Infinity) : { items: [] };
    const shareValues = shareChoiceValuesFrom(data);
    let shareError: string | undefined;
    if (!choice.ok) shareError = choice.error;
    else if (choice.share) {
      const problem = await this.deps.sharing.problemWith(learner, choice.share.teamId);
      if (problem) shareError = t.t(SHARE_PROBLEMS[problem]);
    }
    const rejected = async (result: Partial<Extract<CaptureResult, { status: 'invalid' }>>): Promise<CaptureResult> => ({
      status: 'invalid',
      cardId: result.cardId ?? this.deps.checkIns.newCardId(),
      errors: result.errors ?? {},
      values: result.values ?? {},
      ...(result.cycle ? { cycle: result.cycle } : {}),
      ...(result.previous ? { previous: result.previous } : {}),
      share: { ...(await this.shareOptionFor(learner)), values: shareValues, ...(shareError ? { error: shareError } : {}) },
      goals: {
        ...(askedAboutGoals ? goals : await this.goalsOptionFor(learner)),
        values: answers.ok ? inputsStartingWith(data, 'goal.') : answers.values,
        ...(answers.ok ? {} : { errors: answers.errors }),
      },
      recommendations: { ...(await this.recommendationsOptionFor(learner)), values: inputsStartingWith(data, 'rec.') },
    });

    if (shareError || !answers.ok) {
      // Check the rest too, so every problem is told at once; nothing is saved.
      const dryRun = await this.deps.checkIns.validateOnly(learner, data, t);
      return rejected(dryRun);
    }
    const result = await this.deps.checkIns.submit(learner, data, t);
    if (result.status === 'invalid') return rejected(result);
    for (const done of completedFrom(data, recommendations.items))
      await this.deps.recommendations?.setDone(learner, done.teamId, done.recId, true);
    if (answers.answers.length > 0)
      await this.deps.goals?.record(
        learner,
        answers.answers,
        typeof (data as { cycle?: unknown }).cycle === 'string' ? String((data as { cycle: string }).cycle) : null,
      );
    if (!choice.ok || !choice.share) return { status: 'saved', entry: result.entry, streak: result.streak };
    const outcome = await this.deps.sharing.shareEntry(learner, result.entry, choice.share.teamId, choice.share.parts);
    if (outcome.status !== 'shared')
      return {
        status: 'saved',
        entry: result.entry,
        streak: result.streak,
        shared: { ok: false, problem: t.t('validation.savedNotShared', { problem: t.t(SHARE_PROBLEMS[outcome.status]) }) },
      };
    const teamName =
      (await this.deps.sharing.targetsFor(learner)).find((team) => team.teamId === choice.share!.teamId)?.name ?? t.t('common.yourTeam');
    return { status: 'saved', entry: result.entry, streak: result.streak, shared: { ok: true, teamName } };
  }
}

/** The submission with the visibility it asked for, however it asked (choice, old toggle, share form). */
function withVisibility(data: unknown, visibility: string | undefined): unknown {
  if (visibility === undefined || typeof data !== 'object' || data === null) return data;
  return { ...data, visibility };
}

function goalsOption(goals: readonly Goal[], now: Date, zone: string): GoalsOption {
  return {
    goals: goals.map((g) => ({
      goalId: g.goalId,
      what: g.what,
      targetDate: g.targetDate,
      overdue: goalStatusOf(g, now, zone) === 'overdue',
    })),
  };
}

/** Inputs as typed (goal answers, recommendation toggles), to show again on a card rejected for another reason. */
function inputsStartingWith(data: unknown, prefix: string): Record<string, string> {
  const values: Record<string, string> = {};
  if (typeof data !== 'object' || data === null) return values;
  for (const [key, value] of Object.entries(data))
    if (key.startsWith(prefix) && typeof value === 'string') values[key] = value.slice(0, 2000);
  return values;
}
