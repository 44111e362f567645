import { perTranslator } from '../contract/i18n/intl-cache.js';
import { DateTime, IANAZone } from 'luxon';
import { z } from 'zod';
import { isHttpUrl } from '../contract/check-in-rules.js';
import { englishMessages, type BotTranslator } from '../i18n/bot-messages.js';
import { GOAL_LIMITS, GOAL_STATES, type Goal, type GoalField, type GoalProgressState, type GoalStatus } from '../contract/goal-rules.js';
import { plainNumber } from '../contract/i18n/intl-cache.js';

/**
 * The learner's calendar day at `now`. An unknown zone counts as UTC rather than failing: a
 * status is shown on every dashboard, and one bad zone setting should not blank them.
 */
function todayIn(now: Date, zone: string): DateTime {
  const day = DateTime.fromJSDate(now, { zone: IANAZone.isValidZone(zone) ? zone : 'utc' });
  if (!day.isValid) throw new RangeError('The clock gave an invalid date');
  return day.startOf('day');
}

/** The latest reported state, or null. */
export function latestState(goal: Pick<Goal, 'progress'>): GoalProgressState | null {
  return goal.progress.at(-1)?.state ?? null;
}

/**
 * done/dropped from the latest report when it says so; a later on-track/behind report reopens a
 * closed goal, so only the latest report counts. Otherwise 'overdue' once the target day has
 * passed in the learner's zone (the target day itself is not overdue), else 'open'.
 */
export function goalStatusOf(goal: Pick<Goal, 'targetDate' | 'progress'>, now: Date, zone: string): GoalStatus {
  const latest = latestState(goal);
  if (latest === 'done' || latest === 'dropped') return latest;
  // YYYY-MM-DD strings sort as the days they name.
  return goal.targetDate < (todayIn(now, zone).toISODate() ?? '') ? 'overdue' : 'open';
}

/** Open or overdue: the learner is still working on it. */
export function isOpen(goal: Pick<Goal, 'targetDate' | 'progress'>, now: Date, zone: string): boolean {
  const status = goalStatusOf(goal, now, zone);
  return status === 'open' || status === 'overdue';
}

/** True when the last two progress reports are both 'behind' (the dashboard flags it). */
export function behindTwice(goal: Pick<Goal, 'progress'>): boolean {
  const [before, last] = goal.progress.slice(-2);
  return before?.state === 'behind' && last?.state === 'behind';
}

/** A real calendar day in YYYY-MM-DD, read as a date with no zone, or null. */
function calendarDay(text: string): DateTime | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  const day = DateTime.fromISO(text, { zone: 'utc' });
  return day.isValid ? day : null;
}

/**
 * Days from `now` (in `zone`) to the target date: 0 on the target day, negative when overdue.
 * Both days are counted at UTC midnight so a clock change in between cannot shave off an hour
 * and round a day away. NaN when the stored target is not a calendar day.
 */
export function daysLeft(goal: Pick<Goal, 'targetDate'>, now: Date, zone: string): number {
  const target = calendarDay(goal.targetDate);
  if (!target) return Number.NaN;
  const today = DateTime.fromISO(todayIn(now, zone).toISODate() ?? '', { zone: 'utc' });
  return Math.round(target.diff(today, 'days').days);
}

// ---------------------------------------------------------------------------------------------
// Validation

/** What the learner typed, so a rejected card can be shown again; resources joined with newlines. */
export type GoalValues = Partial<Record<GoalField, string>>;
export type GoalErrors = Partial<Record<GoalField, string>>;

export type GoalValidation =
  | { ok: true; goal: { what: string; why: string | null; targetDate: string; resources: string[] } }
  | { ok: false; errors: GoalErrors; values: GoalValues };

/** Echoed values are cut to this: enough to correct a typo, small enough to re-send in a card. */
const ECHO_MAX = 2000;
/** …except the links, which must survive a round trip whole when another field was the problem. */
const RESOURCES_ECHO_MAX = GOAL_LIMITS.resources * (GOAL_LIMITS.link + 1);

/** Cuts without splitting a surrogate pair, which would leave text that cannot be encoded. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = /[\uD800-\uDBFF]/.test(text.charAt(max - 1)) ? max - 1 : max;
  return text.slice(0, end);
}

/** Control characters break cards and exports; newlines and tabs are what people type. */
function clean(text: string): string {
  return text.replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g, '').trim();
}

/** Cards send text; some API clients send numbers. Anything else is treated as not given. */
function asText(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}

function own(data: unknown, key: string): unknown {
  if (typeof data !== 'object' || data === null || !Object.hasOwn(data, key)) return undefined;
  return (data as Record<string, unknown>)[key];
}

/** A value named in a message, short enough to read. */
function quoted(text: string): string {
  return `“${text.length > 60 ? `${cut(text, 59)}…` : text}”`;
}

const blankToNull = (v: string) => (v === '' ? null : v);

/** Each link's problem, in the learner's words, or null. */
function linkProblem(link: string, t: BotTranslator): string | null {
  if (link.length > GOAL_LIMITS.link)
    return t.plural('validation.linkTooLong', GOAL_LIMITS.link, { link: quoted(link), count: plainNumber(t.formatting, GOAL_LIMITS.link) });
  if (!isHttpUrl(link)) return t.t('validation.linkNotWebNamed', { link: quoted(link) });
  return null;
}

// Limits are written as plain digits, as the card's own counters show them.
function goalSchema(today: DateTime, t: BotTranslator) {
  const latest = today.plus({ years: 2 });
  const linksAsText = t.t('validation.linksAsText');
  return z.object({
    what: z.preprocess(
      (v) => clean(typeof v === 'string' ? v : ''),
      z
        .string()
        .min(1, t.t('goal.what.required'))
        .max(
          GOAL_LIMITS.what,
          t.plural('validation.tooLong', GOAL_LIMITS.what, {
            label: t.t('validation.field.goal'),
            count: plainNumber(t.formatting, GOAL_LIMITS.what),
          }),
        ),
    ),
    why: z.preprocess(
      (v) => blankToNull(clean(typeof v === 'string' ? v : '')),
      z
        .string()
        .max(
          GOAL_LIMITS.why,
          t.plural('validation.tooLong', GOAL_LIMITS.why, {
            label: t.t('validation.field.reason'),
            count: plainNumber(t.formatting, GOAL_LIMITS.why),
          }),
        )
        .nullable(),
    ),
    targetDate: z.preprocess(
      (v) => clean(typeof v === 'string' ? v : ''),
      z.string().transform((text, ctx) => {
        const problem = (message: string) => {
          ctx.addIssue({ code: 'custom', message });
          return z.NEVER;
        };
        if (text === '') return problem(t.t('goal.targetDate.required'));
        if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return problem(t.t('validation.dateFormat'));
        const day = calendarDay(text);
        if (!day) return problem(t.t('validation.noSuchDay', { day: text }));
        // Compared as calendar days: the learner's "today" against the day they picked.
        if (day.toISODate()! < today.toISODate()!) return problem(t.t('validation.datePassed'));
        if (day.toISODate()! > latest.toISODate()!) return problem(t.t('validation.dateTooFar'));
        return text;
      }),
    ),
    resources: z.array(z.string(linksAsText), linksAsText).transform((links, ctx) => {
      const kept: string[] = [];
      const seen = new Set<string>();
      for (const link of links) {
        const problem = linkProblem(link, t);
        if (problem) {
          ctx.addIssue({ code: 'custom', message: problem });
          return z.NEVER;
        }
        // The same page typed twice, even with a different host case or a missing slash, is one link.
        const key = new URL(link).href;
        if (!seen.has(key)) {
          seen.add(key);
          kept.push(link);
        }
      }
      if (kept.length > GOAL_LIMITS.resources) {
        ctx.addIssue({
          code: 'custom',
          message: t.plural('validation.tooManyLinks', GOAL_LIMITS.resources, { count: plainNumber(t.formatting, GOAL_LIMITS.resources) }),
        });
        return z.NEVER;
      }
      return kept;
    }),
  });
}

/**
 * Links arrive as one text box from a card (one per line, or separated by commas or spaces) or
 * as a list from the API; a list's items are taken whole, since a comma can belong to a URL.
 * Returns the raw value untouched when it is neither, so the schema names the problem.
 */
function linksFrom(raw: unknown): unknown {
  if (raw === undefined || raw === null) return [];
  if (typeof raw === 'string')
    return clean(raw)
      .split(/[\s,]+/)
      .filter((s) => s !== '');
  if (Array.isArray(raw) && raw.every((item) => typeof item === 'string')) return raw.map(clean).filter((s) => s !== '');
  return raw;
}

function resourcesEcho(raw: unknown): string | undefined {
  if (typeof raw === 'string') return cut(raw, RESOURCES_ECHO_MAX);
  if (!Array.isArray(raw)) return undefined;
  let text = '';
  for (const item of raw) {
    if (typeof item !== 'string') continue;
    text = text === '' ? item : `${text}\n${item}`;
    if (text.length >= RESOURCES_ECHO_MAX) break;
  }
  return cut(text, RESOURCES_ECHO_MAX);
}

/**
 * Checks a new goal from the card or the API against the learner's calendar at `now` in `zone`.
 * Unknown fields are ignored. Never throws on what it is sent.
 */
export function validateGoal(data: unknown, now: Date, zone: string, t: BotTranslator = englishMessages): GoalValidation {
  const rawResources = own(data, 'resources');
  const text = { what: asText(own(data, 'what')), why: asText(own(data, 'why')), targetDate: asText(own(data, 'targetDate')) };
  const parsed = goalSchema(todayIn(now, zone), t).safeParse({ ...text, resources: linksFrom(rawResources) });
  if (parsed.success) return { ok: true, goal: parsed.data };

  const values: GoalValues = {};
  for (const field of ['what', 'why', 'targetDate'] as const) {
    const value = text[field];
    if (value !== undefined) values[field] = cut(value, ECHO_MAX);
  }
  const links = resourcesEcho(rawResources);
  if (links !== undefined) values.resources = links;

  const errors: GoalErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as GoalField | undefined;
    if (field && !errors[field]) errors[field] = issue.message;
  }
  return { ok: false, errors, values };
}

// ---------------------------------------------------------------------------------------------
// Progress answers from a check-in card

/** What a check-in said about one goal, as typed: each part only when the form sent it. */
export interface GoalAnswerInput {
  state?: string;
  note?: string;
}

export interface GoalAnswer {
  goalId: string;
  state: GoalProgressState;
  note: string | null;
}

export type GoalAnswers = { ok: true; answers: GoalAnswer[] } | { ok: false; errors: Record<string, string> };

const answerSchema = perTranslator((t: BotTranslator) =>
  z
    .object({
      state: z.preprocess(
        (v) => (typeof v === 'string' ? blankToNull(v.trim()) : v === undefined ? null : v),
        z
          .enum(GOAL_STATES, t.t('validation.chooseGoalState', { list: GOAL_STATES.map((s) => t.t(`goalState.${s}`)).join(', ') }))
          .nullable(),
      ),
      note: z.preprocess(
        (v) => blankToNull(clean(asText(v) ?? '')),
        z
          .string()
          .max(
            GOAL_LIMITS.note,
            t.plural('validation.tooLong', GOAL_LIMITS.note, {
              label: t.t('validation.field.note'),
              count: plainNumber(t.formatting, GOAL_LIMITS.note),
            }),
          )
          .nullable(),
      ),
    })
    .superRefine((answer, ctx) => {
      if (answer.state === null && answer.note !== null) ctx.addIssue({ code: 'custom', message: t.t('validation.goalStateMissing') });
    }),
);

/**
 * Checks each open goal's answer from a check-in. Only the ids in `openGoalIds` are read, so a
 * forged id cannot touch someone else's goal or a closed one; a goal left blank is unanswered.
 * `errors` is keyed by goal id.
 */
export function goalAnswersOf(
  inputs: ReadonlyMap<string, GoalAnswerInput>,
  openGoalIds: readonly string[],
  t: BotTranslator = englishMessages,
): GoalAnswers {
  const schema = answerSchema(t);
  const answers: GoalAnswer[] = [];
  const errors: Record<string, string> = {};
  for (const goalId of new Set(openGoalIds)) {
    const input = inputs.get(goalId);
    const parsed = schema.safeParse({ state: input?.state, note: input?.note });
    if (!parsed.success) {
      // Defined rather than assigned, so even an id like "__proto__" gets its own entry.
      Object.defineProperty(errors, goalId, {
        value: parsed.error.issues[0]?.message ?? t.t('validation.checkAnswer'),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    } else if (parsed.data.state !== null) answers.push({ goalId, state: parsed.data.state, note: parsed.data.note });
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, answers };
}
