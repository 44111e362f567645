// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiFailure } from '../api/api-client.js';
import { dashboard, memberRow } from '../testing/dashboard-fixtures.js';
import { NUDGES_ROUTE, nudge, nudgeRoute } from '../testing/goal-fixtures.js';
import { buttonNamed, click, controlLabelled, eventually, settle, typeInto, unmountRendered } from '../testing/render-page.js';
import { DASHBOARD, header, openTeamPage as open, waitFor } from '../testing/team-page.js';

// The real charts need layout jsdom does not do; what matters here is that the page hands them the figures.
vi.mock('../dashboard/DashboardCharts.js', () => ({
  default: ({ data }: { data: { weeks: unknown[] } }) => <div data-testid="dashboard-charts">{`${data.weeks.length} weeks charted`}</div>,
}));

afterEach(unmountRendered);

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
