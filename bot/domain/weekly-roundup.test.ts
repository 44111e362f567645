import { describe, expect, it } from 'vitest';
import { EMPTY_TALLY, type Share } from './share.js';
import { emptyRollup, type MemberRollup, type WeekActivity } from './member-rollup.js';
import { countLearner, nextRoundup, roundupOf } from './weekly-roundup.js';

const ZONE = 'Europe/London';

function share(shareId: string, createdAt: string, helpful: number, withdrawnAt: string | null = null) {
  return {
    shareId,
    what: `What ${shareId}`,
    sharerName: `Sharer ${shareId}`,
    createdAt,
    withdrawnAt,
    tally: { ...EMPTY_TALLY, helpful },
  } satisfies Pick<Share, 'shareId' | 'what' | 'sharerName' | 'createdAt' | 'withdrawnAt' | 'tally'>;
}

function rollup(userId: string, weeks: Record<string, Partial<WeekActivity>>): MemberRollup {
  const cells = Object.fromEntries(
    Object.entries(weeks).map(([w, a]) => [
      w,
      { entries: 0, minutes: 0, ratingSum: 0, ratingCount: 0, lastAt: 0, sources: {}, insights: 0, actions: 0, ...a },
    ]),
  );
  return { ...emptyRollup(userId), weeks: cells };
}

describe('nextRoundup', () => {
  it('falls on the chosen day at 15:00 in the team’s zone, the next one strictly after the time given', () => {
    // Wednesday 2 December 2026, 10:00 in London.
    const wed = new Date('2026-12-02T10:00:00Z');
    expect(nextRoundup({ weekday: 5 }, ZONE, wed)).toEqual({ week: '2026-W49', dueAt: new Date('2026-12-04T15:00:00Z') });
    // At the moment itself, the next week's.
    expect(nextRoundup({ weekday: 5 }, ZONE, new Date('2026-12-04T15:00:00Z')).dueAt).toEqual(new Date('2026-12-11T15:00:00Z'));
    // Tuesday already passed this week: next Tuesday.
    expect(nextRoundup({ weekday: 2 }, ZONE, wed)).toEqual({ week: '2026-W50', dueAt: new Date('2026-12-08T15:00:00Z') });
    expect(nextRoundup({ weekday: 5 }, 'America/New_York', wed).dueAt).toEqual(new Date('2026-12-04T20:00:00Z'));
  });

  it('on a Monday tells of the week that just ended', () => {
    expect(nextRoundup({ weekday: 1 }, ZONE, new Date('2026-12-02T10:00:00Z'))).toEqual({
      week: '2026-W49',
      dueAt: new Date('2026-12-07T15:00:00Z'),
    });
  });

  it('keeps 15:00 local across a change of the clocks', () => {
    // British Summer Time ends on Sunday 25 October 2026.
    expect(nextRoundup({ weekday: 5 }, ZONE, new Date('2026-10-24T12:00:00Z')).dueAt).toEqual(new Date('2026-10-30T15:00:00Z'));
    expect(nextRoundup({ weekday: 5 }, ZONE, new Date('2026-10-21T12:00:00Z')).dueAt).toEqual(new Date('2026-10-23T14:00:00Z'));
  });
});

describe('roundupOf', () => {
  const learners = { people: 3, minutes: 140 };

  it('lists the week’s three most helpful shares, leaving out withdrawn ones and other weeks’', () => {
    const shares = [
      share('a', '2026-11-30T09:00:00Z', 1),
      share('b', '2026-12-01T09:00:00Z', 5),
      share('c', '2026-12-02T09:00:00Z', 3),
      share('d', '2026-12-03T09:00:00Z', 1),
      share('gone', '2026-12-03T10:00:00Z', 9, '2026-12-03T11:00:00Z'),
      share('last-week', '2026-11-29T23:30:00Z', 8),
      share('next-week', '2026-12-07T09:00:00Z', 8),
    ];
    const roundup = roundupOf({ teamName: 'Alpha', week: '2026-W49', zone: ZONE, shares, learners });
    expect(roundup).toEqual({
      teamName: 'Alpha',
      week: '2026-W49',
      weekStart: '2026-11-30',
      people: 3,
      minutes: 140,
      shares: [
        { shareId: 'b', what: 'What b', sharerName: 'Sharer b', helpful: 5 },
        { shareId: 'c', what: 'What c', sharerName: 'Sharer c', helpful: 3 },
        // Equally helpful: the earlier first.
        { shareId: 'a', what: 'What a', sharerName: 'Sharer a', helpful: 1 },
      ],
    });
  });

  it('is nothing for a week without shares, so nothing is posted', () => {
    expect(roundupOf({ teamName: 'Alpha', week: '2026-W49', zone: ZONE, shares: [], learners })).toBeUndefined();
    const onlyWithdrawn = [share('gone', '2026-12-01T09:00:00Z', 2, '2026-12-01T10:00:00Z')];
    expect(roundupOf({ teamName: 'Alpha', week: '2026-W49', zone: ZONE, shares: onlyWithdrawn, learners })).toBeUndefined();
  });
});

describe('countLearner', () => {
  it('counts each member who logged learning in the week once, with their minutes', () => {
    const rows = [
      rollup('u1', { '2026-W49': { entries: 2, minutes: 60 }, '2026-W48': { entries: 1, minutes: 500 } }),
      rollup('u2', { '2026-W49': { entries: 1, minutes: 25 } }),
      rollup('u3', { '2026-W48': { entries: 3, minutes: 90 } }),
      rollup('u4', { '2026-W49': { entries: 0, minutes: 0 } }),
    ];
    expect(rows.reduce((c, r) => countLearner(c, r, '2026-W49'), { people: 0, minutes: 0 })).toEqual({ people: 2, minutes: 85 });
  });
});
