import { describe, expect, it } from 'vitest';
import { DASHBOARD_PERIODS as CONTRACT_PERIODS } from '../../../bot/contract/api.js';
import { DASHBOARD_PERIODS } from '../api/dashboard-types.js';
import { dashboard } from '../testing/dashboard-fixtures.js';
import { chartData, describeMinutes, describeParticipation, describeSources } from './chart-data.js';

describe('chartData', () => {
  it('labels each week by its Monday in the locale, and names sources in words', () => {
    const data = chartData(dashboard({}, 4), 'en-GB');
    expect(data.weeks.map((w) => w.label)).toEqual(['7 Sept', '14 Sept', '21 Sept', '28 Sept']);
    expect(data.range).toBe('7 Sept 2026 to 28 Sept 2026');
    expect(data.sources).toEqual([
      { label: 'Article', entries: 7 },
      { label: 'Video', entries: 5 },
    ]);
  });

  it('describes each chart in a sentence with its totals, for screen readers', () => {
    const data = chartData(dashboard({}, 4), 'en-US');
    expect(describeParticipation(data, 'en-US')).toBe(
      'Check-ins by week, weeks starting Sep 7, 2026 to Sep 28, 2026: 12 responded, 4 nothing this week, 8 no answer in total.',
    );
    expect(describeMinutes(data, 'en-US')).toBe(
      'Minutes of learning by week, weeks starting Sep 7, 2026 to Sep 28, 2026: 480 minutes in total; the most was 120 in the week of Sep 7.',
    );
    expect(describeSources(data, 'en-US')).toBe('Entries by kind of source, most first: Article 7, Video 5.');
    expect(describeSources({ ...data, sources: [] }, 'en-US')).toBe('No entries in this period, so no sources to show.');
  });
});

describe('the tab’s copy of the dashboard periods', () => {
  it('matches the contract', () => {
    expect([...DASHBOARD_PERIODS]).toEqual([...CONTRACT_PERIODS]);
  });
});
