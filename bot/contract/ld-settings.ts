import { z } from 'zod';
import { FOLLOW_UP_EXPECTED_DAYS } from './follow-up-rules.js';
import type { CheckInSchedule } from './check-in-schedule.js';

/**
 * What L&D asks of leaders, per tenant: how soon a follow-up is expected, the check-in cadence
 * new teams start with, and the response rate below which the report flags a team.
 */

export const LD_FOLLOW_UP_DAYS_MIN = 1;
export const LD_FOLLOW_UP_DAYS_MAX = 30;
/** A team answering fewer than half its check-ins is flagged unless L&D says otherwise. */
export const LD_FLAG_RESPONSE_BELOW_DEFAULT = 50;

export type Cadence = CheckInSchedule['cadence'];

export interface LdSettings {
  /** A follow-up is expected within this many days; longer and its leads are reminded. */
  followUpDays: number;
  /** The cadence a team's setup starts from before a lead has chosen one. */
  defaultCadence: Cadence;
  /** Percent (0–100): a team whose check-in response rate is below it is flagged in the report. */
  flagResponseBelow: number;
}

export const DEFAULT_LD_SETTINGS: LdSettings = {
  followUpDays: FOLLOW_UP_EXPECTED_DAYS,
  defaultCadence: 'weekly',
  flagResponseBelow: LD_FLAG_RESPONSE_BELOW_DEFAULT,
};

/** PUT /admin/settings: every setting, each checked and named when refused. */
export const ldSettingsBody = z.strictObject({
  followUpDays: z
    .number('Give a number of days')
    .int('Give a whole number of days')
    .min(LD_FOLLOW_UP_DAYS_MIN, `Give ${LD_FOLLOW_UP_DAYS_MIN} to ${LD_FOLLOW_UP_DAYS_MAX} days`)
    .max(LD_FOLLOW_UP_DAYS_MAX, `Give ${LD_FOLLOW_UP_DAYS_MIN} to ${LD_FOLLOW_UP_DAYS_MAX} days`),
  defaultCadence: z.enum(['weekly', 'biweekly'], 'Choose weekly or every two weeks'),
  flagResponseBelow: z
    .number('Give a percentage')
    .int('Give a whole percentage')
    .min(0, 'Give a percentage from 0 to 100')
    .max(100, 'Give a percentage from 0 to 100'),
});

/** One L&D admin: named in the app (removable) or by the deployment's configuration (not). */
export interface LdAdmin {
  userId: string;
  displayName: string | null;
  configured: boolean;
}

/** GET and PUT /admin/settings. `updatedAt` is null while the defaults stand. */
export interface LdSettingsResponse {
  settings: LdSettings;
  updatedAt: string | null;
  admins: LdAdmin[];
}

/** Someone the app knows in the tenant, as the people picker offers them. */
export interface KnownPerson {
  userId: string;
  displayName: string;
}

/** GET /admin/people?name=… */
export interface PeopleSearchResponse {
  people: KnownPerson[];
}

export const PEOPLE_SEARCH_MAX = 10;
