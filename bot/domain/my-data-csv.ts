import type { CsvValue } from '../contract/csv-cell.js';
import type { MyDataExport } from './my-data.js';

export const MY_ENTRIES_CSV_COLUMNS = [
  'id',
  'created_at',
  'what',
  'source_type',
  'link',
  'minutes',
  'rating',
  'insight',
  'action',
  'result',
  'visibility',
] as const;

/**
 * One of the learner's entries as a CSV row (the download is streamed, a row at a time), with
 * the cells' escaping: nothing they typed can become a spreadsheet formula or break a row.
 */
export function myEntryRow(e: MyDataExport['entries'][number]): CsvValue[] {
  return [e.id, e.createdAt, e.what, e.sourceType, e.link, e.minutes, e.rating, e.insight, e.action, e.result, e.visibility];
}
