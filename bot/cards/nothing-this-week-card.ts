import { adaptiveCard, type AdaptiveCard } from './card-types.js';

export function nothingThisWeekCard({ streak }: { streak: number }): AdaptiveCard {
  return adaptiveCard([
    { type: 'TextBlock', text: 'Noted: nothing this time', size: 'medium', weight: 'bolder', wrap: true },
    { type: 'TextBlock', wrap: true, text: 'Thanks for saying so — an honest answer keeps the loop going. See you next check-in.' },
    ...(streak > 0 ? [{ type: 'TextBlock' as const, wrap: true, isSubtle: true, text: `Check-in streak: ${streak} in a row` }] : []),
  ]);
}
