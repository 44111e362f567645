import { describe, expect, it } from 'vitest';
import { weekKeyOf } from './member-rollup.js';
import { streakOf, type CycleOutcome } from './streak.js';

const week = 7 * 86_400_000;
const now = new Date('2026-11-28T12:00:00Z');
const cycle = (weeksAgo: number, responded: boolean): CycleOutcome => {
  const dueAt = new Date(now.getTime() - weeksAgo * week - 3_600_000);
  return { cycle: weekKeyOf(dueAt, 'UTC'), dueAt: dueAt.getTime(), responded };
};

describe('streakOf', () => {
  it('counts consecutive answered cycles back from the newest', () => {
    expect(streakOf([cycle(0, true), cycle(1, true), cycle(2, false), cycle(3, true)], now, 86_400_000)).toBe(2);
  });

  it('does not break a streak for the cycle that is still open', () => {
    expect(streakOf([cycle(0, false), cycle(1, true), cycle(2, true)], now, 2 * 86_400_000)).toBe(2);
  });

  it('breaks it once the open cycle has closed unanswered', () => {
    expect(streakOf([cycle(1, false), cycle(2, true)], now, 86_400_000)).toBe(0);
  });

  it('is zero with no history, and does not depend on input order', () => {
    expect(streakOf([], now, 0)).toBe(0);
    expect(streakOf([cycle(2, true), cycle(0, true), cycle(1, true)], now, 0)).toBe(3);
  });
});
