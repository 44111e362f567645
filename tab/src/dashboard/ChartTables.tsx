import { Accordion, AccordionHeader, AccordionItem, AccordionPanel } from '@fluentui/react-components';
import { DataTable } from '../components/DataTable.js';
import { PARTICIPATION_SERIES, type ChartData } from './chart-data.js';
import { formatCount } from './dashboard-format.js';
import { useT } from '../i18n/i18n-context.js';

/**
 * Every chart's numbers as real tables, for screen readers, keyboard users and anyone who wants
 * exact figures. Folded away by default so the page stays short.
 */
export function ChartTables({ data, locale }: { data: ChartData; locale: string }) {
  const count = (n: number) => formatCount(n, locale);
  const { t } = useT();
  return (
    <Accordion collapsible multiple data-testid="chart-tables">
      <AccordionItem value="weeks">
        <AccordionHeader as="h3">{t('charts.participationTable')}</AccordionHeader>
        <AccordionPanel>
          <DataTable
            caption="Check-ins and minutes of learning by week"
            columns={[t('charts.weekStarting'), ...PARTICIPATION_SERIES.map((s) => t(s.label)), t('charts.minutesLegend')]}
            rows={data.weeks.map((w) => ({
              key: w.week,
              header: w.label,
              cells: [...PARTICIPATION_SERIES.map((s) => count(w[s.key])), count(w.minutes)],
            }))}
          />
        </AccordionPanel>
      </AccordionItem>
      <AccordionItem value="sources">
        <AccordionHeader as="h3">{t('charts.sourcesTable')}</AccordionHeader>
        <AccordionPanel>
          {data.sources.length === 0 ? (
            <p>{t('charts.noEntries')}</p>
          ) : (
            <DataTable
              caption="Entries by kind of source, most first"
              columns={[t('entryForm.sourceLabel'), t('tiles.entries')]}
              rows={data.sources.map((s) => ({ key: s.label, header: s.label, cells: [count(s.entries)] }))}
            />
          )}
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}
