import { DateTime } from 'luxon';
import type { CheckInSchedule } from '../contract/check-in-schedule.js';
import { scheduleSubmissionSchema } from '../contract/team-settings.js';

export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

export type ScheduleFields = 'cadence' | 'weekday' | 'localTime' | 'timeZone' | 'reminderAfterHours' | 'sharesChannelId';
export type ScheduleErrors = Partial<Record<ScheduleFields, string>>;

export function validateScheduleSubmission(
  data: unknown,
  now: Date,
): { ok: true; schedule: CheckInSchedule; sharesChannelId: string } | { ok: false; errors: ScheduleErrors } {
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
  const { sharesChannelId, ...rest } = parsed.data;
  // Fortnightly cycles count from the week the schedule was set.
  const anchorMonday = DateTime.fromJSDate(now, { zone: rest.timeZone }).startOf('week').toISODate() ?? '';
  return { ok: true, schedule: { ...rest, anchorMonday }, sharesChannelId };
}
