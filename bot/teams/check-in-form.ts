import { z } from 'zod';
import { DIALOG_KEY, type InvitedDialog } from '../cards/learning-dialog-card.js';
import { CHECK_IN_FIELDS, type CheckInValues } from '../domain/check-in-submission.js';
import type { GoalAnswerInput } from '../domain/goal.js';
import type { ShareChoiceValues } from '../domain/share-choice.js';
import { actionAnswerInputId, actionResultInputId } from '../cards/check-in-card-actions.js';
import type { AskedAction } from '../domain/action-answers.js';
import { ASK_AT_MOST } from '../domain/follow-through.js';
import type { CaptureCommand } from '../services/learning-capture.js';

/** Where a check-in form was filled in: the check-in card (or its share-only form), or a dialog. */
export type CheckInPurpose = 'check-in' | 'share' | 'save-message';

/**
 * A check-in card or dialog, read once: the typed command the services take, and the inputs a
 * refused form shows again exactly as they were (goal answers and recommendation toggles by
 * their input ids, which only the card knows).
 */
export interface CheckInForm {
  purpose: CheckInPurpose;
  command: CaptureCommand;
  echo: { entry: CheckInValues; goals: Record<string, string>; recommendations: Record<string, string> };
}

/** Echoed values are cut to this: enough to correct a typo, small enough to send back in a card. */
const ECHO_MAX = 2000;
const SHARE_VALUE_MAX = 400;
const VISIBILITY_MAX = 100;

/** Cuts without splitting a surrogate pair, which would leave text that cannot be encoded. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = /[\uD800-\uDBFF]/.test(text.charAt(max - 1)) ? max - 1 : max;
  return text.slice(0, end);
}

/** Cards send text; some clients send numbers. Anything else is treated as not given. */
function asText(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}

const askedSchema = z
  .array(
    z.object({
      entryId: z.string().regex(/^[A-Za-z0-9-]{8,64}$/),
      createdAt: z.iso.datetime(),
      action: z.string().min(1),
    }),
  )
  .min(1)
  .max(ASK_AT_MOST);

/** A card sent before several actions were asked about named the one it asked in flat fields, its answer in `result`. */
const previousSchema = z.object({
  previousEntryId: z.string().regex(/^[A-Za-z0-9-]{8,64}$/),
  previousCreatedAt: z.iso.datetime(),
  previousAction: z.string().min(1),
});

/** The earlier actions the card asked about, each with the answer chosen and the words typed; undefined when it asked none. */
export function askedOf(data: Record<string, unknown>): AskedAction[] | undefined {
  const asked = askedSchema.safeParse(data.asked);
  if (asked.success) {
    return asked.data.map((a, i) => {
      const answer = asText(data[actionAnswerInputId(i)]);
      const text = asText(data[actionResultInputId(i)]);
      return {
        ...a,
        action: a.action.slice(0, 500),
        ...(answer !== undefined ? { answer: cut(answer, VISIBILITY_MAX) } : {}),
        ...(text !== undefined ? { text: cut(text, ECHO_MAX) } : {}),
      };
    });
  }
  const previous = previousSchema.safeParse(data);
  if (!previous.success) return undefined;
  const { previousEntryId, previousCreatedAt, previousAction } = previous.data;
  const text = asText(data.result);
  return [
    {
      entryId: previousEntryId,
      createdAt: previousCreatedAt,
      action: previousAction.slice(0, 500),
      ...(text !== undefined ? { text: cut(text, ECHO_MAX) } : {}),
    },
  ];
}

/**
 * The visibility the form asks for. The share-only forms always share. Cards sent before the
 * choice existed carry the old "Share with my team" toggle instead: ticked means the team,
 * unticked the default. Undefined when nothing was said.
 */
function visibilityOf(data: Record<string, unknown>, shareOnly: boolean): string | undefined {
  if (shareOnly) return 'team';
  if (typeof data.visibility === 'string') return data.visibility.slice(0, VISIBILITY_MAX);
  if (data.shareWithTeam === 'true' || data.shareWithTeam === true) return 'team';
  return undefined;
}

function shareValuesOf(data: Record<string, unknown>, visibility: string | undefined): ShareChoiceValues {
  const values: ShareChoiceValues = {};
  for (const key of ['shareWithTeam', 'shareParts', 'shareTeamId'] as const) {
    const raw = data[key];
    if (typeof raw === 'string') values[key] = raw.slice(0, SHARE_VALUE_MAX);
    else if (typeof raw === 'boolean') values[key] = String(raw);
  }
  if (visibility !== undefined) values.visibility = visibility;
  return values;
}

/** The goal inputs (`goal.<id>.state`, `goal.<id>.note`), by goal id; a map, so no id can be a property of every object. */
function goalAnswersOf(data: Record<string, unknown>): { answers: Map<string, GoalAnswerInput>; echo: Record<string, string> } {
  const answers = new Map<string, GoalAnswerInput>();
  const echo: Record<string, string> = {};
  for (const [key, raw] of Object.entries(data)) {
    const parts = /^goal\.(.*)\.(state|note)$/s.exec(key);
    if (!parts) continue;
    const [, goalId, part] = parts as unknown as [string, string, 'state' | 'note'];
    const answer = answers.get(goalId) ?? {};
    const text = asText(raw);
    // A state that is not text is still a state given, and refused as one not offered.
    if (part === 'state') answer.state = text ?? (raw === undefined || raw === null ? undefined : String(JSON.stringify(raw)));
    else if (text !== undefined) answer.note = text;
    answers.set(goalId, answer);
    if (text !== undefined) Object.defineProperty(echo, key, { value: cut(text, ECHO_MAX), enumerable: true, writable: true });
  }
  return { answers, echo };
}

/** The recommendation toggles (`rec.<team>.<id>`): the ones said done, and every toggle as sent. */
function recommendationsOf(data: Record<string, unknown>): {
  done: Array<{ teamId: string; recId: string }>;
  echo: Record<string, string>;
} {
  const done: Array<{ teamId: string; recId: string }> = [];
  const echo: Record<string, string> = {};
  for (const [key, raw] of Object.entries(data)) {
    if (!key.startsWith('rec.') || typeof raw !== 'string') continue;
    Object.defineProperty(echo, key, { value: raw.slice(0, ECHO_MAX), enumerable: true, writable: true });
    const parts = /^rec\.(.+)\.([^.]+)$/s.exec(key);
    if (raw !== 'true' || !parts) continue;
    try {
      done.push({ teamId: decodeURIComponent(parts[1]!), recId: parts[2]! });
    } catch {
      // A team id that was never encoded by us names no recommendation.
    }
  }
  return { done, echo };
}

/** A check-in card's or dialog's data: any object (every field is optional, and checked by the services). */
export const checkInDataSchema = z.custom<Record<string, unknown>>((v) => typeof v === 'object' && v !== null && !Array.isArray(v));

/** Reads a check-in form once, into the typed command and what a refused form shows again. */
export function checkInFormOf(data: Record<string, unknown>, purpose: CheckInPurpose): CheckInForm {
  const shareOnly = purpose === 'share';
  const visibility = visibilityOf(data, shareOnly);
  const values: CheckInValues = {};
  for (const field of CHECK_IN_FIELDS) {
    const text = asText(data[field]);
    if (text !== undefined) values[field] = text;
  }
  if (visibility !== undefined) values.visibility = visibility;
  const asked = askedOf(data);
  const goals = goalAnswersOf(data);
  const recommendations = recommendationsOf(data);
  return {
    purpose,
    command: {
      entry: {
        ...values,
        ...(typeof data.cardId === 'string' ? { cardId: data.cardId } : {}),
        // A cycle that is not text names no cycle we sent: refused like a wrong one.
        ...(data.cycle !== undefined ? { cycle: typeof data.cycle === 'string' ? data.cycle : '' } : {}),
        ...(asked ? { asked } : {}),
      },
      shareOnly,
      share: shareValuesOf(data, visibility),
      goalAnswers: goals.answers,
      recommendationsDone: recommendations.done,
    },
    echo: { entry: values, goals: goals.echo, recommendations: recommendations.echo },
  };
}

/** The check-in card: "share" on it is the share-only form. */
export function checkInCardFormOf(data: Record<string, unknown>): CheckInForm {
  return checkInFormOf(data, data.purpose === 'share' ? 'share' : 'check-in');
}

/** A dialog's form: "Save as learning" saves, "Check in" checks in; anything else is "Share learning". */
export function dialogFormOf(data: unknown): CheckInForm {
  const parsed = checkInDataSchema.safeParse(data);
  // Not a form at all: read as an empty one, which comes back with its problems.
  const record = parsed.success ? parsed.data : {};
  const named = record[DIALOG_KEY];
  return checkInFormOf(record, named === 'save-message' || named === 'check-in' ? named : 'share');
}

const invitationSchema = z.object({ [DIALOG_KEY]: z.enum(['check-in', 'share']) });

/** Which form a channel card's button opens: the check-in when it says so, otherwise "Share learning" (as before cards named it). */
export function invitedDialogOf(data: unknown): InvitedDialog {
  const parsed = invitationSchema.safeParse(data);
  return parsed.success ? parsed.data[DIALOG_KEY] : 'share';
}
