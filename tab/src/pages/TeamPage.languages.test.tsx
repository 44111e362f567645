// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LEAD_MEMBERS, TEAM_ID, dashboard } from '../testing/dashboard-fixtures.js';
import { fakeApiClient } from '../testing/fake-api-client.js';
import { NUDGES_ROUTE } from '../testing/goal-fixtures.js';
import { TEAM_RECOMMENDATIONS_ROUTE } from '../testing/recommendation-fixtures.js';
import { NO_SHARES_ROUTES } from '../testing/share-fixtures.js';
import { eventually, renderInFluent, unmountRendered } from '../testing/render-page.js';
import { TeamPage } from './TeamPage.js';

// The real charts need layout jsdom does not do; the tables beside them carry the same words.
vi.mock('../dashboard/DashboardCharts.js', () => ({ default: () => <div data-testid="dashboard-charts" /> }));

afterEach(unmountRendered);

async function openIn(locale: string) {
  const service = fakeApiClient({
    ...NO_SHARES_ROUTES,
    [NUDGES_ROUTE]: { nudges: [] },
    [TEAM_RECOMMENDATIONS_ROUTE]: { recommendations: [] },
    [`GET /api/v1/teams/${encodeURIComponent(TEAM_ID)}/dashboard`]: dashboard({ members: LEAD_MEMBERS }),
  });
  const page = await renderInFluent(<TeamPage client={service.client} locale={locale} teamId={TEAM_ID} channelId={undefined} />, {
    locale,
  });
  await eventually(() => expect(page.querySelector('[data-testid="member-row"]')).not.toBeNull());
  return page;
}

const tiles = (page: HTMLElement) => [...page.querySelectorAll('[data-testid="summary-tile"] dt')].map((dt) => dt.textContent);
const followUps = (page: HTMLElement) => [...page.querySelectorAll('[data-testid="member-follow-up"]')].map((cell) => cell.textContent);
const headers = (page: HTMLElement) => [...page.querySelectorAll('[data-testid="member-table"] th')].map((th) => th.textContent);

describe('the team dashboard in other languages', () => {
  it('reads in Spanish', async () => {
    const page = await openIn('es-ES');
    expect(page.querySelector('h1')?.textContent).toBe('Panel del equipo');
    expect(tiles(page)).toContain('Tasa de respuesta');
    expect(headers(page)).toContain('Último check-in');
    expect(page.querySelector('[role="tablist"]')?.textContent).toContain('12 semanas');
    expect(page.querySelector('[data-testid="member-count"]')?.textContent).toMatch(/\d+ miembros/);
    expect(followUps(page)).toContain('Necesita seguimientoSin respuesta a los últimos 2 check-ins');
  });

  it('reads in Arabic, right to left, with the period and figures in Arabic', async () => {
    const page = await openIn('ar-EG');
    expect(page.querySelector('h1')?.textContent).toBe('لوحة معلومات الفريق');
    expect(document.documentElement.dir).toBe('rtl');
    expect(tiles(page)).toContain('معدل الاستجابة');
    expect(headers(page)).toContain('الاسم');
    // Egyptian Arabic writes numbers in Arabic-Indic digits: "١٢ أسابيع".
    expect(page.querySelector('[role="tablist"]')?.textContent).toContain('١٢');
    expect(page.textContent).not.toContain('Response rate');
    expect(followUps(page)).toContain('يحتاج إلى متابعةلم يُجب عن آخر مراجعتين');
  });
});
