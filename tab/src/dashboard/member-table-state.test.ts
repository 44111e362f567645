import { describe, expect, it } from 'vitest';
import type { MemberRowView } from '../api/dashboard-types.js';
import { NO_FOLLOW_THROUGH } from '../../../bot/contract/follow-through.js';
import { DEFAULT_SORT, NO_FILTER, filterMembers, nextSort, sortMembers, visibleMembers } from './member-table-state.js';

const row = (displayName: string, over: Partial<MemberRowView> = {}): MemberRowView => ({
  userId: displayName.toLowerCase(),
  displayName,
  role: 'member',
  lastCheckInAt: null,
  streak: 0,
  entries: 0,
  minutes: 0,
  averageRating: null,
  followThrough: NO_FOLLOW_THROUGH,
  paused: false,
  needsFollowUp: false,
  followUpReason: null,
  ...over,
});

const names = (rows: MemberRowView[]) => rows.map((r) => r.displayName);

const team = [
  row('Megan Bowen', { lastCheckInAt: '2026-11-20T10:00:00Z', streak: 3, entries: 5, minutes: 120, averageRating: 4 }),
  row('adele Vance', { lastCheckInAt: '2026-11-01T10:00:00Z', streak: 1, entries: 2, minutes: 30, averageRating: 4.5, paused: true }),
  row('Alex Wilber', { streak: 0, needsFollowUp: true, followUpReason: 'No answer to the last 2 check-ins' }),
  row('René Zhou', {
    lastCheckInAt: '2026-11-10T10:00:00Z',
    streak: 3,
    entries: 5,
    minutes: 60,
    needsFollowUp: true,
    followUpReason: 'Paused',
  }),
];

describe('sortMembers', () => {
  it('sorts names alphabetically for the locale, ignoring case', () => {
    expect(names(sortMembers(team, DEFAULT_SORT, 'en-US'))).toEqual(['adele Vance', 'Alex Wilber', 'Megan Bowen', 'René Zhou']);
    expect(names(sortMembers(team, { column: 'name', direction: 'descending' }, 'en-US'))).toEqual([
      'René Zhou',
      'Megan Bowen',
      'Alex Wilber',
      'adele Vance',
    ]);
  });

  it('sorts numbers by value and breaks ties by name', () => {
    expect(names(sortMembers(team, { column: 'streak', direction: 'descending' }, 'en-US'))).toEqual([
      'Megan Bowen',
      'René Zhou',
      'adele Vance',
      'Alex Wilber',
    ]);
    expect(names(sortMembers(team, { column: 'minutes', direction: 'ascending' }, 'en-US'))).toEqual([
      'Alex Wilber',
      'adele Vance',
      'René Zhou',
      'Megan Bowen',
    ]);
  });

  it('puts people who never checked in, or rated nothing, last in either direction', () => {
    for (const direction of ['ascending', 'descending'] as const) {
      expect(names(sortMembers(team, { column: 'lastCheckIn', direction }, 'en-US')).at(-1)).toBe('Alex Wilber');
      expect(names(sortMembers(team, { column: 'rating', direction }, 'en-US')).slice(-2)).toEqual(['Alex Wilber', 'René Zhou']);
    }
    expect(names(sortMembers(team, { column: 'lastCheckIn', direction: 'descending' }, 'en-US'))).toEqual([
      'Megan Bowen',
      'René Zhou',
      'adele Vance',
      'Alex Wilber',
    ]);
  });

  it('sorts flags with those flagged first when descending', () => {
    expect(names(sortMembers(team, { column: 'followUp', direction: 'descending' }, 'en-US')).slice(0, 2)).toEqual([
      'Alex Wilber',
      'René Zhou',
    ]);
    expect(names(sortMembers(team, { column: 'paused', direction: 'descending' }, 'en-US'))[0]).toBe('adele Vance');
  });

  it('leaves its input as it was', () => {
    const before = names(team);
    sortMembers(team, { column: 'minutes', direction: 'descending' }, 'en-US');
    expect(names(team)).toEqual(before);
  });
});

describe('nextSort', () => {
  it('turns the sorted column round, and starts a new one A–Z for names, most first otherwise', () => {
    expect(nextSort(DEFAULT_SORT, 'name')).toEqual({ column: 'name', direction: 'descending' });
    expect(nextSort(DEFAULT_SORT, 'minutes')).toEqual({ column: 'minutes', direction: 'descending' });
    expect(nextSort({ column: 'minutes', direction: 'descending' }, 'minutes')).toEqual({ column: 'minutes', direction: 'ascending' });
    expect(nextSort({ column: 'minutes', direction: 'descending' }, 'name')).toEqual({ column: 'name', direction: 'ascending' });
  });
});

describe('filterMembers', () => {
  it('matches part of a name, ignoring case and accents', () => {
    expect(names(filterMembers(team, { text: 'RENE', followUpOnly: false }))).toEqual(['René Zhou']);
    expect(names(filterMembers(team, { text: ' al ', followUpOnly: false }))).toEqual(['Alex Wilber']);
    expect(filterMembers(team, { text: 'nobody', followUpOnly: false })).toEqual([]);
  });

  it('keeps only those who need a follow-up when asked, together with the text', () => {
    expect(names(filterMembers(team, { text: '', followUpOnly: true }))).toEqual(['Alex Wilber', 'René Zhou']);
    expect(names(filterMembers(team, { text: 'zhou', followUpOnly: true }))).toEqual(['René Zhou']);
    expect(filterMembers(team, NO_FILTER)).toHaveLength(team.length);
  });
});

describe('visibleMembers', () => {
  it('filters, then sorts', () => {
    expect(names(visibleMembers(team, { column: 'entries', direction: 'descending' }, { text: '', followUpOnly: true }, 'en-US'))).toEqual([
      'René Zhou',
      'Alex Wilber',
    ]);
  });
});
