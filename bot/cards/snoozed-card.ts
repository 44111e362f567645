import type { BotTranslator } from '../i18n/bot-messages.js';
import { adaptiveCard, type AdaptiveCard } from './card-types.js';

/** `when` is already written for the reader: their language, their zone. */
export function snoozedCard({ when }: { when: string }, t: BotTranslator): AdaptiveCard {
  return adaptiveCard(t, [
    { type: 'TextBlock', text: t.t('snoozed.title'), size: 'medium', weight: 'bolder', wrap: true },
    { type: 'TextBlock', wrap: true, text: t.t('snoozed.body', { when }) },
  ]);
}
