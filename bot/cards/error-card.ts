import { adaptiveCard, type AdaptiveCard } from './card-types.js';
import { escapeMarkdown } from './markdown-escape.js';

/** Shown when something failed on our side; the learner's words are never blamed or lost. */
export function errorCard(message: string): AdaptiveCard {
  return adaptiveCard([
    { type: 'TextBlock', text: 'Something went wrong', weight: 'bolder', color: 'attention', wrap: true },
    { type: 'TextBlock', text: escapeMarkdown(message), wrap: true },
  ]);
}
