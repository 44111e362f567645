import { describe, expect, it } from 'vitest';
import { scheduleSubmissionSchema } from '../../../bot/contract/team-settings.js';
import { ApiFailure } from '../api/api-client.js';
import {
  channelChoices,
  errorsFromFailure,
  errorsFromIssues,
  initialValues,
  REMINDER_HOURS,
  sharesChannelFor,
  submissionOf,
  zoneChoices,
} from './schedule-form.js';

describe('the schedule form’s rules', () => {
  it('starts from the saved schedule, or from the setup card’s defaults in the browser’s zone', () => {
    expect(
      initialValues(
        { cadence: 'biweekly', weekday: 2, localTime: '09:30', timeZone: 'Asia/Tokyo', reminderAfterHours: 4, anchorMonday: '2026-09-07' },
        'UTC',
      ),
    ).toEqual({
      cadence: 'biweekly',
      weekday: '2',
      localTime: '09:30',
      timeZone: 'Asia/Tokyo',
      reminderAfterHours: '4',
      roundupEnabled: 'true',
      roundupWeekday: '5',
    });
    expect(initialValues(null, 'America/Chicago')).toEqual({
      cadence: 'weekly',
      weekday: '5',
      localTime: '16:00',
      timeZone: 'America/Chicago',
      reminderAfterHours: '24',
      roundupEnabled: 'true',
      roundupWeekday: '5',
    });
  });

  it('starts a team never set up from the cadence L&D set for new teams, and a set-up team from its own', () => {
    expect(initialValues(null, 'UTC', undefined, 'biweekly').cadence).toBe('biweekly');
    const own = {
      cadence: 'weekly',
      weekday: 2,
      localTime: '09:30',
      timeZone: 'UTC',
      reminderAfterHours: 4,
      anchorMonday: '2026-09-07',
    } as const;
    expect(initialValues(own, 'UTC', undefined, 'biweekly').cadence).toBe('weekly');
  });

  it('starts the weekly round-up from what the lead chose, and sends it as a switch and a day', () => {
    const values = initialValues(null, 'UTC', { enabled: false, weekday: 2 });
    expect(values).toMatchObject({ roundupEnabled: 'false', roundupWeekday: '2' });
    expect(submissionOf({ ...values, roundupEnabled: 'true' }, '19:c')).toMatchObject({ roundupEnabled: true, roundupWeekday: 2 });
    expect(submissionOf(values, '19:c')).toMatchObject({ roundupEnabled: false, roundupWeekday: 2 });
  });

  it('keeps the saved shares channel, else takes the tab’s', () => {
    expect(sharesChannelFor('19:saved', '19:tab')).toBe('19:saved');
    expect(sharesChannelFor(null, '19:tab')).toBe('19:tab');
    expect(sharesChannelFor(null, undefined)).toBeUndefined();
  });

  it('offers the team’s channels, and the one chosen now first if it is not among them', () => {
    const team = [
      { id: '19:team', name: 'General' },
      { id: '19:c', name: 'Book club' },
    ];
    expect(channelChoices(team, '19:c')).toEqual(team);
    expect(channelChoices(team, undefined)).toEqual(team);
    expect(channelChoices(team, '19:before')).toEqual([{ id: '19:before', name: undefined }, ...team]);
  });

  it('bounds the reminder by the hours the service accepts', () => {
    const accepts = (hours: number) =>
      scheduleSubmissionSchema.safeParse({ ...submissionOf(initialValues(null, 'UTC'), '19:c'), reminderAfterHours: hours }).success;
    expect([REMINDER_HOURS.min - 1, REMINDER_HOURS.min, REMINDER_HOURS.max, REMINDER_HOURS.max + 1].map(accepts)).toEqual([
      false,
      true,
      true,
      false,
    ]);
  });

  it('sends whole numbers as numbers and anything else as typed, so the rules can name it', () => {
    const values = {
      cadence: 'weekly',
      weekday: '3',
      localTime: '08:00',
      timeZone: 'UTC',
      reminderAfterHours: '1.5',
      roundupEnabled: 'true',
      roundupWeekday: '5',
    };
    expect(submissionOf(values, '19:c')).toEqual({
      cadence: 'weekly',
      weekday: 3,
      localTime: '08:00',
      timeZone: 'UTC',
      reminderAfterHours: '1.5',
      sharesChannelId: '19:c',
      roundupEnabled: true,
      roundupWeekday: 5,
    });
  });

  it('takes the first problem per field from rule issues and from a 400’s details', () => {
    expect(
      errorsFromIssues([
        { path: ['localTime'], message: 'Give a time as HH:mm, e.g. 16:00' },
        { path: ['localTime'], message: 'second' },
        { path: ['unknown'], message: 'ignored' },
      ]),
    ).toEqual({ localTime: 'Give a time as HH:mm, e.g. 16:00' });
    expect(
      errorsFromFailure(
        new ApiFailure(400, 'Invalid settings', 'invalid_settings', [
          { field: 'weekday', message: 'Choose a weekday' },
          { field: 'other', message: 'x' },
        ]),
      ),
    ).toEqual({
      weekday: 'Choose a weekday',
    });
    expect(errorsFromFailure(new ApiFailure(403, 'Only leads'))).toBeUndefined();
    expect(errorsFromFailure(new Error('offline'))).toBeUndefined();
  });

  it('offers the common zones first, then the rest, and keeps a saved zone the browser does not list', () => {
    const zones = zoneChoices(['UTC', 'Europe/London'], 'Europe/London', ['Europe/London', 'Europe/Paris']);
    expect(zones).toEqual({ common: ['UTC', 'Europe/London'], other: ['Europe/Paris'] });
    expect(zoneChoices(['UTC'], 'Antarctica/Troll', ['Europe/Paris']).common).toEqual(['Antarctica/Troll', 'UTC']);
  });
});
