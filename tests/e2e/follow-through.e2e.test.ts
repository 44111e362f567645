import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { MySummaryResponse } from '../../bot/contract/api.js';
import type { DashboardResponse } from '../../bot/contract/dashboard-view.js';
import type { AwaitingActionsResponse } from '../../bot/contract/follow-through.js';
import type { ReportResponse } from '../../bot/contract/report.js';
import { DEMO_LD_ADMIN, DEMO_PEOPLE, DEMO_TEAM } from '../../bot/demo/demo-team.js';
import { asDemoPerson } from '../../bot/testing/requests.js';
import { axeViolations } from './support/axe.js';
import { useDemoTab } from './support/demo-tab.js';

const alex = DEMO_PEOPLE[0]!;
const megan = DEMO_PEOPLE[1]!;
const team = `/teams/${encodeURIComponent(DEMO_TEAM.id)}`;
const percent = (rate: number) => `${Math.round(rate * 100)}%`;

describe('results of actions in a browser: the dashboard, the awaiting list, My learning and the report (local mode, demo data)', () => {
  const tab = useDemoTab();

  async function api<T>(userId: string, path: string): Promise<T> {
    const res = await fetch(`${tab.service.baseUrl}/api/v1${path}`, { headers: asDemoPerson(userId) });
    expect(res.status).toBe(200);
    return (await res.json()) as T;
  }

  const tile = (page: Page, label: string) =>
    page
      .getByTestId('summary-tile')
      .filter({ has: page.getByText(label, { exact: true }) })
      .locator('dd')
      .first()
      .textContent();

  /** The dashboard as Alex, the demo's lead, once the list of actions awaiting a result is drawn. */
  async function openLeadDashboard(query = ''): Promise<Page> {
    const page = await tab.openTeam(alex.userId, query);
    await page.getByTestId('awaiting-item').first().waitFor();
    return page;
  }

  it('shows a lead the follow-through tile and column as the service counts them', async () => {
    const dashboard = await api<DashboardResponse>(alex.userId, `${team}/dashboard?weeks=12`);
    const figures = dashboard.totals.followThrough;
    // The demo has results recorded, so there is a rate to show.
    expect(figures.results).toBeGreaterThan(0);
    const page = await openLeadDashboard();
    expect(await tile(page, 'Follow-through')).toContain(percent(figures.followThrough!));
    expect(await tile(page, 'Median time to a result')).toMatch(/^\d+(\.\d)? days?$/);
    const cells = await page.getByTestId('member-follow-through').allTextContents();
    // A header and one cell per member.
    expect(cells.length).toBeGreaterThanOrEqual(DEMO_PEOPLE.length);
    for (const member of dashboard.members.filter((m) => m.followThrough.followThrough !== null)) {
      const row = page.getByTestId('member-row').filter({ hasText: member.displayName });
      expect(await row.getByTestId('member-follow-through').textContent()).toContain(percent(member.followThrough.followThrough!));
    }
    await page.close();
  });

  it('lists the actions awaiting a result that the lead may see, and Ask how it went says what became of the ask', async () => {
    const awaiting = await api<AwaitingActionsResponse>(alex.userId, `${team}/awaiting-actions`);
    expect(awaiting.actions.length).toBeGreaterThan(0);
    const page = await openLeadDashboard();
    const items = page.getByTestId('awaiting-item');
    expect(await items.count()).toBe(awaiting.actions.length);
    const first = awaiting.actions[0]!;
    const item = items.first();
    expect(await item.textContent()).toContain(first.action);
    expect(await item.textContent()).toContain(first.displayName);
    await item.getByRole('button', { name: 'Ask how it went' }).click();
    // The demo's people have never chatted with the app, so the card cannot reach them: the lead is told so.
    await page
      .getByRole('status')
      .filter({ hasText: `Couldn’t reach ${first.displayName} in Teams yet` })
      .waitFor();
    expect(await item.textContent()).toContain(`Couldn’t reach ${first.displayName} in Teams yet`);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('shows a learner what came of their own actions on My learning', async () => {
    const summary = await api<MySummaryResponse>(megan.userId, '/me/summary');
    const page = await tab.open('/personal', megan.userId);
    const section = page.getByTestId('my-follow-through');
    await section.waitFor();
    const text = await section.textContent();
    expect(text).toContain('What came of your actions');
    const f = summary.followThrough;
    expect(text).toContain(f.followThrough === null ? 'No action due yet' : percent(f.followThrough));
    if (f.due > 0) expect(text).toContain(`${f.results} of ${f.due} due actions have a result`);
    expect(text).toContain(`Actions awaiting a result${f.awaiting}`);
    await page.close();
  });

  it('shows an L&D admin results and follow-through at every level of the report', async () => {
    const report = await api<ReportResponse>(DEMO_LD_ADMIN.userId, '/admin/report?weeks=12');
    if (report.status !== 'ready') throw new Error('the demo’s figures are not computed');
    const total = report.totals.total;
    expect(total.results).toBeGreaterThan(0);
    const page = await tab.open('/admin', DEMO_LD_ADMIN.userId);
    await page.getByTestId('report-teams').waitFor();
    const due = `${total.results} of ${total.actionsDue} due (${percent(total.followThrough!)})`;
    expect(await page.getByTestId('level-learners').textContent()).toContain(`Results recorded${total.results}`);
    expect(await page.getByTestId('level-learners').textContent()).toContain(`Follow-through${due}`);
    const headers = await page.getByTestId('report-teams').locator('thead th').allTextContents();
    expect(headers).toEqual(expect.arrayContaining(['Results recorded', 'Follow-through', 'Median time to a result']));
    const demoRow = page.getByTestId('report-teams').locator('tbody tr').filter({ hasText: DEMO_TEAM.name });
    expect(await demoRow.textContent()).toContain(due);
    const leadRow = page.getByTestId('report-leads').locator('tbody tr').filter({ hasText: alex.displayName });
    expect((await leadRow.locator('th, td').allTextContents()).at(-1)).toBe(due);
    const weekHeaders = await page.getByTestId('report-weeks').locator('thead th').allTextContents();
    expect(weekHeaders).toEqual(expect.arrayContaining(['Results recorded', 'Follow-through']));
    await page.close();
  });

  it.each(['light', 'dark', 'contrast'])(
    'has no accessibility violations in the %s theme: the tiles, the awaiting list, My learning and the report',
    { timeout: 60_000 },
    async (theme) => {
      const dashboard = await openLeadDashboard(`&theme=${theme}`);
      await dashboard.getByTestId('member-follow-through').first().waitFor();
      expect(await axeViolations(dashboard)).toEqual([]);
      await dashboard.close();
      const mine = await tab.open('/personal', megan.userId, `&theme=${theme}`);
      await mine.getByTestId('my-follow-through').waitFor();
      expect(await axeViolations(mine)).toEqual([]);
      await mine.close();
      const report = await tab.open('/admin', DEMO_LD_ADMIN.userId, `&theme=${theme}`);
      await report.getByTestId('report-leads').waitFor();
      await report.getByTestId('report-weeks').waitFor();
      expect(await axeViolations(report)).toEqual([]);
      await report.close();
    },
  );
});
