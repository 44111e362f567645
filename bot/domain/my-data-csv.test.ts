import { describe, expect, it } from 'vitest';
import { csvDocument } from '../contract/csv-cell.js';
import { MY_ENTRIES_CSV_COLUMNS, myEntryRow } from './my-data-csv.js';
import type { MyDataExport } from './my-data.js';

const entry = (over: Partial<MyDataExport['entries'][number]> = {}): MyDataExport['entries'][number] => ({
  id: 'e1',
  what: 'Feature flags',
  visibility: 'leads',
  sourceType: 'article',
  link: 'https://example.com/flags',
  minutes: 20,
  rating: 4,
  insight: null,
  action: null,
  result: null,
  createdAt: '2026-11-27T10:00:00.000Z',
  ...over,
});

/** The download as the service streams it: the header, then a row per entry. */
const myEntriesCsv = (entries: MyDataExport['entries']) => csvDocument(MY_ENTRIES_CSV_COLUMNS, entries.map(myEntryRow));

describe('the learner’s entries as CSV', () => {
  it('writes a header and one row per entry, blanks for what was not given', () => {
    const lines = myEntriesCsv([entry(), entry({ id: 'e2', minutes: null, rating: null, link: null, visibility: 'private' })]).split(
      '\r\n',
    );
    expect(lines[0]).toBe(MY_ENTRIES_CSV_COLUMNS.join(','));
    expect(lines[1]).toBe('e1,2026-11-27T10:00:00.000Z,Feature flags,article,https://example.com/flags,20,4,,,,leads');
    expect(lines[2]).toBe('e2,2026-11-27T10:00:00.000Z,Feature flags,article,,,,,,,private');
    expect(lines).toHaveLength(4);
  });

  it('keeps what the learner typed from becoming a formula or breaking the row', () => {
    const line = myEntriesCsv([entry({ what: '=HYPERLINK("https://evil.example")', insight: 'one,\ntwo', action: '@SUM(A1)' })])
      .split('\r\n')
      .slice(1)
      .join('\r\n');
    expect(line).toContain(`"'=HYPERLINK(""https://evil.example"")"`);
    expect(line).toContain('"one,\ntwo"');
    expect(line).toContain("'@SUM(A1)");
  });

  it('is only a header when there are no entries', () => {
    expect(myEntriesCsv([])).toBe(`${MY_ENTRIES_CSV_COLUMNS.join(',')}\r\n`);
  });
});
