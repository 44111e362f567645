import { describe, expect, it } from 'vitest';
import type { MemberRollup } from './member-rollup.js';
import { standingFlags } from './standing-flags.js';

const now = new Date('2026-11-28T12:00:00Z');
const at = (iso: string) => Date.parse(iso);
const joined = '2026-01-01T00:00:00.000Z';
const rollup = (userId: string, over: Partial<MemberRollup> = {}): MemberRollup => ({
  userId,
  paused: false,
  goals: [],
  weeks: {},
  cycles: {},
  ...over,
});
const twoUnanswered = {
  '2026-W46': { answer: 'noAnswer' as const, at: at('2026-11-13T16:00:00Z') },
  '2026-W47': { answer: 'noAnswer' as const, at: at('2026-11-20T16:00:00Z') },
};
const lately = {
  '2026-W48': {
    entries: 1,
    minutes: 10,
    ratingSum: 0,
    ratingCount: 0,
    lastAt: at('2026-11-27T09:00:00Z'),
    sources: {},
    insights: 0,
    actions: 0,
  },
};

describe('standingFlags', () => {
  it.each<[string, { userId: string; joinedAt: string }[], MemberRollup[], { learnerId: string; since: number }[]]>([
    ['nobody on the roster: nothing stands', [], [rollup('gone', { cycles: twoUnanswered })], []],
    ['someone who learned this week is not flagged', [{ userId: 'bo', joinedAt: joined }], [rollup('bo', { weeks: lately })], []],
    [
      'two unanswered check-ins: flagged from when the second could no longer be answered',
      [{ userId: 'bo', joinedAt: joined }],
      [rollup('bo', { weeks: lately, cycles: twoUnanswered })],
      [{ learnerId: 'bo', since: at('2026-11-27T16:00:00Z') }],
    ],
    [
      'someone with no rollup at all is flagged four weeks after joining',
      [{ userId: 'new', joinedAt: '2026-10-01T00:00:00.000Z' }],
      [],
      [{ learnerId: 'new', since: at('2026-10-29T00:00:00.000Z') }],
    ],
    [
      'someone who paused is not flagged',
      [{ userId: 'bo', joinedAt: joined }],
      [rollup('bo', { paused: true, cycles: twoUnanswered })],
      [],
    ],
    [
      'a rollup of someone who left flags nobody',
      [{ userId: 'bo', joinedAt: joined }],
      [rollup('bo', { weeks: lately }), rollup('gone', { cycles: twoUnanswered })],
      [],
    ],
  ])('%s', (_name, roster, rollups, expected) => {
    expect(standingFlags(roster, rollups, now)).toEqual(expected);
  });
});
