import { DateTime } from 'luxon';
import { z } from 'zod';
import { checkInScheduleSchema, type CheckInSchedule } from './check-in-schedule.js';

export type TeamRole = 'lead' | 'member';

export interface TeamSettings {
  tenantId: string;
  teamId: string;
  name: string;
  /** Unset until a lead has set up check-ins. */
  schedule: CheckInSchedule | null;
  /** The channel learning shares are posted to. */
  sharesChannelId: string | null;
  updatedBy: string | null;
  updatedAt: string;
  /**
   * The Teams locale of what the bot posts in the team's channels (the welcome, learning shares):
   * the installer's at first, then that of the lead who last saved the check-in setup.
   */
  locale?: string;
}

export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

/** What a lead submits from the setup card or the tab; the anchor week is ours to set. */
export const scheduleSubmissionSchema = checkInScheduleSchema
  .omit({ anchorMonday: true })
  .extend({ sharesChannelId: z.string().min(1, 'Choose the channel for learning shares').max(200) });

export type ScheduleSubmission = z.infer<typeof scheduleSubmissionSchema>;
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

/** Time zones offered on the setup card; the tab accepts any IANA zone. */
export const COMMON_TIME_ZONES = [
  'Pacific/Honolulu',
  'America/Los_Angeles',
  'America/Denver',
  'America/Chicago',
  'America/New_York',
  'America/Sao_Paulo',
  'Europe/London',
  'Europe/Paris',
  'Europe/Berlin',
  'Europe/Helsinki',
  'Africa/Johannesburg',
  'Asia/Dubai',
  'Asia/Kolkata',
  'Asia/Singapore',
  'Asia/Tokyo',
  'Australia/Sydney',
  'Pacific/Auckland',
  'UTC',
] as const;
