// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiFailure } from '../api/api-client.js';
import { captureDownloads, csvText, type SavedFile } from '../testing/capture-downloads.js';
import { fakeApiClient, type FakeAnswer } from '../testing/fake-api-client.js';
import { buttonNamed, click, eventually, renderInFluent, settle, unmountRendered } from '../testing/render-page.js';
import { LazyTeamExports } from './lazy-team-exports.js';

let container: HTMLElement;
let saved: SavedFile[];

beforeEach(() => {
  saved = captureDownloads();
});
afterEach(() => {
  unmountRendered();
  vi.restoreAllMocks();
});

async function render(routes: Record<string, FakeAnswer | FakeAnswer[]>, weeks = 12) {
  const service = fakeApiClient(routes);
  container = await renderInFluent(<LazyTeamExports client={service.client} teamId="team 1" teamName="Platform Team" weeks={weeks} />);
  await eventually(() => expect(buttonNamed('Entries', container)).toBeDefined());
  return service;
}
const status = () => container.querySelector('[data-testid="team-exports-status"]')?.textContent;

describe('a lead’s exports on the team dashboard', () => {
  it('offers the four files for the period on screen and asks nothing until one is pressed', async () => {
    const service = await render({}, 26);
    expect(container.querySelector('h2')?.textContent).toBe('Export');
    expect([...container.querySelectorAll('button')].map((b) => b.textContent)).toEqual([
      'Entries',
      'Participation by week',
      'Goals',
      'Follow-ups',
    ]);
    expect(container.textContent).toContain('CSV files of the last 26 weeks');
    expect(container.textContent).toContain('only those each member lets their leads see');
    expect(service.calls).toEqual([]);
  });

  it('saves the file the service streamed, named for the team, kind and period, marked UTF-8', async () => {
    const csv = 'week,week_start,member_id\r\n2026-W48,2026-11-23,u-1\r\n';
    const service = await render({ 'GET /api/v1/teams/team%201/exports/participation.csv': csv });
    await click(buttonNamed('Participation by week', container));
    await settle();
    expect(service.calls).toEqual([{ method: 'GET', path: '/api/v1/teams/team%201/exports/participation.csv?weeks=12' }]);
    expect(saved.map((f) => f.name)).toEqual(['learning-loop-platform-team-participation-12-weeks.csv']);
    expect(await csvText(saved[0]!)).toBe(csv);
    expect(status()).toBe('Downloaded the team’s participation for the last 12 weeks.');
  });

  it('says why a download failed, saves nothing, and tries the same file again on Retry', async () => {
    await render({
      'GET /api/v1/teams/team%201/exports/goals.csv': [new ApiFailure(403, 'Only the team’s leads can export its records.'), 'a\r\n'],
    });
    await click(buttonNamed('Goals', container));
    await settle();
    expect(container.textContent).toContain('Only the team’s leads can export its records.');
    expect(saved).toEqual([]);
    await click(buttonNamed('Retry', container));
    await settle();
    expect(saved.map((f) => f.name)).toEqual(['learning-loop-platform-team-goals-12-weeks.csv']);
  });
});
