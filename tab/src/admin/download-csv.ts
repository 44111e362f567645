import type { ReportRow } from '../api/report-types.js';
import { reportCsv } from '../../../bot/contract/report-csv.js';
import { saveFile } from '../components/save-file.js';

/**
 * Saves the report on screen as the same CSV the service's `/admin/report.csv` writes (one
 * function makes both). Made here from the rows already loaded: a download link cannot carry the
 * Teams sign-in token, and the figures the admin saves are then exactly those they were reading.
 */
export function downloadReportCsv(rows: readonly ReportRow[], fileName: string, doc: Document = document): void {
  // A byte-order mark, so spreadsheet programs read names in any script as UTF-8.
  saveFile(['\uFEFF', reportCsv(rows)], fileName, 'text/csv;charset=utf-8', doc);
}
