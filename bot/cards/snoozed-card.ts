import { adaptiveCard, type AdaptiveCard } from './card-types.js';

export function snoozedCard({ when }: { when: string }): AdaptiveCard {
  return adaptiveCard([
    { type: 'TextBlock', text: 'I’ll remind you tomorrow', size: 'medium', weight: 'bolder', wrap: true },
    { type: 'TextBlock', wrap: true, text: `You’ll get this check-in again ${when}, unless you answer before then.` },
  ]);
}
