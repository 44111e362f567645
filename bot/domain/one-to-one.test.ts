import { describe, expect, it } from 'vitest';
import type { OneToOneItem } from '../contract/one-to-one.js';
import { orderedItems, tickedLongAgo } from './one-to-one.js';

const NOW = new Date('2026-06-01T12:00:00Z');
const alex = { userId: 'u-alex', displayName: 'Alex' };
const item = (itemId: string, addedAt: string, tickedAt?: string): OneToOneItem => ({
  itemId,
  kind: 'topic',
  refId: null,
  text: itemId,
  addedBy: alex,
  addedAt,
  ticked: tickedAt ? { by: alex, at: tickedAt } : null,
});

describe('a 1:1 list', () => {
  it('keeps a ticked item for 90 days, then lets it go', () => {
    expect(tickedLongAgo(item('a', '2026-01-01T00:00:00Z', '2026-03-04T12:00:01Z'), NOW)).toBe(false);
    expect(tickedLongAgo(item('a', '2026-01-01T00:00:00Z', '2026-03-03T12:00:00Z'), NOW)).toBe(true);
    expect(tickedLongAgo(item('a', '2026-01-01T00:00:00Z'), NOW)).toBe(false);
    expect(tickedLongAgo(item('a', '2026-01-01T00:00:00Z', 'not a date'), NOW)).toBe(false);
  });

  it('shows open items oldest first, then the recently ticked, latest tick first', () => {
    const items = [
      item('open-late', '2026-05-20T00:00:00Z'),
      item('ticked-old', '2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z'),
      item('ticked-first', '2026-05-01T00:00:00Z', '2026-05-10T00:00:00Z'),
      item('open-early', '2026-05-02T00:00:00Z'),
      item('ticked-last', '2026-05-01T00:00:00Z', '2026-05-30T00:00:00Z'),
    ];
    expect(orderedItems(items, NOW).map((i) => i.itemId)).toEqual(['open-early', 'open-late', 'ticked-last', 'ticked-first']);
  });
});
