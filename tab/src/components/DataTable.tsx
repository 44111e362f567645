import { makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  scroll: {
    overflowX: 'auto',
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: tokens.strokeWidthThin },
  },
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

export interface DataTableRow {
  key: string;
  header: ReactNode;
  cells: ReactNode[];
}

/** Figures as a real table: a caption, a header row, and each row's first cell its header. */
export function DataTable({
  caption,
  columns,
  rows,
  testId,
}: {
  caption: string;
  columns: string[];
  rows: DataTableRow[];
  testId?: string;
}) {
  const styles = useStyles();
  return (
    <TableScroller label={caption}>
      <table className={styles.table} data-testid={testId}>
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
    </TableScroller>
  );
}

/**
 * The box a wide table scrolls in on a phone, so the page itself never scrolls sideways. Keyboard
 * users reach it with Tab and scroll it with the arrow keys; it is named after the table.
 */
export function TableScroller({ label, children }: { label: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <div className={styles.scroll} role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
