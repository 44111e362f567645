import { z } from 'zod';
import { errorCard } from '../cards/error-card.js';
import { SHARE_PROMPT_VERB, sharePromptAnsweredCard } from '../cards/share-prompt-card.js';
import { teamIdSchema } from '../domain/ids.js';
import { wordProblem } from '../domain/problem.js';
import type { BotTranslator } from '../i18n/bot-messages.js';
import type { SharePromptAnswer, SharePromptOutcome, SharePromptService } from '../services/share-prompt-service.js';
import { cardAction, type CardActionContext, type CardActionRoute } from './card-action-route.js';
import { cardResponse } from './card-replies.js';

const ENTRY_ID = /^[A-Za-z0-9-]{8,64}$/;
const USER_ID = /^[A-Za-z0-9][A-Za-z0-9:@._=+-]{0,199}$/;
/** The longest id an error card repeats back. */
const ID_ECHO_MAX = 64;

/** Share or Not now: the entry, and for a lead's request whose it is; the inputs say which team and parts. */
const answerSchema = z
  .object({
    entryId: z.string().regex(ENTRY_ID),
    answer: z.enum(['share', 'notNow']),
    teamId: teamIdSchema.optional(),
    leadId: z.string().regex(USER_ID).optional(),
    // Parsed with the rest of the share choice by the service, which names what is wrong.
    shareTeamId: z.string().max(1000).optional(),
    shareParts: z.string().max(1000).optional(),
  })
  .refine((d) => (d.teamId === undefined) === (d.leadId === undefined), 'a request names both its team and its lead')
  .transform((d): SharePromptAnswer => ({
    entryId: d.entryId,
    answer: d.answer,
    ...(d.teamId !== undefined && d.leadId !== undefined ? { ask: { teamId: d.teamId, leadId: d.leadId } } : {}),
    share: {
      ...(d.shareTeamId !== undefined ? { shareTeamId: d.shareTeamId } : {}),
      ...(d.shareParts !== undefined ? { shareParts: d.shareParts } : {}),
    },
  }));

/** A press that is not one we sent: the entry it names, when it names one, so the learner knows which. */
function refused(raw: unknown, { t }: CardActionContext) {
  const id = typeof raw === 'object' && raw !== null && 'entryId' in raw ? (raw as { entryId: unknown }).entryId : undefined;
  return cardResponse(
    errorCard(
      typeof id === 'string' && id.length > 0
        ? t.t('sharePrompt.error.unknownEntry', { id: id.slice(0, ID_ECHO_MAX) })
        : t.t('sharePrompt.error.unknownCard'),
      t,
    ),
  );
}

/** Share and Not now on a confirmation card's offer and on a lead's request. */
export function sharePromptActions(deps: { sharePrompts: SharePromptService }): CardActionRoute[] {
  const answer = cardAction<SharePromptAnswer>({
    verb: SHARE_PROMPT_VERB,
    schema: answerSchema,
    refused,
    handle: async (command, { sender, t }) => cardResponse(cardFor(await deps.sharePrompts.answer(sender, command), t)),
  });
  return [answer] as CardActionRoute[];
}

function cardFor(outcome: SharePromptOutcome, t: BotTranslator) {
  switch (outcome.status) {
    case 'shared':
      return sharePromptAnsweredCard({ status: 'shared', teamName: outcome.teamName ?? t.t('common.yourTeam') }, t);
    case 'not-now':
      return sharePromptAnsweredCard({ status: 'not-now', quiet: outcome.quietUntil !== null }, t);
    case 'unknown-entry':
      return errorCard(t.t('sharePrompt.error.unknownEntry', { id: outcome.entryId }), t);
    case 'unknown-ask':
      return errorCard(t.t('sharePrompt.error.unknownAsk', { id: outcome.entryId }), t);
    case 'not-shared':
      return errorCard(t.t('sharePrompt.error.notShared', { problem: wordProblem(outcome.problem, t) }), t);
  }
}
