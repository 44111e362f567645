import { ONE_TO_ONE_TICKED_DAYS, type OneToOneItem } from '../contract/one-to-one.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whether a ticked item has been on the list long enough to go: 90 days after it was ticked. */
export function tickedLongAgo(item: OneToOneItem, now: Date): boolean {
  if (!item.ticked) return false;
  const at = Date.parse(item.ticked.at);
  // An unreadable date is kept: an item never disappears by mistake.
  return Number.isFinite(at) && now.getTime() - at >= ONE_TO_ONE_TICKED_DAYS * DAY_MS;
}

/** The list as both read it: open items in the order they were added, then the recently ticked, latest tick first. */
export function orderedItems(items: readonly OneToOneItem[], now: Date): OneToOneItem[] {
  const open = items.filter((i) => !i.ticked).sort((a, b) => a.addedAt.localeCompare(b.addedAt));
  const ticked = items
    .filter((i) => i.ticked && !tickedLongAgo(i, now))
    .sort((a, b) => (b.ticked?.at ?? '').localeCompare(a.ticked?.at ?? ''));
  return [...open, ...ticked];
}
