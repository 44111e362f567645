import { csvDocument } from './csv-cell.js';
import type { MyDataExport } from './my-data.js';

export const MY_ENTRIES_CSV_COLUMNS = ['id', 'created_at', 'what', 'source_type', 'link', 'minutes', 'rating', 'insight', 'action', 'result', 'visibility'] as const;

/**
 * The learner's entries as CSV, one row each in the export's order (newest first), with the
 * report's escaping: nothing they typed can become a spreadsheet formula or break a row.
 */
export function myEntriesCsv(entries: MyDataExport['entries']): string {
  return csvDocument(
    MY_ENTRIES_CSV_COLUMNS,
    entries.map((e) => [e.id, e.createdAt, e.what, e.sourceType, e.link, e.minutes, e.rating, e.insight, e.action, e.result, e.visibility]),
  );
}
