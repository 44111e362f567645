import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { PARTICIPATION_SERIES, type ChartData } from './chart-data.js';
import { formatCount } from './dashboard-format.js';

const useStyles = makeStyles({
  scroll: { overflowX: 'auto' },
  table: {
    borderCollapse: 'collapse',
    minWidth: '320px',
    '& caption': { textAlign: 'start', fontWeight: tokens.fontWeightSemibold, paddingBlockEnd: tokens.spacingVerticalS },
    '& th, & td': {
      padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    },
    '& th[scope="col"]': { textAlign: 'end' },
    '& th[scope="col"]:first-child, & th[scope="row"]': { textAlign: 'start', fontWeight: tokens.fontWeightRegular },
    '& td': { textAlign: 'end', fontVariantNumeric: 'tabular-nums' },
  },
});

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

interface Row {
  key: string;
  header: ReactNode;
  cells: ReactNode[];
}

function DataTable({ caption, columns, rows }: { caption: string; columns: string[]; rows: Row[] }) {
  const styles = useStyles();
  return (
    <div className={styles.scroll}>
      <table className={styles.table}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.header}</th>
              {r.cells.map((cell, i) => (
                <td key={columns[i + 1] ?? i}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
