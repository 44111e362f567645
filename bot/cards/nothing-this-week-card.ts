import type { BotTranslator } from '../i18n/bot-messages.js';
import { adaptiveCard, type AdaptiveCard } from './card-types.js';

export function nothingThisWeekCard({ streak }: { streak: number }, t: BotTranslator): AdaptiveCard {
  return adaptiveCard(t, [
    { type: 'TextBlock', text: t.t('nothingThisWeek.title'), size: 'medium', weight: 'bolder', wrap: true },
    { type: 'TextBlock', wrap: true, text: t.t('nothingThisWeek.body') },
    ...(streak > 0 ? [{ type: 'TextBlock' as const, wrap: true, isSubtle: true, text: t.plural('common.streak', streak) }] : []),
  ]);
}
