/** What a learner types to confirm erasing everything: words, not a click, as it cannot be undone. */
export const ERASE_CONFIRMATION = 'erase my data';

/** Whether the learner typed the confirmation: case, outer and repeated spaces do not matter; anything else does. */
export function isEraseConfirmation(typed: unknown): boolean {
  return typeof typed === 'string' && typed.trim().replace(/\s+/g, ' ').toLowerCase() === ERASE_CONFIRMATION;
}
