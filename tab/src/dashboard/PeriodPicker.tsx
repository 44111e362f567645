import { Tab, TabList, makeStyles } from '@fluentui/react-components';
import { DASHBOARD_PERIODS, type DashboardPeriod } from '../api/dashboard-types.js';
import { useT } from '../i18n/i18n-context.js';

/** The id of a period's tab, so the panel it controls can be labelled by it. */
export const periodTabId = (period: DashboardPeriod) => `dashboard-period-${period}`;
export const PERIOD_PANEL_ID = 'dashboard-period-panel';

// On a phone the four periods wrap to a second line rather than push the page sideways.
const useStyles = makeStyles({ list: { flexWrap: 'wrap', minWidth: 0, maxWidth: '100%' } });

interface Props {
  value: DashboardPeriod;
  onChange(period: DashboardPeriod): void;
}

/** Arrow keys move between periods; Enter or Space shows one (each is a fetch, so focus alone does not). */
export function PeriodPicker({ value, onChange }: Props) {
  const { t, plural } = useT();
  const styles = useStyles();
  return (
    <TabList
      className={styles.list}
      aria-label={t('period.label')}
      selectedValue={String(value)}
      onTabSelect={(_event, data) => {
        const period = DASHBOARD_PERIODS.find((p) => String(p) === data.value);
        if (period) onChange(period);
      }}
      data-testid="period-picker"
    >
      {DASHBOARD_PERIODS.map((period) => (
        <Tab key={period} value={String(period)} id={periodTabId(period)} aria-controls={PERIOD_PANEL_ID}>
          {plural('period.weeks', period)}
        </Tab>
      ))}
    </TabList>
  );
}
