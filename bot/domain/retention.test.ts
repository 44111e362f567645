import { describe, expect, it } from 'vitest';
import type { Goal } from '../contract/goal-rules.js';
import { emptyRollup, type MemberRollup, type WeekActivity } from './member-rollup.js';
import { goalAfterRetention, isWeekBefore, retentionCutoff, rollupWithout, weekAggregateOf, weeksBefore } from './retention.js';

// Noon UTC on Friday 27 November 2026 (ISO week 2026-W48).
const now = new Date('2026-11-27T12:00:00Z');

describe('retentionCutoff', () => {
  it.each<[number, string]>([
    [371, '2025-11-21T12:00:00.000Z'],
    [400, '2025-10-23T12:00:00.000Z'],
    [730, '2024-11-27T12:00:00.000Z'],
  ])('%i days before the clock', (days, cutoff) => {
    expect(retentionCutoff(now, days).toISOString()).toBe(cutoff);
  });
});

describe('isWeekBefore', () => {
  // 371 days back is Friday 21 November 2025, in 2025-W47 (Monday 17 – Sunday 23 November).
  const cutoff = retentionCutoff(now, 371);
  it.each<[string, string, boolean]>([
    ['2025-W46', 'UTC', true],
    ['2025-W47', 'UTC', false], // the cutoff falls inside it: its later days are still kept raw
    ['2025-W48', 'UTC', false],
    ['2024-W52', 'UTC', true],
    // In Auckland (UTC+13) W46 ended on Sunday 16 November 11:00 UTC: before; in Los Angeles it ends the 17th 08:00 UTC: before too.
    ['2025-W46', 'Pacific/Auckland', true],
    ['2025-W46', 'America/Los_Angeles', true],
  ])('%s in %s: %s', (week, zone, before) => {
    expect(isWeekBefore(week, cutoff, zone)).toBe(before);
  });

  it('counts a week ending exactly at the cutoff as before it', () => {
    expect(isWeekBefore('2025-W46', new Date('2025-11-17T00:00:00Z'), 'UTC')).toBe(true);
    expect(isWeekBefore('2025-W46', new Date('2025-11-16T23:59:59.999Z'), 'UTC')).toBe(false);
  });

  it('never reaches a week a 52-week dashboard shows, at the least retention', () => {
    // The dashboard's oldest week for 52 weeks ending 2026-W48 is 2025-W49.
    expect(isWeekBefore('2025-W49', cutoff, 'Pacific/Kiritimati')).toBe(false);
    expect(isWeekBefore('2025-W49', cutoff, 'Pacific/Pago_Pago')).toBe(false);
  });
});

const activity = (entries: number, minutes: number, extra: Partial<WeekActivity> = {}): WeekActivity => ({
  entries,
  minutes,
  ratingSum: entries * 4,
  ratingCount: entries,
  lastAt: 0,
  sources: { article: entries },
  insights: 1,
  actions: 0,
  ...extra,
});

const ana: MemberRollup = {
  ...emptyRollup('u-ana'),
  weeks: { '2025-W40': activity(2, 30), '2026-W47': activity(1, 10) },
  cycles: { '2025-W40': { answer: 'responded', at: 1 }, '2025-W41': { answer: 'noAnswer', at: 2 } },
};
const ben: MemberRollup = {
  ...emptyRollup('u-ben'),
  weeks: { '2025-W40': activity(3, 45, { actions: 2 }) },
  cycles: { '2025-W40': { answer: 'nothing', at: 3 } },
};

describe('weeksBefore and weekAggregateOf', () => {
  it('finds the old weeks of any member, activity or check-in', () => {
    expect(weeksBefore([ana, ben], retentionCutoff(now, 371), 'UTC')).toEqual(['2025-W40', '2025-W41']);
  });

  it('sums a week over the members, naming none of them', () => {
    const sum = weekAggregateOf([ana, ben], '2025-W40');
    expect(sum).toEqual({
      week: '2025-W40',
      learners: 2,
      entries: 5,
      minutes: 75,
      ratingSum: 20,
      ratingCount: 5,
      insights: 2,
      actions: 2,
      checkInsResponded: 1,
      checkInsNothing: 1,
      checkInsUnanswered: 0,
    });
    expect(JSON.stringify(sum)).not.toMatch(/u-ana|u-ben/);
    expect(weekAggregateOf([ana, ben], '2025-W41')).toMatchObject({ learners: 1, entries: 0, checkInsUnanswered: 1 });
  });
});

describe('rollupWithout', () => {
  it('drops the weeks named and keeps the rest', () => {
    expect(rollupWithout(ana, ['2025-W40', '2025-W41'])).toEqual({ ...ana, weeks: { '2026-W47': ana.weeks['2026-W47'] }, cycles: {} });
  });
  it('is undefined when there is nothing to drop, so a rerun writes nothing', () => {
    expect(rollupWithout(ana, ['2024-W01'])).toBeUndefined();
  });
});

describe('goalAfterRetention', () => {
  const cutoff = new Date('2025-11-21T12:00:00Z');
  const goal = (closedAt: string | null, ats: string[]): Goal => ({
    goalId: 'g1',
    tenantId: 't',
    userId: 'u',
    what: 'Learn Bicep',
    why: null,
    targetDate: '2025-12-31',
    resources: [],
    progress: ats.map((at) => ({ at, state: 'on-track', note: null, cycle: null })),
    createdAt: '2025-01-01T00:00:00Z',
    closedAt,
  });
  it.each<[string, Goal, string]>([
    ['closed before the cutoff', goal('2025-11-21T11:59:59Z', []), 'delete'],
    ['closed at the cutoff', goal('2025-11-21T12:00:00Z', []), 'keep'],
    ['open with only recent reports', goal(null, ['2025-12-01T00:00:00Z']), 'keep'],
    ['open with old reports', goal(null, ['2025-06-01T00:00:00Z', '2025-12-01T00:00:00Z']), 'trim'],
  ])('%s: %s', (_name, g, action) => {
    expect(goalAfterRetention(g, cutoff).action).toBe(action);
  });
  it('keeps only the reports from the cutoff on', () => {
    const result = goalAfterRetention(goal(null, ['2025-06-01T00:00:00Z', '2025-12-01T00:00:00Z']), cutoff);
    expect(result.action === 'trim' && result.goal.progress.map((p) => p.at)).toEqual(['2025-12-01T00:00:00Z']);
  });
});
