import { dateTimeFormat } from '../contract/i18n/intl-cache.js';
import type { CheckInSchedule } from '../contract/check-in-schedule.js';
import { COMMON_TIME_ZONES } from '../contract/team-settings.js';
import { ROUNDUP_HOUR } from '../domain/weekly-roundup.js';
import type { RoundupSetting } from '../contract/weekly-roundup.js';
import { WEEKDAYS, type ScheduleErrors, type ScheduleFields } from '../domain/team-settings.js';
import { adaptiveCard, type AdaptiveCard, type CardElement } from './card-types.js';
import { escapeMarkdown } from './markdown-escape.js';
import type { BotTranslator } from '../i18n/bot-messages.js';
import { formatTimeOfDay } from '../i18n/format.js';

export const TEAM_SETUP_OPEN_VERB = 'team.setup.open';
export const TEAM_SETUP_SUBMIT_VERB = 'team.setup.submit';

export interface ChannelChoice {
  id: string;
  name: string;
}

/** Posted in the channel when the app joins a team. */
export function welcomeCard(
  {
    teamName,
    installerName,
    needsOwner = false,
  }: {
    teamName: string;
    installerName: string | undefined;
    /** The installer does not own the team, so it has no lead until an owner sets it up. */
    needsOwner?: boolean;
  },
  t: BotTranslator,
): AdaptiveCard {
  return adaptiveCard(
    t,
    [
      {
        type: 'TextBlock',
        text: t.t('team.welcome.title', { team: escapeMarkdown(teamName) }),
        size: 'large',
        weight: 'bolder',
        wrap: true,
        style: 'heading',
      },
      {
        type: 'TextBlock',
        wrap: true,
        text: t.t('team.welcome.body'),
      },
      ...(installerName
        ? [
            {
              type: 'TextBlock' as const,
              isSubtle: true,
              wrap: true,
              text: t.t(needsOwner ? 'team.welcome.needsOwner' : 'team.welcome.installer', { name: escapeMarkdown(installerName) }),
            },
          ]
        : []),
    ],
    [{ type: 'Action.Execute', id: 'setup', title: t.t('team.welcome.setUp'), verb: TEAM_SETUP_OPEN_VERB, data: {} }],
  );
}

export interface SetupCardModel {
  channels: ChannelChoice[];
  /** The current settings, or the values a lead just submitted. */
  values?: Partial<Record<ScheduleFields, string>>;
  errors?: ScheduleErrors;
  notice?: string;
}

export function scheduleValues(
  schedule: CheckInSchedule | null,
  sharesChannelId: string | null,
  roundup?: RoundupSetting,
): Partial<Record<ScheduleFields, string>> {
  const round = roundup ? { roundupEnabled: String(roundup.enabled), roundupWeekday: String(roundup.weekday) } : {};
  if (!schedule) return { ...(sharesChannelId ? { sharesChannelId } : {}), ...round };
  return {
    ...round,
    cadence: schedule.cadence,
    weekday: String(schedule.weekday),
    localTime: schedule.localTime,
    timeZone: schedule.timeZone,
    reminderAfterHours: String(schedule.reminderAfterHours),
    ...(sharesChannelId ? { sharesChannelId } : {}),
  };
}

export function teamSetupCard({ channels, values = {}, errors = {}, notice }: SetupCardModel, t: BotTranslator): AdaptiveCard {
  const zones: string[] = [...COMMON_TIME_ZONES];
  if (values.timeZone && !zones.includes(values.timeZone)) zones.unshift(values.timeZone);
  const error = (field: ScheduleFields): CardElement[] =>
    errors[field]
      ? [{ type: 'TextBlock', text: escapeMarkdown(errors[field]), color: 'attention', size: 'small', spacing: 'none', wrap: true }]
      : [];
  const hours = values.reminderAfterHours && /^\d+$/.test(values.reminderAfterHours) ? Number(values.reminderAfterHours) : 24;

  return adaptiveCard(
    t,
    [
      { type: 'TextBlock', text: t.t('team.setup.title'), size: 'large', weight: 'bolder', wrap: true, style: 'heading' },
      {
        type: 'TextBlock',
        isSubtle: true,
        wrap: true,
        spacing: 'none',
        text: t.t('team.setup.intro'),
      },
      ...(notice
        ? [{ type: 'TextBlock' as const, text: escapeMarkdown(notice), color: 'attention' as const, weight: 'bolder' as const, wrap: true }]
        : []),
      {
        type: 'Input.ChoiceSet',
        id: 'cadence',
        label: t.t('team.setup.cadence'),
        style: 'expanded',
        isRequired: true,
        errorMessage: t.t('team.setup.cadenceRequired'),
        value: values.cadence ?? 'weekly',
        choices: [
          { title: t.t('team.setup.weekly'), value: 'weekly' },
          { title: t.t('team.setup.biweekly'), value: 'biweekly' },
        ],
      },
      ...error('cadence'),
      {
        type: 'ColumnSet',
        columns: [
          {
            type: 'Column',
            width: 'stretch',
            items: [
              {
                type: 'Input.ChoiceSet',
                id: 'weekday',
                label: t.t('team.setup.day'),
                style: 'compact',
                isRequired: true,
                errorMessage: t.t('team.setup.dayRequired'),
                value: values.weekday ?? '5',
                choices: WEEKDAYS.map((_, i) => ({ title: weekdayName(t, i + 1), value: String(i + 1) })),
              },
              ...error('weekday'),
            ],
          },
          {
            type: 'Column',
            width: 'stretch',
            items: [
              {
                type: 'Input.Time',
                id: 'localTime',
                label: t.t('team.setup.time'),
                isRequired: true,
                errorMessage: t.t('team.setup.timeRequired'),
                value: values.localTime ?? '16:00',
              },
              ...error('localTime'),
            ],
          },
        ],
      },
      {
        type: 'Input.ChoiceSet',
        id: 'timeZone',
        label: t.t('team.setup.zone'),
        style: 'compact',
        isRequired: true,
        errorMessage: t.t('team.setup.zoneRequired'),
        value: values.timeZone ?? 'Europe/London',
        choices: zones.map((z) => ({ title: z.replace(/_/g, ' '), value: z })),
      },
      ...error('timeZone'),
      {
        type: 'Input.Number',
        id: 'reminderAfterHours',
        label: t.t('team.setup.reminder'),
        min: 1,
        max: 72,
        value: hours,
      },
      ...error('reminderAfterHours'),
      {
        type: 'Input.ChoiceSet',
        id: 'sharesChannelId',
        label: t.t('team.setup.channel'),
        style: 'compact',
        isRequired: true,
        errorMessage: t.t('team.setup.channelRequired'),
        value: values.sharesChannelId ?? channels[0]?.id ?? '',
        choices: channels.map((c) => ({ title: c.name, value: c.id })),
      },
      ...error('sharesChannelId'),
      ...roundupInputs(values, error, t),
    ],
    [
      {
        type: 'Action.Execute',
        id: 'save-setup',
        title: t.t('common.save'),
        style: 'positive',
        verb: TEAM_SETUP_SUBMIT_VERB,
        associatedInputs: 'auto',
        data: {},
      },
    ],
  );
}

export function teamSetupSavedCard(
  {
    schedule,
    sharesChannelName,
    leadName,
    roundup,
  }: {
    schedule: CheckInSchedule;
    sharesChannelName: string;
    leadName: string;
    roundup: RoundupSetting;
  },
  t: BotTranslator,
): AdaptiveCard {
  const when = { day: weekdayName(t, schedule.weekday), time: formatTimeOfDay(t.formatting, schedule.localTime) };
  return adaptiveCard(
    t,
    [
      { type: 'TextBlock', text: t.t('team.saved.title'), size: 'medium', weight: 'bolder', color: 'good', wrap: true },
      {
        type: 'FactSet',
        facts: [
          { title: t.t('team.saved.when'), value: t.t(schedule.cadence === 'weekly' ? 'team.saved.weekly' : 'team.saved.biweekly', when) },
          { title: t.t('team.saved.zone'), value: schedule.timeZone.replace(/_/g, ' ') },
          { title: t.t('team.saved.reminder'), value: t.plural('team.saved.reminderValue', schedule.reminderAfterHours) },
          { title: t.t('team.saved.shares'), value: escapeMarkdown(sharesChannelName) },
          {
            title: t.t('team.saved.roundup'),
            value: roundup.enabled
              ? t.t('team.saved.roundupOn', { day: weekdayName(t, roundup.weekday), time: roundupTime(t) })
              : t.t('team.saved.roundupOff'),
          },
        ],
      },
      { type: 'TextBlock', isSubtle: true, wrap: true, text: t.t('team.saved.setBy', { name: escapeMarkdown(leadName) }) },
    ],
    [{ type: 'Action.Execute', id: 'change-setup', title: t.t('team.saved.change'), verb: TEAM_SETUP_OPEN_VERB, data: {} }],
  );
}

/** ISO weekday 1 (Monday) to 7 in the reader's language, from Intl: 2024-01-01 was a Monday. */
function weekdayName(t: BotTranslator, isoWeekday: number): string {
  return dateTimeFormat(t.formatting, { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, isoWeekday)));
}

/** The weekly round-up's switch and day: on and Friday unless the lead chose otherwise. */
function roundupInputs(
  values: Partial<Record<ScheduleFields, string>>,
  error: (field: ScheduleFields) => CardElement[],
  t: BotTranslator,
): CardElement[] {
  return [
    {
      type: 'Input.Toggle',
      id: 'roundupEnabled',
      title: t.t('team.setup.roundup'),
      value: values.roundupEnabled === 'false' ? 'false' : 'true',
      valueOn: 'true',
      valueOff: 'false',
      wrap: true,
    },
    ...error('roundupEnabled'),
    {
      type: 'Input.ChoiceSet',
      id: 'roundupWeekday',
      label: t.t('team.setup.roundupDay', { time: roundupTime(t) }),
      style: 'compact',
      value: values.roundupWeekday ?? '5',
      choices: WEEKDAYS.map((_, i) => ({ title: weekdayName(t, i + 1), value: String(i + 1) })),
    },
    ...error('roundupWeekday'),
  ];
}

function roundupTime(t: BotTranslator): string {
  return formatTimeOfDay(t.formatting, `${String(ROUNDUP_HOUR).padStart(2, '0')}:00`);
}
