import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ActionAnswer, LearningEntry } from '../contract/learning-entry.js';
import {
  actionStateOf,
  actionsToAsk,
  addTally,
  addWeek,
  emptyTally,
  figuresOf,
  followThroughOfEntries,
  withActionAnswer,
  withEditedResult,
} from './follow-through.js';
import { rollupFromRaw } from './member-rollup.js';

const DAY = 86_400_000;
const NOW = new Date('2026-12-04T12:00:00.000Z');

const entry = (createdAt: string, over: Partial<LearningEntry> = {}): LearningEntry => ({
  id: `e-${createdAt}`,
  tenantId: 't',
  userId: 'u',
  what: 'x',
  visibility: 'leads',
  sourceType: 'article',
  link: null,
  minutes: 10,
  rating: null,
  insight: null,
  action: 'Try it',
  result: null,
  createdAt,
  ...over,
});
const daysAgo = (n: number) => new Date(NOW.getTime() - n * DAY).toISOString();

describe('where an action stands', () => {
  it('is awaiting until a result or "dropped"; "no result yet" keeps it waiting; an older entry with a result reads as one', () => {
    expect(actionStateOf(entry(daysAgo(1), { action: null }))).toBe('none');
    expect(actionStateOf(entry(daysAgo(1)))).toBe('awaiting');
    expect(actionStateOf(entry(daysAgo(9), { actionAnswer: { answer: 'notYet', at: daysAgo(2) } }))).toBe('awaiting');
    expect(actionStateOf(entry(daysAgo(9), { actionAnswer: { answer: 'dropped', at: daysAgo(2) } }))).toBe('dropped');
    expect(actionStateOf(entry(daysAgo(9), { result: 'It worked' }))).toBe('result');
    expect(actionStateOf(withActionAnswer(entry(daysAgo(9)), 'result', 'It worked', NOW))).toBe('result');
  });

  it('asks about the three oldest actions still awaiting, oldest first', () => {
    const log = [
      entry(daysAgo(1)),
      entry(daysAgo(30), { actionAnswer: { answer: 'dropped', at: daysAgo(2) } }),
      entry(daysAgo(20)),
      entry(daysAgo(3), { action: null }),
      entry(daysAgo(14), { actionAnswer: { answer: 'notYet', at: daysAgo(7) } }),
      entry(daysAgo(10), { result: 'Done' }),
      entry(daysAgo(7)),
    ];
    expect(actionsToAsk(log).map((e) => e.createdAt)).toEqual([daysAgo(20), daysAgo(14), daysAgo(7)]);
  });

  it('counts a result written in the tab as answered now, and clearing it as awaiting again', () => {
    const before = entry(daysAgo(9));
    const withResult = withEditedResult(before, { ...before, result: 'Shipped' }, NOW);
    expect(withResult.actionAnswer).toEqual({ answer: 'result', at: NOW.toISOString() });
    expect(actionStateOf(withEditedResult(withResult, { ...withResult, result: null }, NOW))).toBe('awaiting');
  });
});

describe('follow-through figures', () => {
  it('counts an action due after one check-in cycle, or once answered for good; follow-through is results over due', () => {
    const figures = followThroughOfEntries(
      [
        entry(daysAgo(2)), // awaiting, not yet due
        entry(daysAgo(8)), // awaiting and due
        entry(daysAgo(3), { actionAnswer: { answer: 'result', at: daysAgo(1) }, result: 'Quick win' }), // 2 days
        entry(daysAgo(20), { actionAnswer: { answer: 'result', at: daysAgo(10) }, result: 'Slow win' }), // 10 days
        entry(daysAgo(15), { actionAnswer: { answer: 'dropped', at: daysAgo(1) } }),
        entry(daysAgo(1), { action: null }),
      ],
      NOW,
    );
    expect(figures).toEqual({
      actions: 5,
      results: 2,
      dropped: 1,
      awaiting: 2,
      due: 4,
      followThrough: 0.5,
      medianDaysToResult: 6,
    });
    expect(followThroughOfEntries([entry(daysAgo(1))], NOW)).toMatchObject({ due: 0, followThrough: null, medianDaysToResult: null });
  });

  it('adds up across members and teams as if counted at once', () => {
    const a = addWeek(emptyTally(), { actions: 2, lastAt: 0, outcomes: { results: 1, dropped: 0, resultDays: [3], awaitingAt: [0] } }, NOW);
    const b = addWeek(emptyTally(), { actions: 1, lastAt: 0, outcomes: { results: 1, dropped: 0, resultDays: [9], awaitingAt: [] } }, NOW);
    expect(figuresOf(addTally(a, b))).toMatchObject({ actions: 3, results: 2, due: 3, medianDaysToResult: 6 });
  });

  it('reads a week written before outcomes were kept as its actions awaiting since its last entry', () => {
    const old = addWeek(emptyTally(), { actions: 2, lastAt: NOW.getTime() - 10 * DAY }, NOW);
    expect(figuresOf(old)).toMatchObject({ actions: 2, awaiting: 2, due: 2, followThrough: 0 });
    const recent = addWeek(emptyTally(), { actions: 2, lastAt: NOW.getTime() - DAY }, NOW);
    expect(figuresOf(recent)).toMatchObject({ awaiting: 2, due: 0 });
  });

  const answers: fc.Arbitrary<ActionAnswer | null | 'legacy'> = fc.constantFrom(null, 'result', 'notYet', 'dropped', 'legacy');
  const randomEntry = fc
    .record({
      // Exactly one cycle old, now and then: the moment an action falls due.
      ageHours: fc.oneof(fc.integer({ min: 0, max: 50 * 24 }), fc.constant(7 * 24)),
      hasAction: fc.boolean(),
      answer: answers,
      answerAfterHours: fc.integer({ min: 0, max: 40 * 24 }),
    })
    .map(({ ageHours, hasAction, answer, answerAfterHours }) => {
      const created = NOW.getTime() - ageHours * 3_600_000;
      const answeredAt = new Date(Math.min(NOW.getTime(), created + answerAfterHours * 3_600_000)).toISOString();
      const base = entry(new Date(created).toISOString(), { action: hasAction ? 'Plan' : null });
      if (answer === null) return base;
      if (answer === 'legacy') return { ...base, result: 'Told before answers were kept' };
      return { ...base, actionAnswer: { answer, at: answeredAt }, result: answer === 'result' ? 'Done' : null };
    });

  /** Counted again the slowest, plainest way: straight from the raw entries, independent of the code under test. */
  function recount(entries: readonly LearningEntry[]) {
    const withAction = entries.filter((e) => e.action);
    const isResult = (e: LearningEntry) =>
      e.actionAnswer?.answer === 'result' || (e.result !== null && e.actionAnswer?.answer !== 'dropped');
    const results = withAction.filter(isResult);
    const dropped = withAction.filter((e) => !isResult(e) && e.actionAnswer?.answer === 'dropped');
    const awaiting = withAction.filter((e) => !isResult(e) && e.actionAnswer?.answer !== 'dropped');
    const due = results.length + dropped.length + awaiting.filter((e) => NOW.getTime() - Date.parse(e.createdAt) >= 7 * DAY).length;
    const days = results
      .filter((e) => e.actionAnswer?.answer === 'result')
      .map((e) => Math.floor((Date.parse(e.actionAnswer!.at) - Date.parse(e.createdAt)) / DAY))
      .sort((x, y) => x - y);
    const mid = days.length / 2;
    return {
      actions: withAction.length,
      results: results.length,
      dropped: dropped.length,
      awaiting: awaiting.length,
      due,
      followThrough: due ? results.length / due : null,
      medianDaysToResult: days.length === 0 ? null : days.length % 2 ? days[Math.floor(mid)]! : (days[mid - 1]! + days[mid]!) / 2,
    };
  }

  it('from the weekly rollup cells, equals a recount from the raw entries (random logs)', () => {
    fc.assert(
      fc.property(fc.array(randomEntry, { maxLength: 40 }), fc.constantFrom('UTC', 'America/Los_Angeles', 'Asia/Kolkata'), (log, zone) => {
        const entries = log.map((e, i) => ({ ...e, id: `e-${i}` }));
        const rollup = rollupFromRaw({ userId: 'u', teamId: 't', zone, entries, checkIns: [], paused: false, now: NOW });
        const tally = emptyTally();
        for (const week of Object.values(rollup.weeks)) addWeek(tally, week, NOW);
        const expected = recount(entries);
        expect(figuresOf(tally)).toEqual(expected);
        expect(followThroughOfEntries(entries, NOW)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
