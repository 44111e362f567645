import { z } from 'zod';
import { validateCheckIn, type CheckInField, type CheckInValidation } from '../domain/check-in-submission.js';
import { validateActionAnswers, type AskedAction, type ValidActionAnswer } from '../domain/action-answers.js';
import { deferredMessages, problemOf, problemsOf, type Problem, type Problems } from '../domain/problem.js';
import type { LearningEntry } from '../contract/learning-entry.js';
import type { Goal } from '../contract/goal-rules.js';
import { streakOf } from '../domain/streak.js';
import type { EntryStore } from '../store/entry-store.js';
import type { SendStore } from '../store/send-store.js';
import { minuteKey, type DueIndexStore } from '../store/due-index-store.js';
import type { Clock, IdFactory, Learner } from './learner.js';
import { scheduledCardId } from './scheduled-card-id.js';
import type { RollupService } from './rollup-service.js';
import type { XapiRecorder } from './xapi-recorder.js';
import { ActionAnswers } from './action-answers.js';
import type { FollowUpService } from './follow-up-service.js';
import type { LearnerReads } from './learner-reads.js';

export type { AskedAction };

/**
 * A check-in as the learner sent it: the entry's fields as typed (a number from an API client), the card it came on and, for a
 * scheduled card, the cycle it answers; `asked` when the card asked what came of earlier actions, with the answers as typed.
 */
export type CheckInSubmission = { [F in CheckInField]?: string | number } & { cardId?: string; cycle?: string; asked?: AskedAction[] };

/** A check-in refused: its problems by field, as data, and where the card stands (a new card id when the old one was not ours). */
export interface CheckInRefusal {
  status: 'invalid';
  cardId: string;
  cycle?: string;
  asked?: AskedAction[];
  errors: Problems<CheckInField>;
}

export type CheckInResult = { status: 'saved'; entry: LearningEntry; alreadySaved: boolean; streak: number } | CheckInRefusal;

/** A check-in that passed every rule, ready to save. */
export interface CheckedCheckIn {
  status: 'valid';
  cardId: string;
  cycle: string | undefined;
  asked: AskedAction[] | undefined;
  answers: ValidActionAnswer[];
  validation: Extract<CheckInValidation, { ok: true }>;
}

const cardIdSchema = z.string().regex(/^[A-Za-z0-9-]{8,64}$/);
const cycleSchema = z.string().regex(/^\d{4}-W\d{2}$/);
const CYCLE_OPEN_MS = 7 * 86_400_000;

/** The card a scheduled check-in's button was pressed on. */
export interface ScheduledCard {
  cardId?: string;
  cycle?: string;
}

export interface CheckInServiceDeps {
  entries: EntryStore;
  sends: SendStore;
  dueIndex?: DueIndexStore;
  rollups?: RollupService;
  clock: Clock;
  newId: IdFactory;
  /** Told of each new entry, for the organisation's Learning Record Store. */
  xapi?: XapiRecorder;
  /** Told when a learner records a result: it makes the nudges they were sent count as followed through. */
  followUps?: Pick<FollowUpService, 'resultRecorded'>;
}

/** Records what a learner reports in a check-in. */
export class CheckInService {
  private readonly actionAnswers: ActionAnswers;

  constructor(private readonly deps: CheckInServiceDeps) {
    this.actionAnswers = new ActionAnswers(deps);
  }

  /** The service's clock, for callers that judge dates the same way. */
  now(): Date {
    return this.deps.clock();
  }

  /** Each card gets its own id, so saving the same card twice stores one entry. */
  newCardId(): string {
    return this.deps.newId();
  }

  /** Saves a check-in that passes every rule; a refused one comes back with its problems. */
  async submit(learner: Learner, submission: CheckInSubmission): Promise<CheckInResult> {
    const checked = this.check(learner, submission);
    return checked.status === 'valid' ? this.save(learner, checked) : checked;
  }

  /**
   * Every rule a check-in must pass, without saving: a form refused for another reason (a share
   * or goal answer) is checked once here, so all its problems show at once.
   */
  check(learner: Learner, submission: CheckInSubmission): CheckedCheckIn | CheckInRefusal {
    const cardId = cardIdSchema.safeParse(submission.cardId);
    // A card we did not issue (or a forged one): ask again on a fresh card, keeping the words.
    if (!cardId.success) return { status: 'invalid', cardId: this.newCardId(), errors: { what: { key: 'validation.formExpired' } } };
    const cycle = this.cycleOf(learner, cardId.data, submission.cycle);
    if (cycle === false) return { status: 'invalid', cardId: this.newCardId(), errors: { what: { key: 'validation.notYourCard' } } };
    const { asked } = submission;
    // What came of earlier actions is told per action asked (action-answers.ts), never as the new entry's result.
    const validation = validateCheckIn({ ...submission, result: undefined }, deferredMessages);
    const answers = validateActionAnswers(asked ?? [], deferredMessages);
    if (!validation.ok || !answers.ok) {
      return {
        status: 'invalid',
        cardId: cardId.data,
        ...(cycle ? { cycle } : {}),
        ...(asked ? { asked } : {}),
        errors: {
          ...(validation.ok ? {} : problemsOf(validation.errors)),
          ...(answers.ok ? {} : { result: problemOf(answers.error) }),
        },
      };
    }
    return { status: 'valid', cardId: cardId.data, cycle, asked, answers: answers.answers, validation };
  }

  /**
   * Stores a checked check-in once per card, and everything that follows from it. `afterwards`: what
   * the caller records once the check-in stands (the goal answers it carried), started only when
   * nothing of the check-in failed, so trying a failed check-in again never does it twice; the
   * goals it gives back go into the same rollup write as the check-in.
   */
  async save(
    learner: Learner,
    checked: CheckedCheckIn,
    reads?: LearnerReads,
    afterwards?: () => Promise<readonly Goal[] | undefined>,
  ): Promise<Extract<CheckInResult, { status: 'saved' }>> {
    const { cardId, cycle, validation, answers } = checked;
    const entry: LearningEntry = {
      id: cardId,
      tenantId: learner.tenantId,
      userId: learner.userId,
      ...validation.entry,
      result: null,
      createdAt: this.deps.clock().toISOString(),
    };
    const saved = await this.deps.entries.addOnce(entry, cardId);
    // What follows from the entry touches different rows, so it goes side by side: the statement,
    // the answers about earlier actions and what follows from them, the cycle answered and the
    // streak. The rollups read each team's row beside them and write it once they are written (and
    // the goals answered): the new entry's week, the answered entries' weeks, the cycle and the
    // goals in one write per team, where a refresh for each would race over the same rows.
    const responded = cycle
      ? this.deps.sends.markResponded(learner.tenantId, learner.userId, cycle, this.deps.clock(), 'entry')
      : Promise.resolve();
    const answered = answers.length > 0 ? this.actionAnswers.write(learner, answers) : Promise.resolve([]);
    const followed = answered.then((recorded) => this.actionAnswers.followThrough(learner, recorded, reads));
    const streak = responded.then(() => this.streak(learner));
    const after = afterwards ? Promise.all([responded, answered, followed, streak]).then(afterwards) : undefined;
    const [, , , , , count] = await Promise.all([
      saved.created ? this.deps.xapi?.record({ kind: 'entry', entry: saved.entry }, reads) : undefined,
      answered.then((recorded) => this.actionAnswers.statementsFor(recorded, reads)),
      this.deps.rollups?.checkInSaved(
        learner,
        {
          createdAt: saved.entry.createdAt,
          cycle,
          written: Promise.all([responded, answered]).then(([, recorded]) => recorded.map(({ entry }) => entry.createdAt)),
          ...(after ? { goals: after } : {}),
        },
        reads,
      ),
      followed,
      after,
      streak,
    ]);
    return { status: 'saved', entry: saved.entry, alreadySaved: !saved.created, streak: count };
  }

  /** "Nothing this week": an honest answer that counts as responding to the cycle. */
  async nothingThisWeek(learner: Learner, card: ScheduledCard): Promise<{ ok: true; streak: number } | { ok: false }> {
    const cycle = this.scheduledCycleOf(learner, card);
    if (!cycle) return { ok: false };
    await this.deps.sends.markResponded(learner.tenantId, learner.userId, cycle, this.deps.clock(), 'nothing');
    await this.deps.rollups?.checkInChanged(learner, cycle);
    return { ok: true, streak: await this.streak(learner) };
  }

  /**
   * "Remind me tomorrow": one more reminder for this cycle, 24 hours from now, unless the learner
   * answers first. Asking again moves it rather than adding another.
   */
  async snooze(learner: Learner, card: ScheduledCard): Promise<{ ok: true; at: Date } | { ok: false }> {
    const cycle = this.scheduledCycleOf(learner, card);
    const checkIn = cycle ? await this.deps.sends.get(learner.tenantId, learner.userId, cycle, 'checkin') : undefined;
    if (!cycle || !checkIn || !this.deps.dueIndex) return { ok: false };
    const at = new Date(this.deps.clock().getTime() + 24 * 3_600_000);
    // The learner chose when to be reminded: the automatic reminder, if not yet sent, stands down.
    const automatic = {
      tenantId: learner.tenantId,
      userId: learner.userId,
      cycle,
      kind: 'reminder' as const,
      teamId: checkIn.teamId,
      dueAt: at.toISOString(),
    };
    await this.deps.sends.createIfAbsent(automatic);
    const reminder = await this.deps.sends.get(learner.tenantId, learner.userId, cycle, 'reminder');
    if (reminder && reminder.status === 'pending') await this.deps.sends.update(reminder, { status: 'skipped' });
    await this.deps.dueIndex.putReminder(
      { minute: minuteKey(at), tenantId: learner.tenantId, userId: learner.userId, teamId: checkIn.teamId, cycle, dueAt: at.toISOString() },
      'snooze',
    );
    return { ok: true, at };
  }

  /** The learner's actions still awaiting a result, oldest first, as a check-in asks about them. */
  async actionsToAsk(learner: Learner): Promise<AskedAction[]> {
    const awaiting = await this.deps.entries.actionsAwaiting(learner.tenantId, learner.userId, this.deps.clock());
    return awaiting.map((e) => ({ entryId: e.id, createdAt: e.createdAt, action: e.action ?? '' }));
  }

  /**
   * Answers about earlier actions on their own (a lead's "Ask how it went" card): checked like a
   * check-in's, all or nothing. The entries as they now stand, or the problem.
   */
  async answerActions(
    learner: Learner,
    asked: readonly AskedAction[],
  ): Promise<{ status: 'saved'; entries: LearningEntry[] } | { status: 'invalid'; error: Problem }> {
    const answers = validateActionAnswers(asked, deferredMessages);
    if (!answers.ok) return { status: 'invalid', error: problemOf(answers.error) };
    return { status: 'saved', entries: await this.actionAnswers.record(learner, answers.answers) };
  }

  /** Consecutive scheduled cycles answered. */
  async streak(learner: Learner): Promise<number> {
    const records = await this.deps.sends.listForLearner(learner.tenantId, learner.userId);
    const outcomes = records
      .filter((r) => r.kind === 'checkin')
      .map((r) => ({ cycle: r.cycle, dueAt: Date.parse(r.dueAt), responded: Boolean(r.respondedAt) }));
    return streakOf(outcomes, this.deps.clock(), CYCLE_OPEN_MS);
  }

  /**
   * The cycle a scheduled card answers, checked against its card id so nobody can answer
   * someone else's check-in or a cycle they were never sent; undefined for an ad-hoc check-in.
   */
  private cycleOf(learner: Learner, cardId: string, rawCycle: string | undefined): string | undefined | false {
    if (rawCycle === undefined) return undefined;
    const cycle = cycleSchema.safeParse(rawCycle);
    if (!cycle.success) return false;
    return scheduledCardId(learner.tenantId, learner.userId, cycle.data) === cardId ? cycle.data : false;
  }

  /** The cycle a scheduled card's button answers; false for a card that is not the learner's scheduled one. */
  private scheduledCycleOf(learner: Learner, card: ScheduledCard): string | false | undefined {
    const cardId = cardIdSchema.safeParse(card.cardId);
    return cardId.success ? this.cycleOf(learner, cardId.data, card.cycle) : false;
  }
}
