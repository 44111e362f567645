import type { BotTranslator } from '../i18n/bot-messages.js';
import { adaptiveCard, type AdaptiveCard } from './card-types.js';
import { escapeMarkdown } from './markdown-escape.js';

/** Shown when something failed on our side; the learner's words are never blamed or lost. `message` is already in their language. */
export function errorCard(message: string, t: BotTranslator): AdaptiveCard {
  return adaptiveCard(t, [
    { type: 'TextBlock', text: t.t('error.title'), weight: 'bolder', color: 'attention', wrap: true },
    { type: 'TextBlock', text: escapeMarkdown(message), wrap: true },
  ]);
}
