// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiFailure } from '../api/api-client.js';
import { fakeApiClient } from '../testing/fake-api-client.js';
import { ADMIN_ME_ROUTE, REPORT_ROUTE, reportRows } from '../testing/report-fixtures.js';
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

  it('shows an admin the three levels, every team, every lead and the weeks', async () => {
    const { page, callsTo } = await open({ [ADMIN_ME_ROUTE]: { isAdmin: true }, [REPORT_ROUTE]: { weeks: 12, rows: reportRows() } });
    await eventually(() => expect(page.querySelector('[data-testid="report-teams"]')).not.toBeNull());
    expect(callsTo('GET', '/api/v1/admin/report')[0]?.path).toBe('/api/v1/admin/report?weeks=12');
    const levels = (id: string) => page.querySelector(`[data-testid="${id}"]`)?.textContent;
    expect(levels('level-system')).toContain('Entries3');
    expect(levels('level-learners')).toContain('Response rate40%');
    expect(levels('level-learners')).toContain('Goals on track1 of 2');
    expect(levels('level-leaders')).toContain('Follow-ups done1');
    expect(tableRows(page, 'report-teams')).toEqual([
      expect.arrayContaining(['Customer Success', '0%', 'none open']),
      ['Product Design', '3', '1 hr', '3', '2', '67%', '2', '2', '1 of 2', expect.stringMatching(/^1 of \d \(\d+%\)$/), '2 days'],
    ]);
    expect(tableRows(page, 'report-leads').map((r) => r.slice(0, 2))).toEqual([
      ['Cy', 'Customer Success'],
      ['Alex', 'Product Design'],
    ]);
    expect(tableRows(page, 'report-weeks').map((r) => [r[0], r[4]])).toEqual([
      ['Nov 16', '33%'],
      ['Nov 23', '50%'],
    ]);
    await eventually(() => expect(page.querySelector('[data-testid="report-chart"]')?.textContent).toBe('2 weeks of all teams'));
  });

  it('shows one team over time when chosen', async () => {
    const { page } = await open({ [ADMIN_ME_ROUTE]: { isAdmin: true }, [REPORT_ROUTE]: { weeks: 12, rows: reportRows() } });
    await eventually(() => expect(page.querySelector('[data-testid="report-weeks"]')).not.toBeNull());
    const choice = controlLabelled('Show') as HTMLSelectElement;
    await act(() => {
      choice.value = 't1';
      choice.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(page.querySelector('[data-testid="report-weeks"] caption')?.textContent).toBe('By week, Product Design');
    expect(tableRows(page, 'report-weeks').map((r) => [r[0], r[4]])).toEqual([
      ['Nov 16', '50%'],
      ['Nov 23', '100%'],
    ]);
    await eventually(() => expect(page.querySelector('[data-testid="report-chart"]')?.textContent).toBe('2 weeks of Product Design'));
  });

  it('asks again for another period', async () => {
    const { page, callsTo, answerWith } = await open({
      [ADMIN_ME_ROUTE]: { isAdmin: true },
      [REPORT_ROUTE]: { weeks: 12, rows: reportRows() },
    });
    await eventually(() => expect(page.querySelector('[data-testid="report-teams"]')).not.toBeNull());
    answerWith(REPORT_ROUTE, { weeks: 4, rows: reportRows(4) });
    await click(page.querySelector('#dashboard-period-4'));
    await eventually(() => expect(tableRows(page, 'report-weeks')).toHaveLength(4));
    expect(callsTo('GET', '/api/v1/admin/report').map((c) => c.path)).toEqual([
      '/api/v1/admin/report?weeks=12',
      '/api/v1/admin/report?weeks=4',
    ]);
  });

  it('downloads the report on screen as the service’s CSV', async () => {
    const { page } = await open({ [ADMIN_ME_ROUTE]: { isAdmin: true }, [REPORT_ROUTE]: { weeks: 12, rows: reportRows() } });
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
    expect(clicked).toHaveBeenCalledOnce();
    const lines = (await saved!.text())
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toMatch(/^team,week,week_start,entries,/);
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 2).join(','))).toEqual([
      'Product Design,all',
      'Product Design,2026-W47',
      'Product Design,2026-W48',
      'Customer Success,all',
      'Customer Success,2026-W47',
      'Customer Success,2026-W48',
    ]);
    expect(page.querySelector('a[download]')).toBeNull();
  });

  it('says what failed and retries', async () => {
    const { page, answerWith } = await open({
      [ADMIN_ME_ROUTE]: { isAdmin: true },
      [REPORT_ROUTE]: new ApiFailure(503, 'Storage is unavailable'),
    });
    await eventually(() => expect(page.textContent).toContain("Couldn't load the report (HTTP 503): Storage is unavailable"));
    answerWith(REPORT_ROUTE, { weeks: 12, rows: reportRows() });
    await click(buttonNamed('Retry'));
    await eventually(() => expect(page.querySelector('[data-testid="report-teams"]')).not.toBeNull());
  });
});
