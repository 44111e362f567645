import { z } from 'zod';
import { checkInScheduleSchema, type CheckInSchedule } from './check-in-schedule.js';
import type { RoundupSetting } from './weekly-roundup.js';

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
  /** The weekly round-up in the learning channel; absent until a lead chooses (contract/weekly-roundup.ts: on, Fridays). */
  roundup?: RoundupSetting;
}

/**
 * The round-up's fields of a settings submission. Both may be left out (the team keeps what it
 * has); the setup card sends text ("true", "5"), the tab booleans and numbers.
 */
const roundupSubmissionFields = {
  roundupEnabled: z
    .union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')], 'Say whether the weekly round-up is on (true or false)')
    .optional(),
  roundupWeekday: z.coerce
    .number<unknown>()
    .int('Choose a day for the weekly round-up')
    .min(1, 'Choose a day for the weekly round-up')
    .max(7, 'Choose a day for the weekly round-up')
    .optional(),
};

/** What a lead submits from the setup card or the tab; the anchor week is ours to set. */
export const scheduleSubmissionSchema = checkInScheduleSchema
  .omit({ anchorMonday: true })
  .extend({ sharesChannelId: z.string().min(1, 'Choose the channel for learning shares').max(200), ...roundupSubmissionFields });

export type ScheduleSubmission = z.infer<typeof scheduleSubmissionSchema>;

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
