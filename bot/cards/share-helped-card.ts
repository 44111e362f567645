import type { BotTranslator } from '../i18n/bot-messages.js';
import { adaptiveCard, type AdaptiveCard } from './card-types.js';
import { escapeMarkdown } from './markdown-escape.js';

/** Tells a sharer, at most once a day, that what they shared helped someone. */
export function shareHelpedCard(
  { what, helpful, teamName }: { what: string; helpful: number; teamName: string },
  t: BotTranslator,
): AdaptiveCard {
  return adaptiveCard(t, [
    { type: 'TextBlock', text: t.t('shareHelped.title'), size: 'medium', weight: 'bolder', color: 'good', wrap: true },
    {
      type: 'TextBlock',
      text: t.plural('shareHelped.body', helpful, { team: escapeMarkdown(teamName), what: escapeMarkdown(what) }),
      wrap: true,
    },
  ]);
}
