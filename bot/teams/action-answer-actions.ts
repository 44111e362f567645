import { z } from 'zod';
import { ACTION_ANSWER_VERB, actionAnsweredCard, askHowItWentCard } from '../cards/ask-how-it-went-card.js';
import { errorCard } from '../cards/error-card.js';
import { wordProblem } from '../domain/problem.js';
import type { CheckInService } from '../services/check-in-service.js';
import { cardAction, type CardActionRoute } from './card-action-route.js';
import { cardResponse } from './card-replies.js';
import { askedOf, checkInDataSchema } from './check-in-form.js';

/** Names carried on the card to draw it again; cut, as they are only ever shown back. */
const label = z
  .unknown()
  .transform((v) => (typeof v === 'string' ? v.slice(0, 200) : ''))
  .optional();

/** The "Ask how it went" card's Save: the action it asked about and what was typed, read as a check-in reads them. */
const answerSchema = checkInDataSchema.transform((data, ctx) => {
  const asked = askedOf(data);
  if (!asked || asked.length !== 1) {
    ctx.addIssue({ code: 'custom', message: 'names no action' });
    return z.NEVER;
  }
  const extra = z.object({ what: label, leadName: label, teamName: label }).parse(data);
  return { asked: asked[0]!, what: extra.what ?? '', leadName: extra.leadName ?? '', teamName: extra.teamName ?? '' };
});

/** A learner's answer to a lead's "Ask how it went": recorded on their own entry, or the card again with the problem. */
export function actionAnswerActions(deps: { checkIns: CheckInService }): CardActionRoute[] {
  const answer = cardAction({
    verb: ACTION_ANSWER_VERB,
    schema: answerSchema,
    refused: (_raw, { t }) => cardResponse(errorCard(t.t('error.unknownButton'), t)),
    async handle({ asked, what, leadName, teamName }, { sender, t }) {
      const outcome = await deps.checkIns.answerActions(sender, [asked]);
      if (outcome.status === 'invalid')
        return cardResponse(
          askHowItWentCard({ leadName, teamName, action: { ...asked, what }, problem: wordProblem(outcome.error, t) }, t),
        );
      const saved = outcome.entries[0];
      // Only the learner's own entries can be answered: anyone else's id finds nothing in their log.
      if (!saved?.actionAnswer) return cardResponse(errorCard(t.t('error.notYourAction'), t));
      return cardResponse(actionAnsweredCard(asked, saved.actionAnswer.answer, t));
    },
  });
  return [answer] as CardActionRoute[];
}
