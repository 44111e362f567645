import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { checkInScheduleSchema, type CheckInSchedule } from '../contract/check-in-schedule.js';
import { cycleAt, dueAt, nextDue, effectiveZone, nextCycle } from './check-in-schedule.js';

const weekly: CheckInSchedule = {
  cadence: 'weekly',
  weekday: 5,
  localTime: '16:00',
  timeZone: 'Europe/London',
  reminderAfterHours: 24,
  anchorMonday: '2026-01-05',
};

const iso = (d: Date) => d.toISOString();

/** What the scheduler plans from `from` to `to`: the next due time, then the next after that. */
function plannedBetween(schedule: CheckInSchedule, zone: string, from: string, to: string): string[] {
  const cycles: string[] = [];
  for (let next = nextDue(schedule, zone, new Date(from)); next.dueAt <= new Date(to); next = nextDue(schedule, zone, next.dueAt)) {
    cycles.push(next.cycle);
  }
  return cycles;
}

describe('check-in schedule', () => {
  it('puts the check-in at the local time on the chosen weekday, in each learner’s zone', () => {
    expect(iso(dueAt(weekly, 'Europe/London', '2026-W48'))).toBe('2026-11-27T16:00:00.000Z');
    expect(iso(dueAt(weekly, 'America/New_York', '2026-W48'))).toBe('2026-11-27T21:00:00.000Z');
    expect(iso(dueAt(weekly, 'Asia/Kolkata', '2026-W48'))).toBe('2026-11-27T10:30:00.000Z');
  });

  it('prefers the learner’s own zone and falls back to the team’s', () => {
    expect(effectiveZone(weekly, 'Asia/Tokyo')).toBe('Asia/Tokyo');
    expect(effectiveZone(weekly, undefined)).toBe('Europe/London');
    expect(effectiveZone(weekly, 'Mars/Olympus_Mons')).toBe('Europe/London');
  });

  it('follows summer time: the same local time on both sides of the change', () => {
    // Europe/London moves to BST on 2026-03-29.
    expect(iso(dueAt(weekly, 'Europe/London', '2026-W13'))).toBe('2026-03-27T16:00:00.000Z');
    expect(iso(dueAt(weekly, 'Europe/London', '2026-W14'))).toBe('2026-04-03T15:00:00.000Z');
  });

  // Luxon reads a local time by the zone's offset on the day it runs, so these run on two clocks:
  // one in New York's summer time, one in its winter time.
  describe.each(['2026-07-15T12:00:00Z', '2026-12-15T12:00:00Z'])('with the clock at %s', (today) => {
    beforeEach(() => {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(new Date(today));
    });
    afterEach(() => vi.useRealTimers());

    it('neither skips nor doubles a check-in set inside a DST gap or overlap', () => {
      // 02:30 on Sunday 2026-03-08 does not exist in New York; 01:30 on Sunday 2026-11-01 happens twice.
      const gap: CheckInSchedule = { ...weekly, weekday: 7, localTime: '02:30', timeZone: 'America/New_York' };
      const overlap: CheckInSchedule = { ...gap, localTime: '01:30' };
      expect(plannedBetween(gap, 'America/New_York', '2026-03-07T00:00:00Z', '2026-03-10T00:00:00Z')).toEqual(['2026-W10']);
      expect(iso(dueAt(gap, 'America/New_York', '2026-W10'))).toBe('2026-03-08T07:30:00.000Z'); // 03:30 EDT
      expect(plannedBetween(overlap, 'America/New_York', '2026-10-31T00:00:00Z', '2026-11-03T00:00:00Z')).toEqual(['2026-W44']);
      expect(iso(dueAt(overlap, 'America/New_York', '2026-W44'))).toBe('2026-11-01T06:30:00.000Z'); // 01:30 EST
    });

    it('takes the standard-time occurrence south of the equator too', () => {
      // Sydney leaves summer time at 03:00 on Sunday 2026-04-05, so 02:30 happens twice.
      const sydney: CheckInSchedule = { ...weekly, weekday: 7, localTime: '02:30', timeZone: 'Australia/Sydney' };
      expect(iso(dueAt(sydney, 'Australia/Sydney', '2026-W14'))).toBe('2026-04-04T16:30:00.000Z'); // 02:30 AEST
    });
  });

  it('plans each cycle exactly once across a summer-time change, chaining from each due time', () => {
    expect(plannedBetween(weekly, 'Europe/London', '2026-03-02T00:00:00Z', '2026-04-27T00:00:00Z')).toEqual([
      '2026-W10',
      '2026-W11',
      '2026-W12',
      '2026-W13',
      '2026-W14',
      '2026-W15',
      '2026-W16',
      '2026-W17',
    ]);
    // The first one after "now" is this week's when it is still to come, next week's once passed.
    expect(nextDue(weekly, 'Europe/London', new Date('2026-11-27T15:59:00Z')).cycle).toBe('2026-W48');
    expect(nextDue(weekly, 'Europe/London', new Date('2026-11-27T16:00:00Z')).cycle).toBe('2026-W49');
  });

  it('runs fortnightly cycles from the anchor week', () => {
    const biweekly: CheckInSchedule = { ...weekly, cadence: 'biweekly', anchorMonday: '2026-11-16' };
    expect(cycleAt(biweekly, 'Europe/London', new Date('2026-11-25T12:00:00Z'))).toBe('2026-W47');
    expect(cycleAt(biweekly, 'Europe/London', new Date('2026-11-30T12:00:00Z'))).toBe('2026-W49');
    expect(nextCycle(biweekly, '2026-W47')).toBe('2026-W49');
    expect(plannedBetween(biweekly, 'Europe/London', '2026-11-16T00:00:00Z', '2026-12-31T00:00:00Z')).toEqual([
      '2026-W47',
      '2026-W49',
      '2026-W51',
    ]);
  });

  it('crosses the year boundary by ISO weeks', () => {
    expect(nextCycle(weekly, '2026-W53')).toBe('2027-W01');
    expect(iso(dueAt(weekly, 'Europe/London', '2026-W53'))).toBe('2027-01-01T16:00:00.000Z');
  });

  it('explains an invalid schedule', () => {
    const result = checkInScheduleSchema.safeParse({ ...weekly, localTime: '25:00', timeZone: 'Nowhere/Land', reminderAfterHours: 0 });
    expect(result.success).toBe(false);
    const messages = result.success ? [] : result.error.issues.map((i) => i.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        'Give a time as HH:mm, e.g. 16:00',
        'Choose a time zone such as Europe/London',
        'Remind after 1 to 72 hours',
      ]),
    );
  });
});
