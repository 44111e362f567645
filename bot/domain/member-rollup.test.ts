import { describe, expect, it } from 'vitest';
import type { LearningEntry } from '../contract/learning-entry.js';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { cycleOutcomeOf, goalFlagsOf, periodWeeks, rollupFromRaw, weekActivityOf, weekKeyOf, weekSpan } from './member-rollup.js';
import type { Goal } from '../contract/goal-rules.js';

const entry = (createdAt: string, over: Partial<LearningEntry> = {}): LearningEntry => ({
  id: createdAt,
  tenantId: 't',
  userId: 'u',
  what: 'x',
  visibility: 'leads',
  sourceType: 'article',
  link: null,
  minutes: 10,
  rating: null,
  insight: null,
  action: null,
  result: null,
  createdAt,
  ...over,
});

describe('weeks in a team’s zone', () => {
  it('puts late Sunday evening in Los Angeles in that week, though it is Monday in UTC', () => {
    expect(weekKeyOf('2026-11-30T06:30:00.000Z', 'America/Los_Angeles')).toBe('2026-W48');
    expect(weekKeyOf('2026-11-30T06:30:00.000Z', 'UTC')).toBe('2026-W49');
  });

  it('spans a week across a clock change by wall time, and names ISO weeks across the year end', () => {
    const { start, end } = weekSpan('2026-W43', 'Europe/London'); // clocks go back on 25 October
    expect(start.toISOString()).toBe('2026-10-18T23:00:00.000Z');
    expect(end.toISOString()).toBe('2026-10-26T00:00:00.000Z');
    expect(periodWeeks(new Date('2027-01-06T12:00:00Z'), 3, 'UTC')).toEqual([
      { week: '2026-W52', weekStart: '2026-12-21' },
      { week: '2026-W53', weekStart: '2026-12-28' },
      { week: '2027-W01', weekStart: '2027-01-04' },
    ]);
  });

  it('names each week of a period as the zone’s calendar does, at any moment in any zone', () => {
    const zones = ['UTC', 'Pacific/Auckland', 'America/Los_Angeles', 'Europe/London', 'Asia/Kolkata'];
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }),
        fc.constantFrom(...zones),
        (now, zone) => {
          const weeks = periodWeeks(now, 53, zone);
          expect(weeks[52]!.week).toBe(weekKeyOf(now, zone));
          for (const { week, weekStart } of weeks) {
            const monday = DateTime.fromISO(weekStart, { zone });
            expect(monday.weekday).toBe(1);
            expect(weekKeyOf(monday.plus({ hours: 12 }).toJSDate(), zone)).toBe(week);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('rollupFromRaw', () => {
  const now = new Date('2026-11-27T12:00:00Z');
  it('sums entries per week, keeps the newest time, and drops weeks older than kept', () => {
    const rollup = rollupFromRaw({
      userId: 'u',
      teamId: 'team',
      zone: 'UTC',
      now,
      paused: false,
      checkIns: [],
      entries: [
        entry('2026-11-24T09:00:00.000Z', { minutes: 20, rating: 4, sourceType: 'video' }),
        entry('2026-11-26T09:00:00.000Z', { minutes: null, rating: 2 }),
        entry('2025-06-01T09:00:00.000Z'),
      ],
    });
    expect(rollup.weeks).toEqual({
      '2026-W48': {
        entries: 2,
        minutes: 20,
        ratingSum: 6,
        ratingCount: 2,
        lastAt: Date.parse('2026-11-26T09:00:00.000Z'),
        sources: { video: 1, article: 1 },
        insights: 0,
        actions: 0,
      },
    });
  });

  it('counts only check-ins the team sent, and how each ended', () => {
    const base = { kind: 'checkin', teamId: 'team', status: 'sent', sentAt: '2026-11-20T16:00:00.000Z' };
    const rollup = rollupFromRaw({
      userId: 'u',
      teamId: 'team',
      zone: 'UTC',
      now,
      paused: true,
      entries: [],
      checkIns: [
        { ...base, cycle: '2026-W47' },
        { ...base, cycle: '2026-W46', respondedAt: '2026-11-13T18:00:00.000Z', answer: 'nothing' },
        { ...base, cycle: '2026-W45', respondedAt: '2026-11-06T18:00:00.000Z', answer: 'entry' },
        { ...base, cycle: '2026-W44', teamId: 'other' },
        { ...base, cycle: '2026-W43', status: 'blocked', sentAt: undefined },
      ],
    });
    expect(rollup.paused).toBe(true);
    expect(rollup.cycles).toEqual({
      '2026-W47': { answer: 'noAnswer', at: Date.parse('2026-11-20T16:00:00.000Z') },
      '2026-W46': { answer: 'nothing', at: Date.parse('2026-11-13T18:00:00.000Z') },
      '2026-W45': { answer: 'responded', at: Date.parse('2026-11-06T18:00:00.000Z') },
    });
    expect(cycleOutcomeOf({ ...base, kind: 'reminder', cycle: '2026-W47' })).toBeUndefined();
  });
});

describe('goalFlagsOf', () => {
  const now = new Date('2026-11-28T12:00:00Z');
  const goal = (over: Partial<Goal>): Goal => ({
    goalId: 'g1',
    tenantId: 't',
    userId: 'u',
    what: 'Read Inspired',
    why: null,
    targetDate: '2026-12-01',
    resources: [],
    progress: [],
    createdAt: '2026-11-01T00:00:00Z',
    closedAt: null,
    ...over,
  });
  const at = (state: 'on-track' | 'behind' | 'done' | 'dropped') => ({ at: '2026-11-20T00:00:00Z', state, note: null, cycle: null });

  it('keeps open and overdue goals, turning overdue at the end of the target day in the learner’s zone', () => {
    const [flag] = goalFlagsOf([goal({})], now, 'Pacific/Auckland');
    // 2 December 00:00 in Auckland is 1 December 11:00 UTC.
    expect(flag).toEqual({ what: 'Read Inspired', overdueAfter: Date.parse('2026-12-01T11:00:00Z'), behindTwice: false });
    expect(goalFlagsOf([goal({ targetDate: '2026-11-01' })], now, 'UTC')).toHaveLength(1);
  });

  it.each([
    ['done', [at('done')], 0],
    ['dropped', [at('dropped')], 0],
    ['behind twice', [at('behind'), at('behind')], 1],
  ])('a goal reported %s', (_name, progress, count) => {
    const flags = goalFlagsOf([goal({ progress })], now, 'UTC');
    expect(flags).toHaveLength(count);
    if (count) expect(flags[0]!.behindTwice).toBe(true);
  });
});

describe('weekActivityOf', () => {
  it('counts the entries that recorded an insight and an action, for the learner level of the report', () => {
    const entry = (insight: string | null, action: string | null) => ({
      minutes: 10,
      rating: null,
      sourceType: 'article' as const,
      createdAt: '2026-11-26T09:00:00.000Z',
      insight,
      action,
    });
    expect(weekActivityOf([entry('a', null), entry('b', 'c'), entry(null, null)])).toMatchObject({ entries: 3, insights: 2, actions: 1 });
    expect(weekActivityOf([])).toBeUndefined();
  });
});
