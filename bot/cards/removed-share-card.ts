import { adaptiveCard, type AdaptiveCard } from './card-types.js';

/**
 * What a channel sees where a share was, once the person who shared it erased their data: nothing
 * of theirs is left, their name included, and no buttons (the share they would act on is gone).
 */
export function removedShareCard(): AdaptiveCard {
  return adaptiveCard([
    { type: 'TextBlock', text: 'Learning share removed', weight: 'bolder', wrap: true },
    { type: 'TextBlock', text: 'The person who shared this asked Learning Loop to erase their data, so it was removed.', isSubtle: true, wrap: true, spacing: 'none' },
  ]);
}
