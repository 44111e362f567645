import { fakeApiClient } from './fake-api-client.js';
import { NUDGES_ROUTE } from './goal-fixtures.js';
import { TEAM_ID } from './dashboard-fixtures.js';
import { TEAM_RECOMMENDATIONS_ROUTE } from './recommendation-fixtures.js';
import { NO_SHARES_ROUTES } from './share-fixtures.js';
import { renderInFluent, settle } from './render-page.js';
import { TeamPage } from '../pages/TeamPage.js';

/*
 * The team page as its tests open it (TeamPage.*.test.tsx). Each test file mocks the charts itself
 * (vi.mock is hoisted in the file that calls it) and unmounts after each case.
 */

export const DASHBOARD = `GET /api/v1/teams/${encodeURIComponent(TEAM_ID)}/dashboard`;
export const SETTINGS = `PUT /api/v1/teams/${encodeURIComponent(TEAM_ID)}/settings`;

export async function openTeamPage(routes: Record<string, unknown>, props: { teamId?: string; channelId?: string } = { teamId: TEAM_ID }) {
  // Below the dashboard, the team's learning shares and top resources load too, and a lead's follow-ups and recommendations.
  const service = fakeApiClient({
    ...NO_SHARES_ROUTES,
    [NUDGES_ROUTE]: { nudges: [] },
    [`GET /api/v1/teams/${encodeURIComponent(TEAM_ID)}/follow-ups`]: { expectedDays: 7, open: [], closed: [] },
    [TEAM_RECOMMENDATIONS_ROUTE]: { recommendations: [] },
    ...routes,
  });
  const page = await renderInFluent(<TeamPage client={service.client} locale="en-US" teamId={props.teamId} channelId={props.channelId} />);
  await settle(5);
  return { page, ...service };
}

/** The lazy parts (charts, a lead's schedule form) arrive some ticks after the data. */
export async function waitFor(page: HTMLElement, selector: string): Promise<Element> {
  for (let waited = 0; waited < 3000; waited += 20) {
    const found = page.querySelector(selector);
    if (found) return found;
    await settle(20);
  }
  throw new Error(`Nothing matched ${selector}`);
}

export const names = (page: HTMLElement) => [...page.querySelectorAll('[data-testid="member-name"]')].map((n) => n.textContent);
export const tiles = (page: HTMLElement) =>
  Object.fromEntries(
    [...page.querySelectorAll('[data-testid="summary-tile"]')].map((t) => [
      t.querySelector('dt')?.textContent,
      t.querySelector('dd')?.textContent,
    ]),
  );
export const header = (page: HTMLElement, label: string) => [...page.querySelectorAll('th')].find((th) => th.textContent === label);
