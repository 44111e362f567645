/**
 * One CSV cell (RFC 4180), safe to open in a spreadsheet: text that a spreadsheet would read as a
 * formula (`=`, `+`, `-`, `@`, tab or carriage return first) is kept as text by a leading
 * apostrophe, and a cell with a quote, comma or line break is quoted. Empty for null; numbers
 * that are not whole to three places.
 */
export function csvCell(value: CsvValue): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : value.toFixed(3);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export type CsvValue = string | number | null;

/** One line of a CSV document with its CRLF end (RFC 4180): what a streamed export writes per row. */
export function csvLine(row: readonly CsvValue[]): string {
  return `${row.map(csvCell).join(',')}\r\n`;
}

/** A whole CSV document: a header line, one line per row. */
export function csvDocument(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return [header, ...rows].map(csvLine).join('');
}
