import { describe, expect, it } from 'vitest';
import { validateScheduleSubmission } from './team-settings.js';

describe('validateScheduleSubmission', () => {
  it('reads anything but an object as an empty form, naming each missing answer', () => {
    for (const data of [undefined, null, 'weekly', 5, true, ['weekly']]) {
      const result = validateScheduleSubmission(data, new Date('2026-11-27T12:00:00Z'));
      expect(result.ok).toBe(false);
      if (!result.ok)
        expect(Object.keys(result.errors).sort()).toEqual([
          'cadence',
          'localTime',
          'reminderAfterHours',
          'sharesChannelId',
          'timeZone',
          'weekday',
        ]);
    }
  });
});
