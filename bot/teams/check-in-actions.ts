import { z } from 'zod';
import {
  CHECK_IN_NOTHING_VERB,
  CHECK_IN_SNOOZE_VERB,
  CHECK_IN_SUBMIT_VERB,
  checkInCard,
  type CheckInCardModel,
} from '../cards/check-in-card.js';
import { CHECK_IN_NEW_VERB, checkInSavedCard } from '../cards/check-in-saved-card.js';
import type { AdaptiveCard } from '../cards/card-types.js';
import { errorCard } from '../cards/error-card.js';
import { dialogInvitationCard } from '../cards/learning-dialog-card.js';
import { nothingThisWeekCard } from '../cards/nothing-this-week-card.js';
import { snoozedCard } from '../cards/snoozed-card.js';
import type { BotTranslator } from '../i18n/bot-messages.js';
import type { CheckInService } from '../services/check-in-service.js';
import type { Learner } from '../services/learner.js';
import type { LearningCapture } from '../services/learning-capture.js';
import type { SharePromptService } from '../services/share-prompt-service.js';
import { cardAction, type CardActionContext, type CardActionRoute } from './card-action-route.js';
import { cardResponse } from './card-replies.js';
import { checkInCardFormOf, checkInDataSchema, type CheckInForm } from './check-in-form.js';
import { checkInSaveFailedCard, refusedCheckInCard, sharedLine } from './check-in-replies.js';
import { isPersonalChat } from './personal-chat.js';
import { whenFor } from './when.js';

export interface CheckInActionsDeps {
  checkIns: CheckInService;
  capture: LearningCapture;
  /** Offers to share an entry worth sharing on the saved card. */
  sharePrompts?: SharePromptService;
}

/** The button on a scheduled card: its card id and cycle, as sent (checked against the learner by the service). */
const scheduledCardSchema = z.object({
  cardId: z.string().optional().catch(undefined),
  // A cycle that is not text names no cycle we sent: refused like a wrong one.
  cycle: z
    .unknown()
    .transform((c) => (c === undefined ? undefined : typeof c === 'string' ? c : ''))
    .optional(),
});

/** Anything: these buttons open a fresh form whatever they carry. */
const anything = z.unknown();

/** A check-in asking about the learner's open goals and the actions awaiting a result, and offering to share: on a card, or in a dialog. */
export async function freshCheckInModel(deps: CheckInActionsDeps, learner: Learner): Promise<CheckInCardModel> {
  const [teams, goals, recommendations, awaiting] = await Promise.all([
    deps.capture.shareTargetsOf(learner),
    deps.capture.goalsOptionFor(learner),
    deps.capture.recommendationsOptionFor(learner),
    deps.checkIns.actionsToAsk(learner),
  ]);
  return { cardId: deps.checkIns.newCardId(), share: { teams }, goals, recommendations, awaiting };
}

export async function freshCheckIn(deps: CheckInActionsDeps, learner: Learner, t: BotTranslator): Promise<AdaptiveCard> {
  return checkInCard(await freshCheckInModel(deps, learner), t);
}

/** Submit, "nothing this week", "remind me tomorrow" and "another check-in" on the check-in card. */
export function checkInActions(deps: CheckInActionsDeps): CardActionRoute[] {
  const submit = cardAction<CheckInForm>({
    verb: CHECK_IN_SUBMIT_VERB,
    schema: checkInDataSchema.transform(checkInCardFormOf),
    async handle(form, { sender, t }) {
      const result = await deps.capture.capture(sender, form.command);
      if (result.status === 'invalid') return cardResponse(refusedCheckInCard(form, result, t));
      const shared = sharedLine(result.shared, t);
      const goalDone = [...form.command.goalAnswers.values()].some((a) => a.state === 'done');
      const sharePrompt = await deps.sharePrompts?.offerAfterSave(
        sender,
        result.entry,
        { goalDone, shared: Boolean(shared?.ok) },
        result.reads,
      );
      return cardResponse(
        checkInSavedCard(
          { entry: result.entry, streak: result.streak, ...(shared ? { shared } : {}), ...(sharePrompt ? { sharePrompt } : {}) },
          t,
        ),
      );
    },
    failed: (form, { t }) => cardResponse(checkInSaveFailedCard(form, () => deps.checkIns.newCardId(), t)),
  });
  const notYours = (_raw: unknown, { t }: CardActionContext) => cardResponse(errorCard(t.t('error.notYourCheckIn'), t));
  const nothing = cardAction({
    verb: CHECK_IN_NOTHING_VERB,
    schema: scheduledCardSchema,
    refused: notYours,
    async handle(card, { sender, t }) {
      const result = await deps.checkIns.nothingThisWeek(sender, card);
      return cardResponse(result.ok ? nothingThisWeekCard({ streak: result.streak }, t) : errorCard(t.t('error.notYourCheckIn'), t));
    },
  });
  const snooze = cardAction({
    verb: CHECK_IN_SNOOZE_VERB,
    schema: scheduledCardSchema,
    refused: notYours,
    async handle(card, { sender, t }) {
      const result = await deps.checkIns.snooze(sender, card);
      return cardResponse(
        result.ok ? snoozedCard({ when: whenFor(result.at, t, sender.timeZone) }, t) : errorCard(t.t('error.notYourCheckIn'), t),
      );
    },
  });
  const again = cardAction({
    verb: CHECK_IN_NEW_VERB,
    schema: anything,
    // A card answered in a channel or group chat changes there too: the form opens privately instead.
    handle: async (_none, { context, sender, t }) =>
      cardResponse(isPersonalChat(context.activity) ? await freshCheckIn(deps, sender, t) : dialogInvitationCard('check-in', t)),
  });
  return [submit, nothing, snooze, again] as CardActionRoute[];
}
