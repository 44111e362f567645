import { z } from 'zod';
import { checkInValuesFrom, validateCheckIn, type CheckInErrors, type CheckInValues } from '../domain/check-in-submission.js';
import type { LearningEntry } from '../contract/learning-entry.js';
import { streakOf } from '../domain/streak.js';
import type { EntryStore } from '../store/entry-store.js';
import type { SendStore } from '../store/send-store.js';
import { minuteKey, type DueIndexStore } from '../store/due-index-store.js';
import type { Clock, IdFactory, Learner } from './learner.js';
import { scheduledCardId } from './scheduled-card-id.js';
import type { RollupService } from './rollup-service.js';
import type { XapiRecorder } from './xapi-recorder.js';
import { englishMessages, type BotTranslator } from '../i18n/bot-messages.js';

export type CheckInResult =
  | { status: 'saved'; entry: LearningEntry; alreadySaved: boolean; streak: number }
  | {
      status: 'invalid';
      cardId: string;
      cycle?: string;
      previous?: { entryId: string; createdAt: string; action: string };
      errors: CheckInErrors;
      values: CheckInValues;
    };

const cardIdSchema = z.string().regex(/^[A-Za-z0-9-]{8,64}$/);
const cycleSchema = z.string().regex(/^\d{4}-W\d{2}$/);
const CYCLE_OPEN_MS = 7 * 86_400_000;

export interface CheckInServiceDeps {
  entries: EntryStore;
  sends: SendStore;
  dueIndex?: DueIndexStore;
  rollups?: RollupService;
  clock: Clock;
  newId: IdFactory;
  /** Told of each new entry, for the organisation's Learning Record Store. */
  xapi?: XapiRecorder;
}

const previousEntrySchema = z.object({ previousEntryId: z.string().regex(/^[A-Za-z0-9-]{8,64}$/), previousCreatedAt: z.iso.datetime() });

/** The earlier entry whose action the card asked about, if it did. */
function previousEntryOf(data: Record<string, unknown>): { id: string; createdAt: string } | undefined {
  const parsed = previousEntrySchema.safeParse(data);
  return parsed.success ? { id: parsed.data.previousEntryId, createdAt: parsed.data.previousCreatedAt } : undefined;
}

/** The earlier action the card asked about, to ask again on a rejected card. */
function previousAsked(data: Record<string, unknown>): { entryId: string; createdAt: string; action: string } | undefined {
  const previous = previousEntryOf(data);
  const action = typeof data.previousAction === 'string' ? data.previousAction.slice(0, 500) : undefined;
  return previous && action ? { entryId: previous.id, createdAt: previous.createdAt, action } : undefined;
}

/** Records what a learner reports in a check-in. */
export class CheckInService {
  constructor(private readonly deps: CheckInServiceDeps) {}

  /** The service's clock, for callers that judge dates the same way. */
  now(): Date {
    return this.deps.clock();
  }

  /** Each card gets its own id, so saving the same card twice stores one entry. */
  newCardId(): string {
    return this.deps.newId();
  }

  /** Everything `submit` checks, without saving: for a form rejected for another reason, so all its problems show at once. */
  async validateOnly(
    learner: Learner,
    submission: unknown,
    t: BotTranslator = englishMessages,
  ): Promise<Omit<Extract<CheckInResult, { status: 'invalid' }>, 'status'>> {
    const checked = this.check(learner, submission, t);
    if (checked.status === 'invalid') return checked;
    const previous = previousAsked(checked.data);
    return {
      cardId: checked.cardId,
      ...(checked.cycle ? { cycle: checked.cycle } : {}),
      ...(previous ? { previous } : {}),
      errors: {},
      values: checkInValuesFrom(checked.data),
    };
  }

  /** `t` words the problems for the card they go back on. */
  async submit(learner: Learner, submission: unknown, t: BotTranslator = englishMessages): Promise<CheckInResult> {
    const checked = this.check(learner, submission, t);
    if (checked.status === 'invalid') return checked;
    const { cardId, cycle, validation, data } = checked;
    const entry: LearningEntry = {
      id: cardId,
      tenantId: learner.tenantId,
      userId: learner.userId,
      ...validation.entry,
      result: null,
      createdAt: this.deps.clock().toISOString(),
    };
    const saved = await this.deps.entries.addOnce(entry, cardId);
    if (saved.created) await this.deps.xapi?.record({ kind: 'entry', entry: saved.entry });
    const previous = previousEntryOf(data);
    if (validation.result && previous) {
      await this.deps.entries.recordResult(learner.tenantId, learner.userId, previous, validation.result);
    }
    if (cycle) await this.deps.sends.markResponded(learner.tenantId, learner.userId, cycle, this.deps.clock(), 'entry');
    await Promise.all([
      this.deps.rollups?.entryChanged(learner, saved.entry.createdAt),
      cycle ? this.deps.rollups?.checkInChanged(learner, cycle) : undefined,
    ]);
    return { status: 'saved', entry: saved.entry, alreadySaved: !saved.created, streak: await this.streak(learner) };
  }

  private check(
    learner: Learner,
    submission: unknown,
    t: BotTranslator,
  ):
    | Extract<CheckInResult, { status: 'invalid' }>
    | {
        status: 'valid';
        cardId: string;
        cycle: string | undefined;
        validation: Extract<ReturnType<typeof validateCheckIn>, { ok: true }>;
        data: Record<string, unknown>;
      } {
    const data = typeof submission === 'object' && submission !== null ? (submission as Record<string, unknown>) : {};
    const cardId = cardIdSchema.safeParse(data.cardId);
    if (!cardId.success) {
      // A card we did not issue (or a forged one): ask again on a fresh card, keeping the words.
      return {
        status: 'invalid',
        cardId: this.newCardId(),
        values: checkInValuesFrom(data),
        errors: { what: t.t('validation.formExpired') },
      };
    }
    const cycle = this.cycleOf(learner, cardId.data, data.cycle);
    if (cycle === false) {
      return {
        status: 'invalid',
        cardId: this.newCardId(),
        values: checkInValuesFrom(data),
        errors: { what: t.t('validation.notYourCard') },
      };
    }
    // "What came of your last action" is read only from a card that asked it, like any field a card did not show.
    const validation = validateCheckIn(previousAsked(data) ? data : { ...data, result: undefined }, t);
    if (!validation.ok) {
      const previous = previousAsked(data);
      return {
        status: 'invalid',
        cardId: cardId.data,
        ...(cycle ? { cycle } : {}),
        ...(previous ? { previous } : {}),
        errors: validation.errors,
        values: validation.values,
      };
    }
    return { status: 'valid', cardId: cardId.data, cycle, validation, data };
  }

  /** "Nothing this week": an honest answer that counts as responding to the cycle. */
  async nothingThisWeek(learner: Learner, submission: unknown): Promise<{ ok: true; streak: number } | { ok: false }> {
    const data = typeof submission === 'object' && submission !== null ? (submission as Record<string, unknown>) : {};
    const cardId = cardIdSchema.safeParse(data.cardId);
    const cycle = cardId.success ? this.cycleOf(learner, cardId.data, data.cycle) : false;
    if (!cycle) return { ok: false };
    await this.deps.sends.markResponded(learner.tenantId, learner.userId, cycle, this.deps.clock(), 'nothing');
    await this.deps.rollups?.checkInChanged(learner, cycle);
    return { ok: true, streak: await this.streak(learner) };
  }

  /**
   * "Remind me tomorrow": one more reminder for this cycle, 24 hours from now, unless the learner
   * answers first. Asking again moves it rather than adding another.
   */
  async snooze(learner: Learner, submission: unknown): Promise<{ ok: true; at: Date } | { ok: false }> {
    const data = typeof submission === 'object' && submission !== null ? (submission as Record<string, unknown>) : {};
    const cardId = cardIdSchema.safeParse(data.cardId);
    const cycle = cardId.success ? this.cycleOf(learner, cardId.data, data.cycle) : false;
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
  private cycleOf(learner: Learner, cardId: string, rawCycle: unknown): string | undefined | false {
    if (rawCycle === undefined) return undefined;
    const cycle = cycleSchema.safeParse(rawCycle);
    if (!cycle.success) return false;
    return scheduledCardId(learner.tenantId, learner.userId, cycle.data) === cardId ? cycle.data : false;
  }
}
