import type { BotTranslator } from '../i18n/bot-messages.js';
import { adaptiveCard, type AdaptiveCard } from './card-types.js';
import { CHECK_IN_NEW_VERB } from './check-in-saved-card.js';
import { escapeMarkdown } from './markdown-escape.js';

/** The one short hello each member gets when their team starts using the app. */
export function introCard(
  { displayName, teamName }: { displayName: string | undefined; teamName: string },
  t: BotTranslator,
): AdaptiveCard {
  return adaptiveCard(
    t,
    [
      {
        type: 'TextBlock',
        text: displayName ? t.t('intro.title', { name: escapeMarkdown(displayName) }) : t.t('intro.titleAnonymous'),
        size: 'medium',
        weight: 'bolder',
        wrap: true,
      },
      { type: 'TextBlock', wrap: true, text: t.t('intro.body', { team: escapeMarkdown(teamName) }) },
      // Said before the first entry: leads see entries by default, and each one can be kept private.
      { type: 'TextBlock', wrap: true, text: t.t('intro.whoSees') },
      { type: 'TextBlock', wrap: true, isSubtle: true, text: t.t('intro.commands') },
    ],
    [{ type: 'Action.Execute', id: 'first-check-in', title: t.t('intro.logNow'), verb: CHECK_IN_NEW_VERB, data: {} }],
  );
}
