import { adaptiveCard, type AdaptiveCard } from './card-types.js';
import { escapeMarkdown } from './markdown-escape.js';

/** Tells a sharer, at most once a day, that what they shared helped someone. */
export function shareHelpedCard({ what, helpful, teamName }: { what: string; helpful: number; teamName: string }): AdaptiveCard {
  return adaptiveCard([
    { type: 'TextBlock', text: 'Your learning share helped', size: 'medium', weight: 'bolder', color: 'good', wrap: true },
    {
      type: 'TextBlock',
      text: `${helpful === 1 ? '1 person' : `${helpful} people`} in ${escapeMarkdown(teamName)} found “${escapeMarkdown(what)}” helpful so far. Thank you for sharing.`,
      wrap: true,
    },
  ]);
}
