import { describe, expect, it } from 'vitest';
import { weekKeyOf } from '../../bot/domain/member-rollup.js';
import { checkInDueTimes, SUBMIT_ZONE } from './submit-scenario.js';

describe('the submit scenario’s check-in history', () => {
  it('puts each week’s check-in in a week of its own when the clocks changed in between, just after midnight on a Monday', () => {
    // London left summer time on 25 October 2026; five past midnight on Monday 7 December.
    const due = checkInDueTimes(new Date('2026-12-07T00:05:00Z'), 8);
    const weeks = due.map((at) => weekKeyOf(at, SUBMIT_ZONE));
    expect(new Set(weeks).size).toBe(9);
    expect(weeks.at(-1)).toBe('2026-W49');
    expect(weeks[0]).toBe('2026-W41');
    expect(due.at(-1)).toBe('2026-12-06T23:05:00.000Z');
  });
});
