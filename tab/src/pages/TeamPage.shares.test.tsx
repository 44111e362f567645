// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dashboard, memberRow } from '../testing/dashboard-fixtures.js';
import { RESOURCES_ROUTE, SHARES_ROUTE, resource, share, shares, topResources } from '../testing/share-fixtures.js';
import { unmountRendered } from '../testing/render-page.js';
import { DASHBOARD, openTeamPage as open, waitFor } from '../testing/team-page.js';

// The real charts need layout jsdom does not do; what matters here is that the page hands them the figures.
vi.mock('../dashboard/DashboardCharts.js', () => ({
  default: ({ data }: { data: { weeks: unknown[] } }) => <div data-testid="dashboard-charts">{`${data.weeks.length} weeks charted`}</div>,
}));

afterEach(unmountRendered);

describe('TeamPage’s learning shares and top resources', () => {
  it('shows both below the dashboard, to a member as to a lead', async () => {
    const { page, callsTo } = await open({
      [DASHBOARD]: dashboard({ role: 'member', members: [memberRow('Megan Bowen')] }),
      [SHARES_ROUTE]: shares([share('Feature flags in practice', { helpful: 2 })]),
      [RESOURCES_ROUTE]: topResources({ topRated: [resource('Flags talk')] }),
    });
    await waitFor(page, '[data-testid="share-card"]');
    await waitFor(page, '[data-testid="top-rated-item"]');
    const headings = [...page.querySelectorAll('h1, h2')].map((h) => `${h.tagName} ${h.textContent}`);
    expect(headings.slice(-2)).toEqual(['H2 Learning shares', 'H2 Top resources']);
    expect(page.querySelector('[data-testid="share-helpful-count"]')?.textContent).toBe('2 found this helpful');
    expect(page.querySelector('[data-testid="top-rated-item"]')?.textContent).toContain('Flags talk');
    expect(callsTo('GET', '/api/v1/teams/').map((c) => c.path.split('/').at(-1))).toEqual([
      'dashboard?weeks=12',
      'shares?sort=newest',
      'resources?scope=team',
    ]);
  });
});
