import { DateTime, IANAZone } from 'luxon';
import { z } from 'zod';

/**
 * A team's check-in rhythm. Times are wall-clock times in the learner's own zone (the team's
 * zone when the learner's is unknown), so "Friday 16:00" means 16:00 wherever each person is.
 */
export interface CheckInSchedule {
  cadence: 'weekly' | 'biweekly';
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** 24-hour "HH:mm". */
  localTime: string;
  timeZone: string;
  reminderAfterHours: number;
  /** Fortnightly cycles pair weeks counting from this Monday (ISO date). */
  anchorMonday: string;
}

/** How many hours after a check-in its reminder may come. */
export const REMINDER_AFTER_HOURS = { min: 1, max: 72 } as const;

export const checkInScheduleSchema = z.object({
  cadence: z.enum(['weekly', 'biweekly'], 'Choose weekly or every two weeks'),
  weekday: z.coerce.number().int().min(1, 'Choose a weekday').max(7, 'Choose a weekday'),
  localTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Give a time as HH:mm, e.g. 16:00'),
  timeZone: z.string().refine((tz) => IANAZone.isValidZone(tz), 'Choose a time zone such as Europe/London'),
  reminderAfterHours: z.coerce
    .number()
    .int()
    .min(REMINDER_AFTER_HOURS.min, 'Remind after 1 to 72 hours')
    .max(REMINDER_AFTER_HOURS.max, 'Remind after 1 to 72 hours'),
  anchorMonday: z
    .string()
    .refine((d) => DateTime.fromISO(d, { zone: 'utc' }).isValid && DateTime.fromISO(d).weekday === 1, 'must be a Monday'),
});
