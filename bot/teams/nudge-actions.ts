import { z } from 'zod';
import { COACHING_ANSWER_VERB, coachingAnsweredCard, coachingNoteCard } from '../cards/coaching-cards.js';
import { DIGEST_NUDGE_VERB, digestCard } from '../cards/digest-card.js';
import { errorCard } from '../cards/error-card.js';
import { NUDGE_REPLY_VERB, nudgeAnsweredCard } from '../cards/nudge-cards.js';
import { ConflictError, NotAllowedError, NotFoundError } from '../domain/errors.js';
import { NUDGE_ANSWERS } from '../contract/nudge-rules.js';
import { wordProblem } from '../domain/problem.js';
import type { BotTranslator } from '../i18n/bot-messages.js';
import { NUDGE_GAP_HOURS } from '../domain/nudge.js';
import type { CoachingService } from '../services/coaching-service.js';
import type { DigestService } from '../services/digest-service.js';
import type { NudgeService } from '../services/nudge-service.js';
import { cardAction, type CardActionRoute } from './card-action-route.js';
import { teamIdSchema } from '../domain/ids.js';
import { cardResponse } from './card-replies.js';

const teamId = teamIdSchema;

const digestNudgeSchema = z.object({
  teamId,
  userId: z
    .string()
    .min(1)
    .max(200)
    .regex(/^[^\u0000-\u001f]*$/),
});

const nudgeReplySchema = z.object({
  teamId,
  nudgeId: z.string().regex(/^[A-Za-z0-9-]{8,64}$/),
  answer: z.enum(NUDGE_ANSWERS),
});

/** The note's id as sent (the service knows whose it is); an answer that is not text is no answer. */
const coachingAnswerSchema = z.object({
  noteId: z.string(),
  answer: z
    .unknown()
    .transform((a) => (typeof a === 'string' ? a : undefined))
    .optional(),
});

/** Why a nudge from the digest did not go, in the lead's language; undefined for a failure that is ours. */
function nudgeRefusal(error: unknown, t: BotTranslator): string | undefined {
  if (error instanceof NotAllowedError) return t.t(error.reason === 'not_member' ? 'team.setup.notMember' : 'nudge.error.notLead');
  if (error instanceof NotFoundError) return t.t('nudge.error.notMember');
  if (error instanceof ConflictError) return t.plural('nudge.error.tooRecent', NUDGE_GAP_HOURS);
  return undefined;
}

/** Nudging from a lead's digest, a learner's reply to a nudge, and their answer to a coaching note. */
export function nudgeActions(deps: { nudges: NudgeService; digests: DigestService; coaching: CoachingService }): CardActionRoute[] {
  const fromDigest = cardAction({
    verb: DIGEST_NUDGE_VERB,
    schema: digestNudgeSchema,
    refused: (_raw, { t }) => cardResponse(errorCard(t.t('error.unknownButton'), t)),
    // "Nudge <name>" on a lead's digest: the nudge goes, and the digest says so.
    async handle({ teamId, userId }, { sender, t }) {
      let notice: string;
      try {
        const nudge = await deps.nudges.nudge(sender, teamId, userId, { note: null });
        notice = t.t(nudge.delivered ? 'nudge.sent' : 'nudge.notDelivered', { name: nudge.learnerName });
      } catch (error) {
        const problem = nudgeRefusal(error, t);
        if (!problem) throw error;
        notice = problem;
      }
      try {
        const view = await deps.digests.digestView(sender, teamId);
        return cardResponse(view ? digestCard(view.digest, t, { notice, dashboardUrl: view.dashboardUrl }) : errorCard(notice, t));
      } catch (error) {
        // Someone outside the team has no digest of it to redraw: the refusal is the whole answer.
        if (error instanceof NotAllowedError) return cardResponse(errorCard(notice, t));
        throw error;
      }
    },
  });
  const reply = cardAction({
    verb: NUDGE_REPLY_VERB,
    schema: nudgeReplySchema,
    refused: (_raw, { t }) => cardResponse(errorCard(t.t('error.unknownReply'), t)),
    async handle({ teamId, nudgeId, answer }, { sender, t }) {
      const outcome = await deps.nudges.reply(sender, teamId, nudgeId, answer);
      return cardResponse(
        outcome.kind === 'answered' ? nudgeAnsweredCard(outcome.nudge, outcome.answer, t) : errorCard(t.t('error.notYourNudge'), t),
      );
    },
  });
  const coachingAnswer = cardAction({
    verb: COACHING_ANSWER_VERB,
    schema: coachingAnswerSchema,
    refused: (_raw, { t }) => cardResponse(errorCard(t.t('error.notYourCoaching'), t)),
    async handle(answer, { sender, t }) {
      const outcome = await deps.coaching.answer(sender, answer);
      if (outcome.kind === 'not_yours') return cardResponse(errorCard(t.t('error.notYourCoaching'), t));
      if (outcome.kind === 'refused')
        return cardResponse(coachingNoteCard(outcome.note, t, { typed: outcome.typed, error: wordProblem(outcome.problem, t) }));
      return cardResponse(coachingAnsweredCard(outcome.note, outcome.answer, t));
    },
  });
  return [fromDigest, reply, coachingAnswer] as CardActionRoute[];
}
