import { z } from 'zod';
import { GOAL_NEW_VERB, GOAL_SUBMIT_VERB, goalFormCard, goalSavedCard } from '../cards/goal-cards.js';
import type { GoalValues } from '../domain/goal.js';
import { GOAL_LIMITS } from '../contract/goal-rules.js';
import { wordProblems } from '../domain/problem.js';
import type { GoalDraft, GoalService } from '../services/goal-service.js';
import { cardAction, type CardActionRoute } from './card-action-route.js';
import { cardResponse } from './card-replies.js';

/** Echoed values are cut to this: enough to correct a typo, small enough to send back in a card. */
const ECHO_MAX = 2000;
/** …except the links, which must survive a round trip whole when another field was the problem. */
const RESOURCES_ECHO_MAX = GOAL_LIMITS.resources * (GOAL_LIMITS.link + 1);

/** Cards send text; a number is read as its digits, and anything else as not given (the service says what is missing). */
const text = z
  .unknown()
  .transform((v) => (typeof v === 'string' ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : undefined));

/** The goal card's form, as typed. */
const goalDraftSchema = z.object({
  what: text.optional(),
  why: text.optional(),
  targetDate: text.optional(),
  // One text box on the card; a list from other clients. Anything else is not a form we sent.
  resources: z.union([z.string(), z.array(z.string())]).optional(),
});

/** Cuts without splitting a surrogate pair, which would leave text that cannot be encoded. */
function cut(value: string, max: number): string {
  if (value.length <= max) return value;
  return value.slice(0, /[\uD800-\uDBFF]/.test(value.charAt(max - 1)) ? max - 1 : max);
}

/** What a refused goal form shows again. */
function echoOf(draft: GoalDraft): GoalValues {
  const values: GoalValues = {};
  for (const field of ['what', 'why', 'targetDate'] as const) if (draft[field] !== undefined) values[field] = cut(draft[field], ECHO_MAX);
  if (typeof draft.resources === 'string') values.resources = cut(draft.resources, RESOURCES_ECHO_MAX);
  return values;
}

/** "Set a goal" and the goal card's submit. */
export function goalActions(deps: { goals: GoalService }): CardActionRoute[] {
  const open = cardAction({ verb: GOAL_NEW_VERB, schema: z.unknown(), handle: async (_none, { t }) => cardResponse(goalFormCard(t)) });
  const submit = cardAction<GoalDraft>({
    verb: GOAL_SUBMIT_VERB,
    schema: goalDraftSchema.transform((d) => Object.fromEntries(Object.entries(d).filter(([, v]) => v !== undefined)) as GoalDraft),
    async handle(draft, { sender, t }) {
      const result = await deps.goals.add(sender, draft);
      return cardResponse(
        result.status === 'saved'
          ? goalSavedCard(result.goal, t)
          : goalFormCard(t, { values: echoOf(draft), errors: wordProblems(result.errors, t) }),
      );
    },
  });
  return [open, submit] as CardActionRoute[];
}
