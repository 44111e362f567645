import { Accordion, AccordionHeader, AccordionItem, AccordionPanel } from '@fluentui/react-components';
import { DataTable } from '../components/DataTable.js';
import { PARTICIPATION_SERIES, type ChartData } from './chart-data.js';
import { formatCount } from './dashboard-format.js';

/**
 * Every chart's numbers as real tables, for screen readers, keyboard users and anyone who wants
 * exact figures. Folded away by default so the page stays short.
 */
export function ChartTables({ data, locale }: { data: ChartData; locale: string }) {
  const count = (n: number) => formatCount(n, locale);
  return (
    <Accordion collapsible multiple data-testid="chart-tables">
      <AccordionItem value="weeks">
        <AccordionHeader as="h3">Show participation and minutes by week as a table</AccordionHeader>
        <AccordionPanel>
          <DataTable
            caption="Check-ins and minutes of learning by week"
            columns={['Week starting', ...PARTICIPATION_SERIES.map((s) => s.label), 'Minutes']}
            rows={data.weeks.map((w) => ({
              key: w.week,
              header: w.label,
              cells: [...PARTICIPATION_SERIES.map((s) => count(w[s.key])), count(w.minutes)],
            }))}
          />
        </AccordionPanel>
      </AccordionItem>
      <AccordionItem value="sources">
        <AccordionHeader as="h3">Show kinds of source as a table</AccordionHeader>
        <AccordionPanel>
          {data.sources.length === 0 ? (
            <p>No entries in this period.</p>
          ) : (
            <DataTable
              caption="Entries by kind of source, most first"
              columns={['Kind of source', 'Entries']}
              rows={data.sources.map((s) => ({ key: s.label, header: s.label, cells: [count(s.entries)] }))}
            />
          )}
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}
