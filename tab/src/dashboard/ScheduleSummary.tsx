import { Text } from '@fluentui/react-components';
import type { CheckInSchedule } from '../api/dashboard-types.js';
import { useT, type TabTranslator } from '../i18n/i18n-context.js';
import { teamEnglish } from '../i18n/team-messages.js';
import { formatLocalTime, timeZoneLabel, weekdayName } from './dashboard-format.js';

/** The schedule in one or two sentences, e.g. "Every Friday at 4:00 PM, each person’s local time …". */
export function describeSchedule(
  schedule: CheckInSchedule,
  locale: string,
  { t, plural }: Pick<TabTranslator, 't' | 'plural'> = teamEnglish,
): string {
  const values = {
    day: weekdayName(schedule.weekday, locale),
    time: formatLocalTime(schedule.localTime, locale),
    zone: timeZoneLabel(schedule.timeZone),
    hours: plural('schedule.hours', schedule.reminderAfterHours),
  };
  return schedule.cadence === 'weekly' ? t('schedule.weekly', values) : t('schedule.biweekly', values);
}

export function ScheduleSummary({ schedule, locale, isLead }: { schedule: CheckInSchedule | null; locale: string; isLead: boolean }) {
  const i18n = useT();
  if (!schedule) {
    return (
      <Text as="p" data-testid="schedule-summary">
        {isLead ? i18n.t('schedule.notSetLead') : i18n.t('schedule.notSetMember')}
      </Text>
    );
  }
  return (
    <Text as="p" data-testid="schedule-summary">
      {describeSchedule(schedule, locale, i18n)}
    </Text>
  );
}
