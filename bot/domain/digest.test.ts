import { NO_FOLLOW_THROUGH } from '../contract/follow-through.js';
import { describe, expect, it } from 'vitest';
import type { DashboardResponse, MemberRowView } from '../contract/dashboard-view.js';
import { digestOf, digestWindowDue } from './digest.js';
import type { ShareView } from '../contract/share-view.js';

describe('digestWindowDue', () => {
  it.each([
    ['Monday 09:10 in London covers the week just ended', '2026-11-30T09:10:00Z', 'Europe/London', '2026-W48', '2026-11-30T09:00:00.000Z'],
    ['Monday 08:59 is not yet: last week’s window is more than two days old', '2026-11-30T08:59:00Z', 'Europe/London', null, null],
    [
      'Monday 10:00 still owes it (a pass missed the hour)',
      '2026-11-30T10:00:00Z',
      'Europe/London',
      '2026-W48',
      '2026-11-30T09:00:00.000Z',
    ],
    ['Wednesday 08:59 catches up a digest missed on Monday', '2026-12-02T08:59:00Z', 'UTC', '2026-W48', '2026-11-30T09:00:00.000Z'],
    ['Wednesday 09:01 is too late for it', '2026-12-02T09:01:00Z', 'UTC', null, null],
    [
      'Sunday evening UTC is already Monday 09:00 in Auckland',
      '2026-11-29T20:30:00Z',
      'Pacific/Auckland',
      '2026-W48',
      '2026-11-29T20:00:00.000Z',
    ],
    [
      'the first Monday of a year covers the last week of the one before',
      '2027-01-04T09:00:00Z',
      'UTC',
      '2026-W53',
      '2027-01-04T09:00:00.000Z',
    ],
    ['an unknown zone has none', '2026-11-30T09:10:00Z', 'Not/AZone', null, null],
  ])('%s', (_name, now, zone, week, opensAt) => {
    const due = digestWindowDue(new Date(now), zone);
    expect(due ? { week: due.week, opensAt: due.opensAt.toISOString() } : null).toEqual(week ? { week, opensAt } : null);
  });
});

describe('digestOf', () => {
  const member = (userId: string, displayName: string, reason: string | null): MemberRowView =>
    ({ userId, displayName, needsFollowUp: reason !== null, followUpReason: reason }) as MemberRowView;
  const dashboard = {
    team: { teamId: 't', name: 'Product Design' },
    period: { weeks: 4 },
    totals: { members: 8, followThrough: { ...NO_FOLLOW_THROUGH, actions: 3, results: 1, due: 2, followThrough: 0.5 } },
    weeks: [
      { week: '2026-W47', responded: 1, nothing: 0, noAnswer: 7, entries: 1, minutes: 10 },
      { week: '2026-W48', responded: 4, nothing: 2, noAnswer: 2, entries: 9, minutes: 240 },
    ],
    members: [
      member('a', 'Zoe', 'No answer to the last 2 check-ins'),
      member('b', 'Ann', 'Goal “SQL” is overdue'),
      member('c', 'Bob', null),
      ...'defghij'.split('').map((id) => member(id, `P${id}`, 'No check-in for 5 weeks')),
    ],
  } as unknown as DashboardResponse;
  const share = (what: string, helpful: number, createdAt: string) => ({ what, sharerName: 'Megan', helpful, createdAt }) as ShareView;
  const since = new Date('2026-11-23T00:00:00Z');

  it('sums participation, picks the week’s most helpful shares and lists who needs a follow-up', () => {
    const digest = digestOf(
      dashboard,
      [
        share('Old', 9, '2026-11-01T00:00:00Z'),
        share('A', 2, '2026-11-24T00:00:00Z'),
        share('B', 5, '2026-11-25T00:00:00Z'),
        share('None', 0, '2026-11-26T00:00:00Z'),
      ],
      '2026-W48',
      since,
    );
    expect(digest.participation).toEqual({ members: 8, answered: 6, checkIns: 8, entries: 9, minutes: 240 });
    expect(digest.highlights.map((h) => [h.what, h.helpful])).toEqual([
      ['B', 5],
      ['A', 2],
    ]);
    expect(digest.followUps.map((f) => f.displayName)).toEqual(['Ann', 'Pd', 'Pe', 'Pf', 'Pg']);
    expect(digest.moreFollowUps).toBe(4);
    expect(digest.followThrough).toEqual({
      figures: { ...NO_FOLLOW_THROUGH, actions: 3, results: 1, due: 2, followThrough: 0.5 },
      weeks: 4,
    });
  });
});
