import { describe, expect, it } from 'vitest';
import { formatAverageRating, formatLocalTime, formatPercent, formatWeekStart, timeZoneLabel, weekdayName } from './dashboard-format.js';
import { describeSchedule } from './ScheduleSummary.js';

// Some ICU versions put a narrow no-break space before AM/PM; the words are what matter here.
const plain = (text: string) => text.replace(/\s/g, ' ');

describe('dashboard formatting', () => {
  it('writes figures, days and times the way the locale does', () => {
    expect(formatPercent(0.714, 'en-US')).toBe('71%');
    expect(formatAverageRating(3.75, 'de-DE')).toBe('3,8 / 5');
    expect(weekdayName(5, 'fr-FR')).toBe('vendredi');
    expect(weekdayName(7, 'en-US')).toBe('Sunday');
    expect(plain(formatLocalTime('16:00', 'en-US'))).toBe('4:00 PM');
    expect(formatLocalTime('16:00', 'en-GB')).toBe('16:00');
    expect(formatWeekStart('2026-11-23', 'en-US')).toBe('Nov 23');
    expect(timeZoneLabel('America/New_York')).toBe('America/New York');
  });

  it('says the schedule in a sentence', () => {
    const schedule = {
      cadence: 'biweekly' as const,
      weekday: 1,
      localTime: '09:00',
      timeZone: 'America/New_York',
      reminderAfterHours: 1,
      anchorMonday: '2026-09-07',
    };
    expect(plain(describeSchedule(schedule, 'en-US'))).toBe(
      'Every other Monday at 9:00 AM, each person’s local time (team time zone America/New York). One reminder after 1 hour to those who have not answered.',
    );
  });
});
