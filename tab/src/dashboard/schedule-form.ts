import type { CheckInSchedule } from '../api/dashboard-types.js';
import { DEFAULT_LD_SETTINGS } from '../../../bot/contract/ld-settings.js';
import { DEFAULT_ROUNDUP, type RoundupSetting } from '../../../bot/contract/weekly-roundup.js';
import { ApiFailure } from '../api/api-client.js';
import { fieldProblemsOf } from '../api/error-details.js';

/** The form's fields as the inputs hold them: strings, so whatever the lead typed stays on screen. */
export interface ScheduleValues {
  cadence: string;
  weekday: string;
  localTime: string;
  timeZone: string;
  reminderAfterHours: string;
  /** The weekly round-up: "true" or "false", and its ISO weekday. */
  roundupEnabled: string;
  roundupWeekday: string;
}

/** The reminder's hours the service accepts, for the field's bounds and its hint. */
export const REMINDER_HOURS = { min: 1, max: 72 } as const;
/** When the weekly round-up is posted, team time (the service's ROUNDUP_HOUR in bot/domain/weekly-roundup.ts). */
export const ROUNDUP_TIME = '15:00';

export type ScheduleField = keyof ScheduleValues | 'sharesChannelId';
export type FieldErrors = Partial<Record<ScheduleField, string>>;

const FIELDS: readonly ScheduleField[] = [
  'cadence',
  'weekday',
  'localTime',
  'timeZone',
  'reminderAfterHours',
  'sharesChannelId',
  'roundupEnabled',
  'roundupWeekday',
];

/**
 * The setup card's defaults: the cadence L&D set for new teams (weekly until L&D chooses), Friday
 * 16:00, a reminder a day later; the round-up on, on Fridays.
 */
export function initialValues(
  schedule: CheckInSchedule | null,
  browserZone: string | undefined,
  roundup: RoundupSetting = DEFAULT_ROUNDUP,
  defaultCadence: CheckInSchedule['cadence'] = DEFAULT_LD_SETTINGS.defaultCadence,
): ScheduleValues {
  const round = { roundupEnabled: String(roundup.enabled), roundupWeekday: String(roundup.weekday) };
  if (schedule) {
    return {
      ...round,
      cadence: schedule.cadence,
      weekday: String(schedule.weekday),
      localTime: schedule.localTime,
      timeZone: schedule.timeZone,
      reminderAfterHours: String(schedule.reminderAfterHours),
    };
  }
  return {
    cadence: defaultCadence,
    weekday: '5',
    localTime: '16:00',
    timeZone: browserZone ?? 'Europe/London',
    reminderAfterHours: '24',
    ...round,
  };
}

/**
 * Where learning shares go at first: the saved channel, or the channel the tab sits in. The lead
 * then picks from the team's channels once the service has listed them.
 */
export function sharesChannelFor(saved: string | null, tabChannelId: string | undefined): string | undefined {
  return saved ?? tabChannelId;
}

/**
 * The channels to offer: the team's, and the one chosen now if it is not among them (a team set
 * up before the service kept its channels keeps its choice), unnamed for the form to name.
 */
export function channelChoices(
  channels: readonly { id: string; name: string }[],
  chosen: string | undefined,
): { id: string; name: string | undefined }[] {
  return chosen && !channels.some((c) => c.id === chosen) ? [{ id: chosen, name: undefined }, ...channels] : [...channels];
}

/** What the service takes: numbers as numbers when they are numbers, anything else as typed so the rules can name it. */
export function submissionOf(values: ScheduleValues, sharesChannelId: string) {
  const asNumber = (text: string) => (/^\s*\d+\s*$/.test(text) ? Number(text) : text);
  return {
    cadence: values.cadence,
    weekday: asNumber(values.weekday),
    localTime: values.localTime,
    timeZone: values.timeZone,
    reminderAfterHours: asNumber(values.reminderAfterHours),
    sharesChannelId,
    roundupEnabled: values.roundupEnabled === 'true',
    roundupWeekday: asNumber(values.roundupWeekday),
  };
}

/** The first problem per field, from the shared rules' issues (zod's `{ path, message }`). */
export function errorsFromIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = issue.path[0];
    if (isField(field) && !errors[field]) errors[field] = issue.message;
  }
  return errors;
}

/** A 400 from the service names the fields at fault; anything else is not about a field. */
export function errorsFromFailure(error: unknown): FieldErrors | undefined {
  if (!(error instanceof ApiFailure) || error.status !== 400) return undefined;
  const errors: FieldErrors = {};
  for (const [field, message] of Object.entries(fieldProblemsOf(error))) {
    if (isField(field)) errors[field] = message;
  }
  return Object.keys(errors).length > 0 ? errors : undefined;
}

function isField(field: unknown): field is ScheduleField {
  return typeof field === 'string' && (FIELDS as readonly string[]).includes(field);
}

/** All IANA zones the browser knows, the common ones first; the saved zone is kept even if unknown here. */
export function zoneChoices(
  common: readonly string[],
  current: string,
  all: readonly string[] = supportedZones(),
): { common: string[]; other: string[] } {
  const commonList = [...common];
  if (current && !commonList.includes(current) && !all.includes(current)) commonList.unshift(current);
  return { common: commonList, other: all.filter((z) => !commonList.includes(z)) };
}

function supportedZones(): string[] {
  // Older engines lack supportedValuesOf; the common list is then all there is.
  const intl = Intl as typeof Intl & { supportedValuesOf?: (key: 'timeZone') => string[] };
  try {
    return intl.supportedValuesOf?.('timeZone') ?? [];
  } catch {
    return [];
  }
}
