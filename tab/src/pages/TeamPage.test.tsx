// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { ApiFailure } from '../api/api-client.js';
import type { MemberRowView } from '../api/dashboard-types.js';
import { LEAD_MEMBERS, TEAM_ID, dashboard, memberRow } from '../testing/dashboard-fixtures.js';
import { fakeApiClient } from '../testing/fake-api-client.js';
import { NUDGES_ROUTE, nudge, nudgeRoute } from '../testing/goal-fixtures.js';
import { TEAM_RECOMMENDATIONS_ROUTE } from '../testing/recommendation-fixtures.js';
import { NO_SHARES_ROUTES, RESOURCES_ROUTE, SHARES_ROUTE, resource, share, shares, topResources } from '../testing/share-fixtures.js';
import {
  buttonNamed,
  click,
  controlLabelled,
  eventually,
  renderInFluent,
  settle,
  typeInto,
  unmountRendered,
} from '../testing/render-page.js';
import { TeamPage } from './TeamPage.js';

// The real charts need layout jsdom does not do; what matters here is that the page hands them the figures.
vi.mock('../dashboard/DashboardCharts.js', () => ({
  default: ({ data }: { data: { weeks: unknown[] } }) => <div data-testid="dashboard-charts">{`${data.weeks.length} weeks charted`}</div>,
}));

afterEach(unmountRendered);

const DASHBOARD = `GET /api/v1/teams/${encodeURIComponent(TEAM_ID)}/dashboard`;
const SETTINGS = `PUT /api/v1/teams/${encodeURIComponent(TEAM_ID)}/settings`;

async function open(routes: Record<string, unknown>, props: { teamId?: string; channelId?: string } = { teamId: TEAM_ID }) {
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
async function waitFor(page: HTMLElement, selector: string): Promise<Element> {
  for (let waited = 0; waited < 3000; waited += 20) {
    const found = page.querySelector(selector);
    if (found) return found;
    await settle(20);
  }
  throw new Error(`Nothing matched ${selector}`);
}

const names = (page: HTMLElement) => [...page.querySelectorAll('[data-testid="member-name"]')].map((n) => n.textContent);
const tiles = (page: HTMLElement) =>
  Object.fromEntries(
    [...page.querySelectorAll('[data-testid="summary-tile"]')].map((t) => [
      t.querySelector('dt')?.textContent,
      t.querySelector('dd')?.textContent,
    ]),
  );
const header = (page: HTMLElement, label: string) => [...page.querySelectorAll('th')].find((th) => th.textContent === label);

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

describe('the schedule form', () => {
  it('shows the service’s field errors beside the fields and keeps what was typed', async () => {
    const rejected = new ApiFailure(400, 'Invalid settings', 'invalid_settings', [
      { field: 'reminderAfterHours', message: 'Remind after 1 to 72 hours' },
      { field: 'timeZone', message: 'Choose a time zone such as Europe/London' },
    ]);
    const { page, callsTo } = await open({ [DASHBOARD]: dashboard(), [SETTINGS]: rejected });
    await waitFor(page, '[data-testid="schedule-form"]');
    await typeInto(controlLabelled('Remind those who have not answered after (hours)', page), '48');
    await click(buttonNamed('Save schedule', page));
    await settle(5);
    expect(callsTo('PUT', '/api/v1/teams/')[0]?.body).toEqual({
      cadence: 'weekly',
      weekday: 5,
      localTime: '16:00',
      timeZone: 'Europe/London',
      reminderAfterHours: 48,
      sharesChannelId: '19:general@thread.tacv2',
      roundupEnabled: true,
      roundupWeekday: 5,
    });
    const hours = controlLabelled('Remind those who have not answered after (hours)', page) as HTMLInputElement;
    expect(hours.value).toBe('48');
    expect(hours.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(hours.getAttribute('aria-describedby')?.split(' ')[0] ?? '')?.textContent).toBe(
      'Remind after 1 to 72 hours',
    );
    expect(page.textContent).toContain('Choose a time zone such as Europe/London');
    expect(page.querySelector('[data-testid="schedule-problem"]')?.textContent).toContain('The service did not accept the schedule');
    expect(document.activeElement).toBe(controlLabelled('Team time zone', page));
  });

  it('moves the weekly round-up’s day or turns it off, sent with the schedule, and shows the service’s problem with the day', async () => {
    const rejected = new ApiFailure(400, 'Invalid settings', 'invalid_settings', [
      { field: 'roundupWeekday', message: 'Choose a day for the weekly round-up' },
    ]);
    const { page, callsTo } = await open({ [DASHBOARD]: dashboard(), [SETTINGS]: rejected });
    await waitFor(page, '[data-testid="schedule-form"]');
    const day = page.querySelector<HTMLSelectElement>('[data-testid="roundup-day"]')!;
    expect(day.value).toBe('5');
    expect(controlLabelled('Round-up day', page)).toBe(day);
    await act(async () => {
      Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value')?.set?.call(day, '2');
      day.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await click(buttonNamed('Save schedule', page));
    await settle(5);
    expect(callsTo('PUT', '/api/v1/teams/')[0]?.body).toMatchObject({ roundupEnabled: true, roundupWeekday: 2 });
    expect(day.getAttribute('aria-invalid')).toBe('true');
    expect(page.textContent).toContain('Choose a day for the weekly round-up');

    const toggle = page.querySelector<HTMLInputElement>('[data-testid="roundup-enabled"]')!;
    expect(toggle.checked).toBe(true);
    await click(toggle);
    expect(toggle.checked).toBe(false);
    expect(page.querySelector('[data-testid="roundup-day"]')).toBeNull();
    await click(buttonNamed('Save schedule', page));
    await settle(5);
    expect(callsTo('PUT', '/api/v1/teams/')[1]?.body).toMatchObject({ roundupEnabled: false, roundupWeekday: 2 });
  });

  it('checks the rules before sending, and says when the schedule is saved', async () => {
    const { page, callsTo, answerWith } = await open({ [DASHBOARD]: dashboard(), [SETTINGS]: new ApiFailure(500, 'unexpected') });
    await waitFor(page, '[data-testid="schedule-form"]');
    const hours = controlLabelled('Remind those who have not answered after (hours)', page);
    await typeInto(hours, '80');
    await click(buttonNamed('Save schedule', page));
    expect(callsTo('PUT', '/api/v1/')).toHaveLength(0);
    expect(page.textContent).toContain('Remind after 1 to 72 hours');

    const saved = {
      teamId: TEAM_ID,
      name: 'Product Design',
      schedule: { ...dashboard().settings.schedule!, reminderAfterHours: 12 },
      sharesChannelId: '19:general@thread.tacv2',
      updatedBy: 'alex',
      updatedAt: '2026-11-28T12:00:00Z',
      tenantId: 't',
    };
    answerWith(SETTINGS, { settings: saved });
    await typeInto(hours, '12');
    await click(buttonNamed('Save schedule', page));
    await settle(5);
    expect(page.querySelector('[data-testid="schedule-saved"]')?.textContent).toContain('Schedule saved.');
    expect(page.querySelector('[data-testid="schedule-summary"]')?.textContent).toContain('One reminder after 12 hours');
  });

  it('uses the tab’s channel for shares when none is saved, and says to use the setup card when it cannot', async () => {
    const unset = dashboard({
      settings: { schedule: null, sharesChannelId: null, updatedAt: '2026-09-01T09:00:00Z', roundup: { enabled: true, weekday: 5 } },
    });
    const inChannel = await open(
      { [DASHBOARD]: unset, [SETTINGS]: new ApiFailure(403, 'Only leads can change the schedule') },
      { teamId: TEAM_ID, channelId: '19:tab-channel@thread.tacv2' },
    );
    await waitFor(inChannel.page, '[data-testid="schedule-form"]');
    await click(buttonNamed('Save schedule', inChannel.page));
    await settle(5);
    expect(inChannel.callsTo('PUT', '/api/v1/')[0]?.body).toMatchObject({
      sharesChannelId: '19:tab-channel@thread.tacv2',
      weekday: 5,
      localTime: '16:00',
    });
    expect(inChannel.page.textContent).toContain("Couldn't save the schedule (HTTP 403): Only leads can change the schedule");
    unmountRendered();

    const nowhere = await open({ [DASHBOARD]: unset });
    await waitFor(nowhere.page, '[data-testid="schedule-form"]');
    expect(nowhere.page.textContent).toContain('Set up check-ins from the setup card the bot posted');
    await click(buttonNamed('Save schedule', nowhere.page));
    expect(nowhere.callsTo('PUT', '/api/v1/')).toHaveLength(0);
  });

  it('offers the team’s channels the service lists, shows its refusal beside them, and sends the one the lead picks', async () => {
    const channels = `GET /api/v1/teams/${encodeURIComponent(TEAM_ID)}/channels`;
    const refused = new ApiFailure(400, 'Invalid settings', 'invalid_settings', [
      { field: 'sharesChannelId', message: 'Choose one of this team’s channels' },
    ]);
    const saved = { ...dashboard().settings, teamId: TEAM_ID, name: 'Product Design', sharesChannelId: '19:book-club@thread.tacv2' };
    const { page, callsTo } = await open({
      [DASHBOARD]: dashboard(),
      [SETTINGS]: [refused, { settings: { ...saved, tenantId: 't', updatedBy: 'alex' } }],
      [channels]: {
        channels: [
          { id: TEAM_ID, name: 'General' },
          { id: '19:book-club@thread.tacv2', name: 'Book club' },
        ],
      },
    });
    await waitFor(page, '[data-testid="schedule-form"]');
    await eventually(() => controlLabelled('Post learning shares in', page));
    const select = controlLabelled('Post learning shares in', page) as HTMLSelectElement;
    // The saved channel is not among those the service lists: it stays, named for what it is.
    expect([...select.options].map((o) => [o.value, o.textContent])).toEqual([
      ['19:general@thread.tacv2', 'The channel chosen before'],
      [TEAM_ID, 'General'],
      ['19:book-club@thread.tacv2', 'Book club'],
    ]);
    await click(buttonNamed('Save schedule', page));
    await settle(5);
    expect(select.getAttribute('aria-invalid')).toBe('true');
    expect(page.textContent).toContain('Choose one of this team’s channels');

    await act(async () => {
      Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value')?.set?.call(select, '19:book-club@thread.tacv2');
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await click(buttonNamed('Save schedule', page));
    await settle(5);
    expect(callsTo('PUT', '/api/v1/teams/').map((c) => (c.body as { sharesChannelId: string }).sharesChannelId)).toEqual([
      '19:general@thread.tacv2',
      '19:book-club@thread.tacv2',
    ]);
    expect(page.querySelector('[data-testid="schedule-saved"]')?.textContent).toContain('Schedule saved.');
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

describe('TeamPage follow-ups for a lead', () => {
  const ISAIAH = nudgeRoute('isaiah-langer');
  const nudgeDialog = () => document.querySelector<HTMLElement>('[data-testid="nudge-dialog"]');
  const nudgeButtons = (page: HTMLElement) => [...page.querySelectorAll<HTMLButtonElement>('[data-testid="nudge-button"]')];
  const announcement = (page: HTMLElement) => page.querySelector('[data-testid="nudge-status"]')?.textContent;

  async function openNudge(page: HTMLElement, name: string) {
    await click(buttonNamed(`Nudge ${name}`, page));
    await eventually(() => expect(nudgeDialog()).not.toBeNull());
    return nudgeDialog()!;
  }

  it('offers Nudge on every row, named for the member', async () => {
    const { page } = await open({ [DASHBOARD]: dashboard() });
    expect(nudgeButtons(page).map((b) => b.textContent)).toEqual([
      'Nudge Alex Wilber',
      'Nudge Isaiah Langer',
      'Nudge Megan Bowen',
      'Nudge Patti Fernandez',
    ]);
    expect(header(page, 'Actions')?.getAttribute('aria-sort')).toBeNull();
    expect(page.querySelector('[data-testid="nudge-status"]')?.getAttribute('role')).toBe('status');
  });

  it('sends a nudge with its note, says so, refreshes the follow-ups and gives focus back', async () => {
    const sent = nudge('Isaiah Langer', { note: 'How is the course going?', reason: 'No answer to the last 2 check-ins' });
    const { page, callsTo } = await open({
      [DASHBOARD]: dashboard(),
      [NUDGES_ROUTE]: [{ nudges: [] }, { nudges: [sent] }],
      [ISAIAH]: { nudge: sent },
    });
    await waitFor(page, '[data-testid="follow-ups-empty"]');
    const dialog = await openNudge(page, 'Isaiah Langer');
    const title = dialog.querySelector('h2');
    expect(title?.textContent).toBe('Nudge Isaiah Langer');
    expect(dialog.getAttribute('aria-labelledby')).toBe(title?.id);
    expect(dialog.querySelector('[data-testid="nudge-reason"]')?.textContent).toBe('Needs follow-up: No answer to the last 2 check-ins');
    const note = controlLabelled('Note', dialog) as HTMLTextAreaElement;
    expect(note.maxLength).toBe(500);
    await typeInto(note, '  How is the course going? ');
    expect(dialog.textContent).toContain('Optional. 27 of 500 characters');
    await click(buttonNamed('Send', dialog));
    await settle(5);

    expect(callsTo('POST', '/')).toEqual([{ method: 'POST', path: ISAIAH.slice(5), body: { note: 'How is the course going?' } }]);
    expect(nudgeDialog()).toBeNull();
    expect(announcement(page)).toBe('Nudge sent to Isaiah Langer');
    expect(document.activeElement).toBe(buttonNamed('Nudge Isaiah Langer', page));
    await waitFor(page, '[data-testid="nudge-item"]');
    expect(callsTo('GET', NUDGES_ROUTE.slice(4))).toHaveLength(2);
    expect(page.querySelector('[data-testid="nudge-item"]')?.textContent).toContain('How is the course going?');
  });

  it('says when a nudge could only be recorded, and sends no note when none was typed', async () => {
    const { page, callsTo } = await open({
      [DASHBOARD]: dashboard(),
      [nudgeRoute('megan-bowen')]: { nudge: nudge('Megan Bowen', { delivered: false }) },
    });
    const dialog = await openNudge(page, 'Megan Bowen');
    expect(dialog.querySelector('[data-testid="nudge-reason"]')).toBeNull();
    await click(buttonNamed('Send', dialog));
    await settle(5);
    expect(callsTo('POST', '/')[0]?.body).toEqual({});
    expect(announcement(page)).toBe(
      'Nudge recorded; Megan Bowen has not opened a chat with Learning Loop yet, so it could not be delivered',
    );
  });

  it('shows the service’s refusal in the dialog and keeps the note', async () => {
    const refusal = new ApiFailure(409, 'You nudged Isaiah Langer less than 12 hours ago; give them time to answer.', 'conflict');
    const { page, callsTo } = await open({ [DASHBOARD]: dashboard(), [ISAIAH]: refusal });
    const dialog = await openNudge(page, 'Isaiah Langer');
    await typeInto(controlLabelled('Note', dialog), 'Any news?');
    await click(buttonNamed('Send', dialog));
    await settle(5);
    expect(callsTo('POST', '/')).toHaveLength(1);
    expect(nudgeDialog()).toBe(dialog);
    expect(dialog.querySelector('[data-testid="nudge-refusal"]')?.textContent).toBe(
      'You nudged Isaiah Langer less than 12 hours ago; give them time to answer.',
    );
    expect((controlLabelled('Note', dialog) as HTMLTextAreaElement).value).toBe('Any news?');
    expect(announcement(page)).toBe('');
    expect(callsTo('GET', NUDGES_ROUTE.slice(4))).toHaveLength(1);
  });

  it('closes on Cancel without sending', async () => {
    const { page, callsTo } = await open({ [DASHBOARD]: dashboard() });
    const dialog = await openNudge(page, 'Alex Wilber');
    await click(buttonNamed('Cancel', dialog));
    await settle(5);
    expect(nudgeDialog()).toBeNull();
    expect(callsTo('POST', '/')).toEqual([]);
    expect(document.activeElement).toBe(buttonNamed('Nudge Alex Wilber', page));
  });

  it('lists the team’s nudges below the members, with each reply', async () => {
    const { page } = await open({
      [DASHBOARD]: dashboard(),
      [NUDGES_ROUTE]: {
        nudges: [
          nudge('Isaiah Langer', { sentAt: '2026-11-27T09:00:00.000Z', reply: { answer: 'need-help', at: '2026-11-27T12:00:00.000Z' } }),
          nudge('Megan Bowen', { sentAt: '2026-11-20T09:00:00.000Z' }),
        ],
      },
    });
    await waitFor(page, '[data-testid="nudge-item"]');
    const replies = [...page.querySelectorAll('[data-testid="nudge-reply"]')].map((r) => r.textContent);
    expect(replies).toEqual(['Replied: I need help', 'No reply yet']);
    const headings = [...page.querySelectorAll('h1, h2')].map((h) => h.textContent);
    expect(headings.indexOf('Follow-ups')).toBe(headings.indexOf('Members') + 1);
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

describe('TeamPage follow-ups for a member who is not a lead', () => {
  it('offers no Nudge and never asks for the team’s nudges', async () => {
    const { page, callsTo } = await open({
      [DASHBOARD]: dashboard({ role: 'member', members: [memberRow('Megan Bowen', { needsFollowUp: true })] }),
    });
    await waitFor(page, '[data-testid="share-card"], [data-testid="shares-feed"]');
    await settle(50);
    expect(page.querySelector('[data-testid="nudge-button"]')).toBeNull();
    expect(header(page, 'Actions')).toBeUndefined();
    expect(page.querySelector('[data-testid="follow-ups"]')).toBeNull();
    expect(page.querySelector('[data-testid="nudge-status"]')).toBeNull();
    expect(callsTo('GET', '/api/v1/teams/').some((c) => c.path.includes('/nudges'))).toBe(false);
  });
});
