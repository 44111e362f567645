import { DateTime } from 'luxon';
import type { CheckInSchedule } from '../contract/check-in-schedule.js';
import { scheduleSubmissionSchema } from '../contract/team-settings.js';
import type { RoundupSetting } from '../contract/weekly-roundup.js';

export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

export type ScheduleFields =
  'cadence' | 'weekday' | 'localTime' | 'timeZone' | 'reminderAfterHours' | 'sharesChannelId' | 'roundupEnabled' | 'roundupWeekday';
export type ScheduleErrors = Partial<Record<ScheduleFields, string>>;

export function validateScheduleSubmission(
  data: unknown,
  now: Date,
):
  | { ok: true; schedule: CheckInSchedule; sharesChannelId: string; roundup: Partial<RoundupSetting> }
  | { ok: false; errors: ScheduleErrors } {
  // Anything but an object is read as an empty form, so each missing answer is named where it belongs.
  const parsed = scheduleSubmissionSchema.safeParse(typeof data === 'object' && data !== null && !Array.isArray(data) ? data : {});
  if (!parsed.success) {
    const errors: ScheduleErrors = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as ScheduleFields | undefined;
      if (field && !errors[field]) errors[field] = issue.message;
    }
    return { ok: false, errors };
  }
  const { sharesChannelId, roundupEnabled, roundupWeekday, ...rest } = parsed.data;
  // Fortnightly cycles count from the week the schedule was set.
  const anchorMonday = DateTime.fromJSDate(now, { zone: rest.timeZone }).startOf('week').toISODate() ?? '';
  // The round-up's fields left out keep what the team has (services/weekly-roundups.ts).
  const roundup: Partial<RoundupSetting> = {
    ...(roundupEnabled !== undefined ? { enabled: roundupEnabled } : {}),
    ...(roundupWeekday !== undefined ? { weekday: roundupWeekday } : {}),
  };
  return { ok: true, schedule: { ...rest, anchorMonday }, sharesChannelId, roundup };
}
