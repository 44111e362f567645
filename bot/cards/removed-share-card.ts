import type { BotTranslator } from '../i18n/bot-messages.js';
import { adaptiveCard, type AdaptiveCard } from './card-types.js';

/**
 * What a channel sees where a share was, once the person who shared it erased their data: nothing
 * of theirs is left, their name included, and no buttons (the share they would act on is gone).
 */
export function removedShareCard(t: BotTranslator): AdaptiveCard {
  return adaptiveCard(t, [
    { type: 'TextBlock', text: t.t('share.removed.title'), weight: 'bolder', wrap: true },
    { type: 'TextBlock', text: t.t('share.removed.body'), isSubtle: true, wrap: true, spacing: 'none' },
  ]);
}
