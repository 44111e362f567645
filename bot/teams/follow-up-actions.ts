import { z } from 'zod';
import { errorCard } from '../cards/error-card.js';
import { FOLLOW_UP_CLOSE_VERB, followUpClosedCard, followUpNoteInputId, followUpReminderCard } from '../cards/follow-up-cards.js';
import { FOLLOW_UP_NOTE_MAX } from '../contract/follow-up-rules.js';
import { NotAllowedError, NotFoundError } from '../domain/errors.js';
import { followUpNoteProblem, followUpNoteSchema } from '../domain/follow-up.js';
import { teamIdSchema } from '../domain/ids.js';
import type { FollowUpService } from '../services/follow-up-service.js';
import { cardAction, type CardActionRoute } from './card-action-route.js';
import { cardResponse } from './card-replies.js';
import { plainNumber } from '../contract/i18n/intl-cache.js';

/** The card names the follow-up; the note is whatever was typed (anything but text is no note), checked below to keep it on the card. */
const closeSchema = z.preprocess(
  withNamedNote,
  z.object({
    teamId: teamIdSchema,
    followUpId: z.string().regex(/^[A-Za-z0-9-]{8,64}$/),
    note: z
      .unknown()
      .transform((n) => (typeof n === 'string' ? n : undefined))
      .optional(),
  }),
);

/**
 * A lead's weekly reminder lists several follow-ups, each with a box of its own: its input is
 * `note-<followUpId>`, and the note of the one whose Close was pressed is that box's.
 */
function withNamedNote(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null) return raw;
  const data = raw as Record<string, unknown>;
  if (data.note !== undefined || typeof data.followUpId !== 'string') return raw;
  const named = data[followUpNoteInputId(data.followUpId)];
  return named === undefined ? raw : { ...data, note: named };
}

/** **Close** on a lead's reminder of a follow-up: closes it with the note, and the card says so in place. */
export function followUpActions(deps: { followUps: FollowUpService }): CardActionRoute[] {
  const close = cardAction({
    verb: FOLLOW_UP_CLOSE_VERB,
    schema: closeSchema,
    refused: (_raw, { t }) => cardResponse(errorCard(t.t('error.notYourFollowUp'), t)),
    async handle({ teamId, followUpId, note }, { sender, t }) {
      try {
        const problem = followUpNoteProblem(note);
        if (problem) {
          // The same card again, with what was typed and what is wrong with it.
          const view = await deps.followUps.viewFor(sender, teamId, followUpId);
          if (view.followUp.closed) return cardResponse(followUpClosedCard(view.followUp, t, { alreadyClosed: true }));
          const error =
            problem === 'missing'
              ? t.t('followUp.note.missing')
              : t.plural('followUp.note.tooLong', FOLLOW_UP_NOTE_MAX, { count: plainNumber(t.formatting, FOLLOW_UP_NOTE_MAX) });
          return cardResponse(followUpReminderCard(view, t, { typed: note ?? '', error }));
        }
        const outcome = await deps.followUps.close(sender, teamId, followUpId, followUpNoteSchema.parse(note));
        return cardResponse(followUpClosedCard(outcome.followUp, t, { alreadyClosed: outcome.kind === 'already_closed' }));
      } catch (error) {
        if (error instanceof NotAllowedError || error instanceof NotFoundError)
          return cardResponse(errorCard(t.t('error.notYourFollowUp'), t));
        throw error;
      }
    },
  });
  return [close] as CardActionRoute[];
}
