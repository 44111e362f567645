import { describe, expect, it } from 'vitest';
import { accountabilityReport } from './accountability-report.js';
import { REPORT_CSV_COLUMNS, reportCsv } from '../contract/report-csv.js';
import { now, team } from '../testing/report-team.js';

describe('reportCsv', () => {
  it('writes a header and one line per row, with rates to three places and blanks for unknowns (follow-through too)', () => {
    const csv = reportCsv(accountabilityReport([team], 2, now));
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe(REPORT_CSV_COLUMNS.join(','));
    expect(lines[1]).toBe('Product Design,all,,3,60,3,2,0.667,2,2,1,1,1,4,2,1,1,1,1,2,,');
    expect(lines[3]).toBe('Product Design,2026-W48,2026-11-23,1,20,2,2,1,0,1,0,0,,,,,0,0,,,,');
  });

  it('ends the whole-period row with the follow-ups overdue now and the leads behind, when the figures job held the team against them', () => {
    const [all, ...weeks] = accountabilityReport([team], 2, now);
    const csv = reportCsv([{ ...all!, expectation: { overdue: 3, leadsBehind: 1 } }, ...weeks]);
    expect(csv.split('\r\n')[1]!.endsWith(',1,2,3,1')).toBe(true);
  });

  it('cannot be made to run a formula or break a line by a team’s name', () => {
    const hostile = { ...team, name: '=HYPERLINK("https://evil.example","x"),\nnext' };
    const line = reportCsv(accountabilityReport([hostile], 1, now)).split('\r\n')[1]!;
    expect(line.startsWith(`"'=HYPERLINK(""https://evil.example"",""x""),\nnext",all`)).toBe(true);
  });
});
