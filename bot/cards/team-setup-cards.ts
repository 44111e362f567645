import type { CheckInSchedule } from '../domain/check-in-schedule.js';
import { COMMON_TIME_ZONES, WEEKDAYS, type ScheduleErrors, type ScheduleFields } from '../domain/team-settings.js';
import { adaptiveCard, type AdaptiveCard, type CardElement } from './card-types.js';
import { escapeMarkdown } from './markdown-escape.js';

export const TEAM_SETUP_OPEN_VERB = 'team.setup.open';
export const TEAM_SETUP_SUBMIT_VERB = 'team.setup.submit';

export interface ChannelChoice {
  id: string;
  name: string;
}

/** Posted in the channel when the app joins a team. */
export function welcomeCard({ teamName, installerName }: { teamName: string; installerName: string | undefined }): AdaptiveCard {
  return adaptiveCard(
    [
      { type: 'TextBlock', text: `Learning Loop is here for ${escapeMarkdown(teamName)}`, size: 'large', weight: 'bolder', wrap: true, style: 'heading' },
      {
        type: 'TextBlock',
        wrap: true,
        text: 'A one-minute check-in at the same time each week or fortnight: what you learned, what you took from it and what you will do with it. Leads see how the team is learning and who could use a follow-up.',
      },
      ...(installerName
        ? [{ type: 'TextBlock' as const, isSubtle: true, wrap: true, text: `${escapeMarkdown(installerName)} added the app and leads it here for now.` }]
        : []),
    ],
    [{ type: 'Action.Execute', id: 'setup', title: 'Set up check-ins', verb: TEAM_SETUP_OPEN_VERB, data: {} }],
  );
}

export interface SetupCardModel {
  channels: ChannelChoice[];
  /** The current settings, or the values a lead just submitted. */
  values?: Partial<Record<ScheduleFields, string>>;
  errors?: ScheduleErrors;
  notice?: string;
}

export function scheduleValues(schedule: CheckInSchedule | null, sharesChannelId: string | null): Partial<Record<ScheduleFields, string>> {
  if (!schedule) return sharesChannelId ? { sharesChannelId } : {};
  return {
    cadence: schedule.cadence,
    weekday: String(schedule.weekday),
    localTime: schedule.localTime,
    timeZone: schedule.timeZone,
    reminderAfterHours: String(schedule.reminderAfterHours),
    ...(sharesChannelId ? { sharesChannelId } : {}),
  };
}

export function teamSetupCard({ channels, values = {}, errors = {}, notice }: SetupCardModel): AdaptiveCard {
  const zones: string[] = [...COMMON_TIME_ZONES];
  if (values.timeZone && !zones.includes(values.timeZone)) zones.unshift(values.timeZone);
  const error = (field: ScheduleFields): CardElement[] =>
    errors[field] ? [{ type: 'TextBlock', text: escapeMarkdown(errors[field]), color: 'attention', size: 'small', spacing: 'none', wrap: true }] : [];
  const hours = values.reminderAfterHours && /^\d+$/.test(values.reminderAfterHours) ? Number(values.reminderAfterHours) : 24;

  return adaptiveCard(
    [
      { type: 'TextBlock', text: 'Set up check-ins', size: 'large', weight: 'bolder', wrap: true, style: 'heading' },
      {
        type: 'TextBlock',
        isSubtle: true,
        wrap: true,
        spacing: 'none',
        text: 'Everyone gets the check-in at this local time in their own time zone; the team’s zone is used until we know theirs.',
      },
      ...(notice ? [{ type: 'TextBlock' as const, text: escapeMarkdown(notice), color: 'attention' as const, weight: 'bolder' as const, wrap: true }] : []),
      {
        type: 'Input.ChoiceSet',
        id: 'cadence',
        label: 'How often',
        style: 'expanded',
        isRequired: true,
        errorMessage: 'Choose how often',
        value: values.cadence ?? 'weekly',
        choices: [
          { title: 'Every week', value: 'weekly' },
          { title: 'Every two weeks', value: 'biweekly' },
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
                label: 'Day',
                style: 'compact',
                isRequired: true,
                errorMessage: 'Choose a weekday',
                value: values.weekday ?? '5',
                choices: WEEKDAYS.map((d, i) => ({ title: d, value: String(i + 1) })),
              },
              ...error('weekday'),
            ],
          },
          {
            type: 'Column',
            width: 'stretch',
            items: [
              { type: 'Input.Time', id: 'localTime', label: 'Time', isRequired: true, errorMessage: 'Choose a time', value: values.localTime ?? '16:00' },
              ...error('localTime'),
            ],
          },
        ],
      },
      {
        type: 'Input.ChoiceSet',
        id: 'timeZone',
        label: 'Team time zone',
        style: 'compact',
        isRequired: true,
        errorMessage: 'Choose a time zone',
        value: values.timeZone ?? 'Europe/London',
        choices: zones.map((z) => ({ title: z.replace(/_/g, ' '), value: z })),
      },
      ...error('timeZone'),
      {
        type: 'Input.Number',
        id: 'reminderAfterHours',
        label: 'Remind those who have not answered after (hours)',
        min: 1,
        max: 72,
        value: hours,
      },
      ...error('reminderAfterHours'),
      {
        type: 'Input.ChoiceSet',
        id: 'sharesChannelId',
        label: 'Post learning shares in',
        style: 'compact',
        isRequired: true,
        errorMessage: 'Choose a channel',
        value: values.sharesChannelId ?? channels[0]?.id ?? '',
        choices: channels.map((c) => ({ title: c.name, value: c.id })),
      },
      ...error('sharesChannelId'),
    ],
    [{ type: 'Action.Execute', id: 'save-setup', title: 'Save', style: 'positive', verb: TEAM_SETUP_SUBMIT_VERB, associatedInputs: 'auto', data: {} }],
  );
}

export function teamSetupSavedCard({
  schedule,
  sharesChannelName,
  leadName,
}: {
  schedule: CheckInSchedule;
  sharesChannelName: string;
  leadName: string;
}): AdaptiveCard {
  const day = WEEKDAYS[schedule.weekday - 1] ?? 'Friday';
  const rhythm = schedule.cadence === 'weekly' ? `Every ${day}` : `Every other ${day}`;
  return adaptiveCard(
    [
      { type: 'TextBlock', text: 'Check-ins are set up', size: 'medium', weight: 'bolder', color: 'good', wrap: true },
      {
        type: 'FactSet',
        facts: [
          { title: 'When', value: `${rhythm} at ${schedule.localTime}, each person’s local time` },
          { title: 'Team time zone', value: schedule.timeZone.replace(/_/g, ' ') },
          { title: 'Reminder', value: `After ${schedule.reminderAfterHours} h, once, to those who have not answered` },
          { title: 'Learning shares', value: escapeMarkdown(sharesChannelName) },
        ],
      },
      { type: 'TextBlock', isSubtle: true, wrap: true, text: `Set by ${escapeMarkdown(leadName)}. Leads can change this at any time.` },
    ],
    [{ type: 'Action.Execute', id: 'change-setup', title: 'Change', verb: TEAM_SETUP_OPEN_VERB, data: {} }],
  );
}
