// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiFailure } from '../api/api-client.js';
import { TEAM_ID, dashboard } from '../testing/dashboard-fixtures.js';
import { buttonNamed, click, controlLabelled, eventually, settle, typeInto, unmountRendered } from '../testing/render-page.js';
import { DASHBOARD, SETTINGS, openTeamPage as open, waitFor } from '../testing/team-page.js';

// The real charts need layout jsdom does not do; what matters here is that the page hands them the figures.
vi.mock('../dashboard/DashboardCharts.js', () => ({
  default: ({ data }: { data: { weeks: unknown[] } }) => <div data-testid="dashboard-charts">{`${data.weeks.length} weeks charted`}</div>,
}));

afterEach(unmountRendered);

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
