import { describe, expect, it } from 'vitest';
import { buildDashboard, followUpReason, memberFollowUp } from './dashboard.js';
import type { CycleOutcome, MemberRollup } from './member-rollup.js';
import type { TeamSettings } from '../contract/team-settings.js';

const now = new Date('2026-11-27T12:00:00Z'); // Friday of 2026-W48
const at = (iso: string) => Date.parse(iso);
const answered = (iso: string): CycleOutcome => ({ answer: 'responded', at: at(iso) });
const silent = (iso: string): CycleOutcome => ({ answer: 'noAnswer', at: at(iso) });

const settings: TeamSettings = {
  tenantId: 't',
  teamId: 'team',
  name: 'Design',
  schedule: {
    cadence: 'weekly',
    weekday: 5,
    localTime: '16:00',
    timeZone: 'Europe/London',
    reminderAfterHours: 24,
    anchorMonday: '2026-01-05',
  },
  sharesChannelId: 'c',
  updatedBy: null,
  updatedAt: '2026-01-01T00:00:00.000Z',
};

/** The streak the dashboard shows for a member with these check-ins. */
function streakOf(cycles: Record<string, CycleOutcome>, at: Date): number {
  const view = buildDashboard({
    settings,
    roster: [{ userId: 'u', displayName: 'U', role: 'member', joinedAt: '2026-01-01T00:00:00.000Z' }],
    rollups: [{ userId: 'u', paused: false, goals: [], weeks: {}, cycles }],
    caller: { userId: 'u', role: 'member' },
    weeks: 4,
    now: at,
  });
  return view.members[0]!.streak;
}

describe('the streak on the dashboard', () => {
  it('counts answers back from the newest closed check-in, skipping one still open', () => {
    const cycles = {
      '2026-W45': answered('2026-11-06T17:00:00.000Z'),
      '2026-W46': { answer: 'nothing', at: at('2026-11-13T17:00:00.000Z') } as CycleOutcome,
      '2026-W47': answered('2026-11-20T17:00:00.000Z'),
      '2026-W48': silent('2026-11-27T10:00:00.000Z'), // sent two hours ago: still open
    };
    expect(streakOf(cycles, now)).toBe(3);
    expect(streakOf({ ...cycles, '2026-W48': silent('2026-11-19T10:00:00.000Z') }, now)).toBe(0);
    expect(streakOf({ ...cycles, '2026-W46': silent('2026-11-13T16:00:00.000Z') }, now)).toBe(1);
    // A late answer to last week's check-in, given after this week's was sent, still counts in order.
    expect(streakOf({ ...cycles, '2026-W47': answered('2026-11-28T09:00:00.000Z') }, now)).toBe(3);
  });
});

describe('followUpReason: goals', () => {
  const now = new Date('2026-11-28T12:00:00.000Z');
  const joined = '2026-09-01T00:00:00.000Z';
  const checkedIn = '2026-11-27T10:00:00.000Z';
  const goal = (over: Partial<{ what: string; overdueAfter: number; behindTwice: boolean }>) => ({
    what: 'Read Inspired',
    overdueAfter: Date.parse('2026-12-15T00:00:00.000Z'),
    behindTwice: false,
    ...over,
  });
  it.each([
    ['no goals', [], null],
    ['a goal on time', [goal({})], null],
    ['a goal past its day', [goal({ overdueAfter: Date.parse('2026-11-28T00:00:00.000Z') })], 'Goal “Read Inspired” is overdue'],
    ['a goal whose day ends right now', [goal({ overdueAfter: now.getTime() })], 'Goal “Read Inspired” is overdue'],
    ['a goal whose day ends in a minute', [goal({ overdueAfter: now.getTime() + 60_000 })], null],
    ['a goal behind twice', [goal({ behindTwice: true })], 'Goal “Read Inspired” reported behind twice'],
    ['overdue comes before behind', [goal({ what: 'A', behindTwice: true }), goal({ what: 'B', overdueAfter: 0 })], 'Goal “B” is overdue'],
  ])('%s', (_name, goals, expected) => {
    expect(followUpReason({}, checkedIn, joined, now, goals)).toBe(expected);
  });

  it('puts two unanswered check-ins before any goal', () => {
    const two = {
      '2026-W46': { answer: 'noAnswer' as const, at: Date.parse('2026-11-13T16:00:00Z') },
      '2026-W47': { answer: 'noAnswer' as const, at: Date.parse('2026-11-20T16:00:00Z') },
    };
    expect(followUpReason(two, '2026-11-06T10:00:00.000Z', joined, now, [goal({ overdueAfter: 0 })])).toBe(
      'No answer to the last 2 check-ins',
    );
  });
});

describe('followUpReason', () => {
  const joined = '2026-01-01T00:00:00.000Z';
  it('flags two unanswered check-ins in a row, but not an open one', () => {
    const two = { '2026-W46': silent('2026-11-13T10:00:00.000Z'), '2026-W47': silent('2026-11-20T10:00:00.000Z') };
    expect(followUpReason(two, '2026-11-12T10:00:00.000Z', joined, now)).toBe('No answer to the last 2 check-ins');
    const openSecond = { '2026-W47': silent('2026-11-20T16:00:00.000Z'), '2026-W48': silent('2026-11-27T10:00:00.000Z') };
    expect(followUpReason(openSecond, '2026-11-19T10:00:00.000Z', joined, now)).toBeNull();
  });

  it('flags a long silence, counting from joining for someone who never checked in', () => {
    expect(followUpReason({}, '2026-10-01T10:00:00.000Z', joined, now)).toBe('No check-in for 8 weeks');
    expect(followUpReason({}, null, '2026-10-20T00:00:00.000Z', now)).toBe('No check-in in 5 weeks since joining');
    expect(followUpReason({}, null, '2026-11-10T00:00:00.000Z', now)).toBeNull();
  });
});

describe('buildDashboard', () => {
  const rollups: MemberRollup[] = [
    {
      userId: 'lead',
      paused: false,
      goals: [],
      weeks: {
        '2026-W48': {
          entries: 2,
          minutes: 50,
          ratingSum: 9,
          ratingCount: 2,
          lastAt: at('2026-11-26T09:00:00.000Z'),
          sources: { article: 1, video: 1 },
          insights: 0,
          actions: 0,
        },
        '2026-W30': {
          entries: 1,
          minutes: 500,
          ratingSum: 1,
          ratingCount: 1,
          lastAt: at('2026-07-22T09:00:00.000Z'),
          sources: { book: 1 },
          insights: 0,
          actions: 0,
        },
      },
      cycles: { '2026-W47': answered('2026-11-20T17:00:00.000Z') },
    },
    {
      userId: 'quiet',
      paused: false,
      goals: [],
      weeks: {},
      cycles: { '2026-W46': silent('2026-11-13T16:00:00.000Z'), '2026-W47': silent('2026-11-20T16:00:00.000Z') },
    },
    {
      userId: 'gone',
      paused: false,
      goals: [],
      weeks: {
        '2026-W47': {
          entries: 1,
          minutes: 5,
          ratingSum: 0,
          ratingCount: 0,
          lastAt: at('2026-11-18T09:00:00.000Z'),
          sources: { podcast: 1 },
          insights: 0,
          actions: 0,
        },
      },
      cycles: {},
    },
  ];
  const roster = [
    { userId: 'lead', displayName: 'Alex', role: 'lead' as const, joinedAt: '2026-01-01T00:00:00.000Z' },
    { userId: 'quiet', displayName: 'Bo', role: 'member' as const, joinedAt: '2026-01-01T00:00:00.000Z' },
  ];

  it('reckons each member’s follow-up alone exactly as the table does, and says since when', () => {
    const withGoal: MemberRollup = {
      ...rollups[0]!,
      userId: 'lead',
      goals: [{ what: 'Read', overdueAfter: at('2026-11-25T00:00:00.000Z'), behindTwice: false }],
    };
    const view = buildDashboard({
      settings,
      roster,
      rollups: [withGoal, ...rollups.slice(1)],
      caller: { userId: 'lead', role: 'lead' },
      weeks: 4,
      now,
    });
    for (const [i, row] of view.members.entries()) {
      const rollup = i === 0 ? withGoal : rollups.find((r) => r.userId === row.userId);
      expect(memberFollowUp(rollup, roster[i]!.joinedAt, now)?.reason ?? null).toBe(row.followUpReason);
    }
    expect(memberFollowUp(withGoal, roster[0]!.joinedAt, now)).toEqual({
      reason: 'Goal “Read” is overdue',
      why: { kind: 'goal-overdue', goal: 'Read' },
      since: at('2026-11-25T00:00:00.000Z'),
    });
    // Bo's newest check-in may still be answered; what stands is the silence since joining, from four weeks after it.
    expect(memberFollowUp(rollups[1], roster[1]!.joinedAt, now)).toEqual({
      reason: 'No check-in in 47 weeks since joining',
      why: { kind: 'quiet-since-joining', weeks: 47 },
      since: at('2026-01-29T00:00:00.000Z'),
    });
    const later = new Date('2026-11-28T00:00:00.000Z');
    // A day after it closed, the two unanswered check-ins come first, flagged from the moment the second closed.
    expect(memberFollowUp(rollups[1], roster[1]!.joinedAt, later)).toEqual({
      reason: 'No answer to the last 2 check-ins',
      why: { kind: 'no-answer', count: 2 },
      since: at('2026-11-27T16:00:00.000Z'),
    });
  });

  it('totals the chosen period only, counting people who left in the weeks but not the member table', () => {
    const view = buildDashboard({ settings, roster, rollups, caller: { userId: 'lead', role: 'lead' }, weeks: 4, now });
    expect(view.weeks.map((w) => w.week)).toEqual(['2026-W45', '2026-W46', '2026-W47', '2026-W48']);
    expect(view.weeks.map((w) => w.weekStart)).toEqual(['2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23']);
    expect(view.totals).toMatchObject({
      members: 2,
      activeMembers: 1,
      entries: 3,
      minutes: 55,
      averageRating: 4.5,
      responded: 1,
      noAnswer: 2,
      responseRate: 1 / 3,
    });
    expect(view.sources).toEqual([
      { sourceType: 'article', entries: 1 },
      { sourceType: 'video', entries: 1 },
      { sourceType: 'podcast', entries: 1 },
    ]);
    expect(view.members.map((m) => [m.displayName, m.entries, m.minutes, m.needsFollowUp])).toEqual([
      ['Alex', 2, 50, false],
      ['Bo', 0, 0, true],
    ]);
    const year = buildDashboard({ settings, roster, rollups, caller: { userId: 'lead', role: 'lead' }, weeks: 52, now });
    expect(year.totals.minutes).toBe(555);
  });

  it('gives a member the same totals and only their own row', () => {
    const lead = buildDashboard({ settings, roster, rollups, caller: { userId: 'lead', role: 'lead' }, weeks: 12, now });
    const member = buildDashboard({ settings, roster, rollups, caller: { userId: 'quiet', role: 'member' }, weeks: 12, now });
    expect(member.members.map((m) => m.userId)).toEqual(['quiet']);
    expect(member.totals).toEqual(lead.totals);
    expect(member.weeks).toEqual(lead.weeks);
  });

  it('does not flag a paused member', () => {
    const paused = rollups.map((r) => (r.userId === 'quiet' ? { ...r, paused: true } : r));
    const view = buildDashboard({ settings, roster, rollups: paused, caller: { userId: 'lead', role: 'lead' }, weeks: 4, now });
    expect(view.members.find((m) => m.userId === 'quiet')).toMatchObject({ paused: true, needsFollowUp: false, followUpReason: null });
  });
});
