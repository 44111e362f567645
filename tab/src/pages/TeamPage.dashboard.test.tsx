// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { ApiFailure } from '../api/api-client.js';
import type { MemberRowView } from '../api/dashboard-types.js';
import { LEAD_MEMBERS, TEAM_ID, dashboard, memberRow } from '../testing/dashboard-fixtures.js';
import { buttonNamed, click, controlLabelled, eventually, settle, typeInto, unmountRendered } from '../testing/render-page.js';
import { DASHBOARD, header, names, openTeamPage as open, tiles, waitFor } from '../testing/team-page.js';

// The real charts need layout jsdom does not do; what matters here is that the page hands them the figures.
vi.mock('../dashboard/DashboardCharts.js', () => ({
  default: ({ data }: { data: { weeks: unknown[] } }) => <div data-testid="dashboard-charts">{`${data.weeks.length} weeks charted`}</div>,
}));

afterEach(unmountRendered);

describe('TeamPage for a lead', () => {
  it('shows the summary, the charts and their tables, every member and the schedule form', async () => {
    const { page, calls } = await open({ [DASHBOARD]: dashboard() });
    await waitFor(page, '[data-testid="schedule-form"]');
    expect(calls[0]?.path).toBe(`/api/v1/teams/${encodeURIComponent(TEAM_ID)}/dashboard?weeks=12`);
    expect(page.querySelector('h1')?.textContent).toBe('Team dashboard');
    expect(page.textContent).toContain('Product Design');
    expect(tiles(page)).toEqual({
      Members: '4',
      'Active members': '3of 4',
      'Response rate': '75%36 of 48 answered',
      Entries: '12',
      'Minutes of learning': '6 hr 5 min',
      'Average usefulness': '3.8 / 5',
      'Follow-through': '67%4 of 6 due actions have a result',
      'Median time to a result': '5.5 days',
    });
    expect(page.querySelector('[data-testid="dashboard-charts"]')?.textContent).toBe('12 weeks charted');
    expect(page.querySelector('[data-testid="chart-tables"]')).not.toBeNull();
    expect(names(page)).toEqual(['Alex Wilber', 'Isaiah Langer', 'Megan Bowen', 'Patti Fernandez']);
    const isaiah = [...page.querySelectorAll('[data-testid="member-row"]')].find((r) => r.textContent?.includes('Isaiah'));
    expect(isaiah?.textContent).toContain('Never');
    expect(isaiah?.querySelector('[data-testid="member-follow-up"]')?.textContent).toBe('Needs follow-upNo answer to the last 2 check-ins');
    expect(isaiah?.querySelector('[data-testid="member-follow-through"]')?.textContent).toBe('50%1 of 2 due actions have a result');
    expect(page.querySelector('[data-testid="schedule-form"]')).not.toBeNull();
    expect(page.querySelector('[data-testid="schedule-summary"]')?.textContent?.replace(/\s/g, ' ')).toContain('Every Friday at 4:00 PM');
    expect(page.querySelector('[data-testid="member-note"]')).toBeNull();
  });

  it('asks for the sections below the members only once the figures and members are painted', async () => {
    // Frames held back: nothing is painted until the test lets them run.
    const frames: FrameRequestCallback[] = [];
    await Promise.all([import('../shares/share-sections.js'), import('../dashboard/ScheduleForm.js')]);
    const held = vi.spyOn(window, 'requestAnimationFrame').mockImplementation((callback) => frames.push(callback));
    onTestFinished(() => held.mockRestore());
    const { page, calls } = await open({ [DASHBOARD]: dashboard() });
    expect(page.querySelectorAll('[data-testid="member-row"]')).toHaveLength(LEAD_MEMBERS.length);
    // Their code is loaded already (as after a first visit): only the wait for the paint holds them back.
    await settle(200);
    expect(calls.map((c) => c.path)).toEqual([`/api/v1/teams/${encodeURIComponent(TEAM_ID)}/dashboard?weeks=12`]);
    expect(page.querySelector('[data-testid="follow-ups"] h2')?.textContent).toBe('Follow-ups');

    await act(async () => frames.splice(0).forEach((frame) => frame(performance.now())));
    await eventually(() => expect(calls.some((c) => c.path.endsWith('/follow-ups'))).toBe(true));
    expect(calls.some((c) => c.path.includes('/shares'))).toBe(true);
  });

  it('sorts by a column from its header button, and says which way in aria-sort', async () => {
    const { page } = await open({ [DASHBOARD]: dashboard() });
    expect(header(page, 'Name')?.getAttribute('aria-sort')).toBe('ascending');
    await click(header(page, 'Minutes')?.querySelector('button'));
    expect(header(page, 'Minutes')?.getAttribute('aria-sort')).toBe('descending');
    expect(header(page, 'Name')?.getAttribute('aria-sort')).toBe('none');
    expect(names(page)).toEqual(['Alex Wilber', 'Patti Fernandez', 'Megan Bowen', 'Isaiah Langer']);
    await click(header(page, 'Minutes')?.querySelector('button'));
    expect(names(page)).toEqual(['Isaiah Langer', 'Megan Bowen', 'Patti Fernandez', 'Alex Wilber']);
  });

  it('filters by name and by who needs a follow-up', async () => {
    const { page } = await open({ [DASHBOARD]: dashboard() });
    await typeInto(controlLabelled('Filter by name', page), 'meg');
    expect(names(page)).toEqual(['Megan Bowen']);
    expect(page.querySelector('[data-testid="member-count"]')?.textContent).toBe('Showing 1 of 4 members');
    await typeInto(controlLabelled('Filter by name', page), '');
    await click(controlLabelled('Needs follow-up only', page));
    expect(names(page)).toEqual(['Isaiah Langer']);
  });

  it('loads another period when one is picked', async () => {
    const { page, callsTo } = await open({ [DASHBOARD]: [dashboard(), dashboard({}, 26)] });
    const tab = page.querySelector('#dashboard-period-26');
    expect(tab?.textContent).toContain('26 weeks');
    await click(tab);
    // The charts are a lazy part: they show the new period once their chunk has loaded, however long that takes.
    await eventually(() => expect(page.querySelector('[data-testid="dashboard-charts"]')?.textContent).toBe('26 weeks charted'), 10_000);
    expect(callsTo('GET', `/api/v1/teams/${encodeURIComponent(TEAM_ID)}/dashboard`).map((c) => c.path.split('?')[1])).toEqual([
      'weeks=12',
      'weeks=26',
    ]);
    expect(tab?.getAttribute('aria-selected')).toBe('true');
  });

  it('says how to get started when the team has no activity yet', async () => {
    const quiet = dashboard({
      weeks: [],
      sources: [],
      totals: {
        ...dashboard().totals,
        entries: 0,
        minutes: 0,
        responded: 0,
        nothing: 0,
        noAnswer: 0,
        responseRate: null,
        averageRating: null,
        activeMembers: 0,
      },
    });
    const { page } = await open({ [DASHBOARD]: quiet });
    await waitFor(page, '[data-testid="schedule-form"]');
    expect(page.querySelector('[data-testid="dashboard-empty"]')?.textContent).toContain('Set when check-ins go out below');
    expect(page.querySelector('[data-testid="summary-tiles"]')).toBeNull();
    expect(page.querySelector('[data-testid="schedule-form"]')).not.toBeNull();
  });
});

describe('TeamPage for a member who is not a lead', () => {
  it('shows the team’s totals and charts, their own row only, and the schedule read-only', async () => {
    const own: MemberRowView = memberRow('Megan Bowen');
    const { page } = await open({ [DASHBOARD]: dashboard({ role: 'member', members: [own] }) });
    await waitFor(page, '[data-testid="dashboard-charts"]');
    expect(page.querySelector('[data-testid="member-note"]')?.textContent).toContain('Only team leads see everyone’s details');
    expect(tiles(page).Members).toBe('4');
    expect(page.querySelector('[data-testid="dashboard-charts"]')).not.toBeNull();
    expect(names(page)).toEqual(['Megan Bowen']);
    expect(page.querySelector('[data-testid="schedule-form"]')).toBeNull();
    expect(page.querySelector('[data-testid="schedule-section"]')?.querySelector('input, select')).toBeNull();
    expect(page.querySelector('[data-testid="schedule-summary"]')?.textContent).toContain('Every Friday');
    expect(page.textContent).toContain('Only team leads can change the schedule.');
  });
});

describe('TeamPage when something fails', () => {
  it('says what failed and loads again on Retry', async () => {
    const { page } = await open({ [DASHBOARD]: [new ApiFailure(503, 'Storage is unavailable'), dashboard()] });
    expect(page.querySelector('[data-testid="dashboard-error"]')?.textContent).toContain(
      "Couldn't load the team dashboard (HTTP 503): Storage is unavailable",
    );
    await click(buttonNamed('Retry', page));
    await settle(5);
    expect(page.querySelector('[data-testid="dashboard-error"]')).toBeNull();
    expect(names(page)).toHaveLength(LEAD_MEMBERS.length);
  });
});

describe('TeamPage without a team from the host', () => {
  const teams = (...list: { teamId: string; name: string; role: 'lead' | 'member' }[]) => ({ teams: list });

  it('uses the caller’s only team', async () => {
    const { page, calls } = await open(
      { 'GET /api/v1/me/teams': teams({ teamId: TEAM_ID, name: 'Product Design', role: 'lead' }), [DASHBOARD]: dashboard() },
      {},
    );
    expect(calls.map((c) => c.path.split('?')[0]).slice(0, 2)).toEqual([
      '/api/v1/me/teams',
      `/api/v1/teams/${encodeURIComponent(TEAM_ID)}/dashboard`,
    ]);
    expect(page.querySelector('[data-testid="team-picker"]')).toBeNull();
    expect(names(page)).toHaveLength(LEAD_MEMBERS.length);
  });

  it('offers a picker when the caller is in several teams, and shows the team chosen', async () => {
    const { page, callsTo } = await open(
      {
        'GET /api/v1/me/teams': teams(
          { teamId: TEAM_ID, name: 'Product Design', role: 'lead' },
          { teamId: 'other', name: 'Research', role: 'member' },
        ),
        [DASHBOARD]: dashboard(),
        'GET /api/v1/teams/other/dashboard': dashboard(),
      },
      {},
    );
    const picker = page.querySelector<HTMLSelectElement>('[data-testid="team-picker"]');
    expect([...(picker?.options ?? [])].map((o) => o.textContent)).toEqual(['Product Design (lead)', 'Research']);
    expect(picker?.value).toBe(TEAM_ID);
    await act(async () => {
      picker!.value = 'other';
      picker!.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await eventually(() => expect(callsTo('GET', '/api/v1/teams/other/dashboard')).toHaveLength(1));
  });

  it('says so when the caller is in no team using Learning Loop', async () => {
    const { page } = await open({ 'GET /api/v1/me/teams': teams() }, {});
    expect(page.querySelector('[data-testid="no-teams"]')?.textContent).toContain('You are not in any team that uses Learning Loop');
  });
});

describe('TeamPage’s way to a member’s entries', () => {
  const links = (page: HTMLElement) => [...page.querySelectorAll<HTMLAnchorElement>('[data-testid="entries-link"]')];

  it('links a lead from every row but their own to that member’s entries, a page of its own named for the member', async () => {
    const { page } = await open({ [DASHBOARD]: dashboard({ callerId: 'alex-wilber' }) });
    expect(links(page).map((a) => a.textContent)).toEqual([
      'View entries (Isaiah Langer)',
      'View entries (Megan Bowen)',
      'View entries (Patti Fernandez)',
    ]);
    expect(links(page)[1]?.getAttribute('href')).toBe(`/teams/${encodeURIComponent(TEAM_ID)}/members/megan-bowen`);
    expect(links(page)[1]?.tagName).toBe('A');
  });

  it('gives a member who is not a lead no such link', async () => {
    const { page } = await open({
      [DASHBOARD]: dashboard({ role: 'member', members: [memberRow('Megan Bowen')], callerId: 'megan-bowen' }),
    });
    expect(names(page)).toEqual(['Megan Bowen']);
    expect(links(page)).toEqual([]);
    expect(header(page, 'Actions')).toBeUndefined();
  });
});
