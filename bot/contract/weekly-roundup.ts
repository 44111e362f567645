import { z } from 'zod';

/** Whether a team's learning channel gets the weekly round-up, and on which day. */
export interface RoundupSetting {
  enabled: boolean;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
}

/** A team that never chose gets the round-up on Fridays. */
export const DEFAULT_ROUNDUP: RoundupSetting = { enabled: true, weekday: 5 };

/** The round-up a team's settings stand for: what a lead chose, or the default. */
export function roundupSettingOf(settings: { roundup?: RoundupSetting | undefined }): RoundupSetting {
  return settings.roundup ?? DEFAULT_ROUNDUP;
}

/**
 * The round-up's fields of a settings submission. Both may be left out (the team keeps what it
 * has); the setup card sends text ("true", "5"), the tab booleans and numbers.
 */
export const roundupSubmissionFields = {
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
