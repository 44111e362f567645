import { Text } from '@fluentui/react-components';
import type { CheckInSchedule } from '../api/dashboard-types.js';
import { formatCount, formatLocalTime, timeZoneLabel, weekdayName } from './dashboard-format.js';

/** The schedule in one or two sentences, e.g. "Every Friday at 4:00 PM, each person’s local time …". */
export function describeSchedule(schedule: CheckInSchedule, locale: string): string {
  const day = weekdayName(schedule.weekday, locale);
  const rhythm = schedule.cadence === 'weekly' ? `Every ${day}` : `Every other ${day}`;
  const hours = schedule.reminderAfterHours === 1 ? '1 hour' : `${formatCount(schedule.reminderAfterHours, locale)} hours`;
  return (
    `${rhythm} at ${formatLocalTime(schedule.localTime, locale)}, each person’s local time ` +
    `(team time zone ${timeZoneLabel(schedule.timeZone)}). One reminder after ${hours} to those who have not answered.`
  );
}

export function ScheduleSummary({ schedule, locale, isLead }: { schedule: CheckInSchedule | null; locale: string; isLead: boolean }) {
  if (!schedule) {
    return (
      <Text as="p" data-testid="schedule-summary">
        {isLead
          ? 'Check-ins are not set up yet. Choose when they go out below, or use the setup card the bot posted in the team’s channel.'
          : 'Check-ins are not set up yet. A team lead sets them up; until then nobody gets a scheduled check-in.'}
      </Text>
    );
  }
  return (
    <Text as="p" data-testid="schedule-summary">
      {describeSchedule(schedule, locale)}
    </Text>
  );
}
