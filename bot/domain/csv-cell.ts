/**
 * One CSV cell (RFC 4180), safe to open in a spreadsheet: text that a spreadsheet would read as a
 * formula (`=`, `+`, `-`, `@`, tab or carriage return first) is kept as text by a leading
 * apostrophe, and a cell with a quote, comma or line break is quoted. Empty for null; numbers
 * that are not whole to three places.
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : value.toFixed(3);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A whole CSV document: a header line, one line per row, CRLF line ends as RFC 4180 has them. */
export function csvDocument(header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  return `${[header.join(','), ...rows.map((row) => row.map(csvCell).join(','))].join('\r\n')}\r\n`;
}
