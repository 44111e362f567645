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
