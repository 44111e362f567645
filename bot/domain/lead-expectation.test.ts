import { describe, expect, it } from 'vitest';
import { isOverdue, nextBehindSlot, overdueFor } from './lead-expectation.js';

const now = new Date('2026-12-09T12:00:00Z');
const open = (learnerId: string, openedAt: string) => ({ learnerId, openedAt, closed: null });

describe('what L&D asks of leaders', () => {
  it('counts a follow-up overdue only once open longer than the days, and never once closed', () => {
    expect(isOverdue(open('m', '2026-12-02T12:00:00Z'), now, 7)).toBe(false);
    expect(isOverdue(open('m', '2026-12-02T11:59:59Z'), now, 7)).toBe(true);
    expect(
      isOverdue({ ...open('m', '2026-11-01T00:00:00Z'), closed: { by: { userId: 'l', displayName: 'L' }, note: 'x', at: '' } }, now, 7),
    ).toBe(false);
  });

  it('gives a lead the overdue follow-ups of their team not about them, oldest first', () => {
    const followUps = [
      open('a', '2026-11-30T00:00:00Z'),
      open('lead', '2026-11-01T00:00:00Z'),
      open('b', '2026-11-20T00:00:00Z'),
      open('c', '2026-12-08T00:00:00Z'),
    ];
    expect(overdueFor('lead', followUps, now, 7).map((f) => f.learnerId)).toEqual(['b', 'a']);
    expect(overdueFor('other', followUps, now, 7).map((f) => f.learnerId)).toEqual(['lead', 'b', 'a']);
  });

  it('files the weekly slot on the next Wednesday at 09:00 in the lead’s zone, its ISO week the cycle', () => {
    expect(nextBehindSlot(undefined, new Date('2026-12-08T11:00:00Z'))).toEqual({
      week: '2026-W50',
      dueAt: new Date('2026-12-09T09:00:00Z'),
    });
    // At the very minute: the next week's.
    expect(nextBehindSlot('UTC', new Date('2026-12-09T09:00:00Z'))).toEqual({ week: '2026-W51', dueAt: new Date('2026-12-16T09:00:00Z') });
    expect(nextBehindSlot('America/New_York', new Date('2026-12-09T12:00:00Z')).dueAt).toEqual(new Date('2026-12-09T14:00:00Z'));
    expect(nextBehindSlot('Not/AZone', new Date('2026-12-08T11:00:00Z')).dueAt).toEqual(new Date('2026-12-09T09:00:00Z'));
  });
});
