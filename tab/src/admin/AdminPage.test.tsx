// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiFailure } from '../api/api-client.js';
import { fakeApiClient } from '../testing/fake-api-client.js';
import {
  ADMIN_ME_ROUTE,
  AS_OF,
  MORE_TEAMS_ROUTE,
  REPORT_ROUTE,
  TEAM_REPORT_ROUTE,
  moreTeams,
  productDesignReport,
  readyReport,
} from '../testing/report-fixtures.js';
import { buttonNamed, click, controlLabelled, eventually, renderInFluent, settle, unmountRendered } from '../testing/render-page.js';
import { AdminPage } from './AdminPage.js';

// The real chart needs layout jsdom does not do; what matters here is which weeks it is handed.
vi.mock('./ReportChart.js', () => ({
  default: ({ weeks, scope }: { weeks: unknown[]; scope: string }) => (
    <div data-testid="report-chart">{`${weeks.length} weeks of ${scope}`}</div>
  ),
}));

afterEach(() => {
  unmountRendered();
  vi.restoreAllMocks();
});

async function open(routes: Record<string, unknown>) {
  const service = fakeApiClient(routes);
  const page = await renderInFluent(<AdminPage client={service.client} locale="en-US" />);
  await settle(5);
  return { page, ...service };
}

const tableRows = (page: HTMLElement, testId: string) =>
  [...page.querySelectorAll(`[data-testid="${testId}"] tbody tr`)].map((tr) => [...tr.children].map((c) => c.textContent));

describe('the learning report page', () => {
  it('tells someone who is not an L&D admin what the page is for, and asks for no report', async () => {
    const { page, callsTo } = await open({ [ADMIN_ME_ROUTE]: { isAdmin: false } });
    expect(page.querySelector('[data-testid="not-admin"]')?.textContent).toContain('learning and development (L&D) admins');
    expect(callsTo('GET', '/api/v1/admin/report')).toHaveLength(0);
    expect(buttonNamed('Download CSV')).toBeUndefined();
  });

  it('shows an admin the three levels, every team, every lead and the weeks, follow-through at each', async () => {
    const { page, callsTo } = await open({ [ADMIN_ME_ROUTE]: { isAdmin: true }, [REPORT_ROUTE]: readyReport(12) });
    await eventually(() => expect(page.querySelector('[data-testid="report-teams"]')).not.toBeNull());
    expect(callsTo('GET', '/api/v1/admin/report')[0]?.path).toBe('/api/v1/admin/report?weeks=12');
    const levels = (id: string) => page.querySelector(`[data-testid="${id}"]`)?.textContent;
    expect(levels('level-system')).toContain('Entries3');
    expect(levels('level-learners')).toContain('Response rate40%');
    expect(levels('level-learners')).toContain('Goals on track1 of 2');
    expect(levels('level-learners')).toContain('Results recorded1');
    expect(levels('level-learners')).toContain('Follow-through1 of 1 due (100%)');
    expect(levels('level-learners')).toContain('Median time to a result4 days');
    expect(levels('level-leaders')).toContain('Follow-ups done1');
    expect(tableRows(page, 'report-teams')).toEqual([
      // 0% answered is below the 50% L&D set: flagged.
      expect.arrayContaining(['Customer Success', '0%', 'none open', '—', 'Flagged']),
      [
        'Product Design',
        '3',
        '1 hr',
        '3',
        '2',
        '67%',
        '2',
        '2',
        '1',
        '1 of 1 due (100%)',
        '4 days',
        '1 of 2',
        expect.stringMatching(/^1 of \d \(\d+%\)$/),
        '2 days',
        '',
      ],
    ]);
    expect(tableRows(page, 'report-leads').map((r) => [...r.slice(0, 2), ...r.slice(-2)])).toEqual([
      ['Cy', 'Customer Success', '0', '—'],
      ['Alex', 'Product Design', '2, behind', '1 of 1 due (100%)'],
    ]);
    expect(page.querySelector('[data-testid="report-behind-definition"]')?.textContent).toBe(
      'A lead is behind when a follow-up of their team has been open more than 7 days (the L&D setting). Overdue now counts those follow-ups when the figures were computed; leads behind get one reminder a week.',
    );
    expect(tableRows(page, 'report-weeks').map((r) => [r[0], r[4], r[7], r[8]])).toEqual([
      ['Nov 16', '33%', '1', '1 of 1 due (100%)'],
      ['Nov 23', '50%', '0', '—'],
    ]);
    await eventually(() => expect(page.querySelector('[data-testid="report-chart"]')?.textContent).toBe('2 weeks of all teams'));
  });

  it('shows one team over time when chosen, asking the service for its weeks', async () => {
    const { page, callsTo } = await open({
      [ADMIN_ME_ROUTE]: { isAdmin: true },
      [REPORT_ROUTE]: readyReport(12),
      [TEAM_REPORT_ROUTE]: productDesignReport(),
    });
    await eventually(() => expect(page.querySelector('[data-testid="report-weeks"]')).not.toBeNull());
    const choice = controlLabelled('Show') as HTMLSelectElement;
    await act(() => {
      choice.value = 't1';
      choice.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await eventually(() => expect(page.querySelector('[data-testid="report-weeks"] caption')?.textContent).toBe('By week, Product Design'));
    expect(callsTo('GET', '/api/v1/admin/report/teams/t1').map((c) => c.path)).toEqual(['/api/v1/admin/report/teams/t1?weeks=12']);
    expect(tableRows(page, 'report-weeks').map((r) => [r[0], r[4]])).toEqual([
      ['Nov 16', '50%'],
      ['Nov 23', '100%'],
    ]);
    await eventually(() => expect(page.querySelector('[data-testid="report-chart"]')?.textContent).toBe('2 weeks of Product Design'));
  });

  it('asks again for another period', async () => {
    const { page, callsTo, answerWith } = await open({
      [ADMIN_ME_ROUTE]: { isAdmin: true },
      [REPORT_ROUTE]: readyReport(12),
    });
    await eventually(() => expect(page.querySelector('[data-testid="report-teams"]')).not.toBeNull());
    answerWith(REPORT_ROUTE, readyReport(4, 4));
    await click(page.querySelector('#dashboard-period-4'));
    await eventually(() => expect(tableRows(page, 'report-weeks')).toHaveLength(4));
    expect(callsTo('GET', '/api/v1/admin/report').map((c) => c.path)).toEqual([
      '/api/v1/admin/report?weeks=12',
      '/api/v1/admin/report?weeks=4',
    ]);
  });

  it('downloads the service’s CSV for the period', async () => {
    const csv = 'team,week\r\nProduct Design,all\r\nProduct Design,2026-W47\r\n';
    const { page, callsTo } = await open({
      [ADMIN_ME_ROUTE]: { isAdmin: true },
      [REPORT_ROUTE]: readyReport(12),
      'GET /api/v1/admin/report.csv': csv,
    });
    await eventually(() => expect(buttonNamed('Download CSV')?.disabled).toBe(false));
    let saved: Blob | undefined;
    URL.createObjectURL = vi.fn((blob: Blob) => {
      saved = blob;
      return 'blob:report';
    });
    URL.revokeObjectURL = vi.fn();
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      expect(this.download).toMatch(/^learning-loop-report-12-weeks-\d{4}-\d{2}-\d{2}\.csv$/);
      expect(this.href).toBe('blob:report');
    });
    await click(buttonNamed('Download CSV'));
    await eventually(() => expect(clicked).toHaveBeenCalledOnce());
    expect(callsTo('GET', '/api/v1/admin/report.csv').map((c) => c.path)).toEqual(['/api/v1/admin/report.csv?weeks=12']);
    // A byte-order mark first, so spreadsheet programs read names in any script as UTF-8.
    expect([...new Uint8Array(await saved!.arrayBuffer()).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(await saved!.text()).toBe(csv);
    expect(page.querySelector('[data-testid="download-status"]')?.textContent).toBe('Downloaded the report for the last 12 weeks.');
    expect(page.querySelector('a[download]')).toBeNull();
  });

  it('says when the figures were computed, and that they are being prepared until they are', async () => {
    const { page } = await open({
      [ADMIN_ME_ROUTE]: { isAdmin: true },
      [REPORT_ROUTE]: [{ weeks: 12, status: 'preparing' }, readyReport(12)],
    });
    await eventually(() => expect(page.querySelector('[data-testid="report-preparing"]')).not.toBeNull());
    expect(page.querySelector('[data-testid="report-preparing"]')?.textContent).toContain(
      'Your organisation’s figures are being prepared. The first time takes a few minutes.',
    );
    expect(buttonNamed('Download CSV')?.disabled).toBe(true);
    await click(buttonNamed('Check again'));
    await eventually(() => expect(page.querySelector('[data-testid="report-teams"]')).not.toBeNull());
    const time = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(AS_OF));
    expect(page.querySelector('[data-testid="report-as-of"]')?.textContent).toBe(
      `Figures as of ${time}; they are brought up to date about every 15 minutes.`,
    );
    expect(page.querySelector('[data-testid="report-preparing"]')).toBeNull();
  });

  it('shows the first page of teams and loads more on asking', async () => {
    const { page, callsTo } = await open({
      [ADMIN_ME_ROUTE]: { isAdmin: true },
      [REPORT_ROUTE]: readyReport(12, 2, 1),
      [MORE_TEAMS_ROUTE]: moreTeams(),
    });
    await eventually(() => expect(page.querySelector('[data-testid="report-teams"]')).not.toBeNull());
    expect(tableRows(page, 'report-teams').map((r) => r[0])).toEqual(['Customer Success']);
    expect(page.querySelector('[data-testid="more-leads"]')).toBeNull();
    await click(buttonNamed('Load more teams'));
    await eventually(() => expect(tableRows(page, 'report-teams').map((r) => r[0])).toEqual(['Customer Success', 'Product Design']));
    expect(callsTo('GET', '/api/v1/admin/report/teams').map((c) => c.path)).toEqual([
      '/api/v1/admin/report/teams?weeks=12&cursor=more-teams',
    ]);
    // The last page: nothing more to load.
    expect(buttonNamed('Load more teams')).toBeUndefined();
  });

  it('says what failed and retries', async () => {
    const { page, answerWith } = await open({
      [ADMIN_ME_ROUTE]: { isAdmin: true },
      [REPORT_ROUTE]: new ApiFailure(503, 'Storage is unavailable'),
    });
    await eventually(() => expect(page.textContent).toContain("Couldn't load the report (HTTP 503): Storage is unavailable"));
    answerWith(REPORT_ROUTE, readyReport(12));
    await click(buttonNamed('Retry'));
    await eventually(() => expect(page.querySelector('[data-testid="report-teams"]')).not.toBeNull());
  });
});
