// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiFailure } from '../api/api-client.js';
import { DashboardPage } from '../dashboard/DashboardPage.js';
import { LEAD_MEMBERS, TEAM_ID, dashboard, memberRow } from '../testing/dashboard-fixtures.js';
import { fakeApiClient, type FakeAnswer } from '../testing/fake-api-client.js';
import { NUDGES_ROUTE } from '../testing/goal-fixtures.js';
import { RECOMMEND_ROUTE, TEAM_RECOMMENDATIONS_ROUTE, teamRecommendation } from '../testing/recommendation-fixtures.js';
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
import { NO_SHARES_ROUTES } from '../testing/share-fixtures.js';
import { LazyTeamRecommendations } from './lazy-recommendations.js';

// The real charts need layout jsdom does not do; the dashboard page is here only for who sees the section.
vi.mock('../dashboard/DashboardCharts.js', () => ({ default: () => <div data-testid="dashboard-charts" /> }));

afterEach(unmountRendered);

let container: HTMLElement;

async function render(routes: Record<string, FakeAnswer | FakeAnswer[]>) {
  const service = fakeApiClient(routes);
  container = await renderInFluent(
    <LazyTeamRecommendations client={service.client} teamId={TEAM_ID} locale="en-US" members={LEAD_MEMBERS} callerId="alex-wilber" />,
  );
  await eventually(() => expect(container.textContent).not.toContain('Loading the recommendations'));
  return service;
}

const items = () => [...container.querySelectorAll<HTMLElement>('[data-testid="team-recommendation"]')];
const titles = () => items().map((i) => i.querySelector('h3')?.textContent);
const doneBy = () => items().map((i) => i.querySelector('[data-testid="recommendation-done-by"]')?.textContent);
const status = () => container.querySelector('[data-testid="team-recommendations-status"]')?.textContent;
const recommendButton = () => container.querySelector<HTMLButtonElement>('[data-testid="recommend-button"]');
const dialog = () => document.querySelector<HTMLElement>('[data-testid="recommend-dialog"]');
/** Everything the control's description points at: its hint and, when it has one, its problem. */
const describedBy = (control: HTMLElement) =>
  (control.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' | ');

async function openDialog() {
  await click(recommendButton());
  await eventually(() => expect(dialog()).not.toBeNull());
  return dialog()!;
}

async function choose(select: HTMLElement, value: string) {
  await act(async () => {
    (select as HTMLSelectElement).value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

const FLAGS = teamRecommendation('Feature flags in practice', {
  recId: 'r1',
  at: '2026-11-27T10:00:00.000Z',
  note: 'Before we ship the beta',
  doneBy: 2,
  for: 4,
});
const SBI = teamRecommendation('SBI feedback', {
  recId: 'r2',
  learnerId: 'megan-bowen',
  doneBy: 1,
  for: 1,
  at: '2026-11-20T10:00:00.000Z',
});
const GONE = teamRecommendation('Old advice', {
  recId: 'r3',
  learnerId: 'left-the-team',
  link: 'javascript:alert(1)',
  at: '2026-11-01T10:00:00.000Z',
});

describe('a team’s recommendations, for its leads', () => {
  it('lists each newest first with who it is for and how many of them did it', async () => {
    const service = await render({ [TEAM_RECOMMENDATIONS_ROUTE]: { recommendations: [SBI, GONE, FLAGS] } });
    expect(service.calls.map((c) => c.path)).toEqual([`/api/v1/teams/${encodeURIComponent(TEAM_ID)}/recommendations`]);
    expect(container.querySelector('h2')?.textContent).toBe('Recommendations');
    expect(container.textContent).toContain('3 recommendations, newest first');
    expect(titles()).toEqual(['Feature flags in practice', 'SBI feedback', 'Old advice']);
    expect(doneBy()).toEqual(['Done by 2 of 4', 'Done by 1 of 1', 'Done by 0 of 4']);
    const [flags, sbi, gone] = items();
    expect(flags?.textContent).toContain('Recommended by Alex Wilber to the whole team, Nov 27, 2026');
    expect(flags?.textContent).toContain('Before we ship the beta');
    expect(flags?.querySelector('a')?.getAttribute('href')).toBe('https://example.com/feature-flags-in-practice');
    expect(sbi?.textContent).toContain('Recommended by Alex Wilber to Megan Bowen');
    expect(gone?.textContent).toContain('to one member');
    // Only web links become clickable.
    expect(gone?.querySelector('a')).toBeNull();
    expect(gone?.textContent).toContain('javascript:alert(1)');
    expect(recommendButton()?.textContent).toBe('Recommend a resource');
    expect(container.querySelector('ul')?.getAttribute('aria-labelledby')).toBe(container.querySelector('h2')?.id);
  });

  it('recommends to one member: posts what was typed, closes, says so, reloads the list and returns focus', async () => {
    const sent = teamRecommendation('SBI feedback', { recId: 'r9', learnerId: 'megan-bowen', note: 'Before our 1:1', doneBy: 0, for: 1 });
    const service = await render({
      [TEAM_RECOMMENDATIONS_ROUTE]: [{ recommendations: [] }, { recommendations: [sent] }],
      [RECOMMEND_ROUTE]: { recommendation: sent },
    });
    const form = await openDialog();
    expect(form.querySelector('h2')?.textContent).toBe('Recommend a resource');
    expect(form.getAttribute('aria-labelledby')).toBe(form.querySelector('h2')?.id);
    const whoFor = controlLabelled('Who is it for?', form) as HTMLSelectElement;
    // Everyone but the lead recommending.
    expect([...whoFor.options].map((o) => o.textContent)).toEqual(['The whole team', 'Isaiah Langer', 'Megan Bowen', 'Patti Fernandez']);
    await typeInto(controlLabelled('Title', form), '  SBI feedback ');
    await typeInto(controlLabelled('Link', form), 'https://www.ccl.org/sbi');
    await typeInto(controlLabelled('Note', form), 'Before our 1:1');
    await choose(whoFor, 'megan-bowen');
    await click(buttonNamed('Recommend', form));
    await settle();

    expect(service.callsTo('POST', '/')).toEqual([
      {
        method: 'POST',
        path: RECOMMEND_ROUTE.slice(5),
        body: { title: 'SBI feedback', link: 'https://www.ccl.org/sbi', note: 'Before our 1:1', learnerId: 'megan-bowen' },
      },
    ]);
    expect(dialog()).toBeNull();
    expect(status()).toBe('Recommended ‘SBI feedback’ to Megan Bowen.');
    expect(document.activeElement).toBe(recommendButton());
    await eventually(() => expect(titles()).toEqual(['SBI feedback']));
    expect(doneBy()).toEqual(['Done by 0 of 1']);
  });

  it('recommends to the whole team when nobody is picked, without an empty note', async () => {
    const sent = teamRecommendation('Inspired');
    const service = await render({ [TEAM_RECOMMENDATIONS_ROUTE]: { recommendations: [] }, [RECOMMEND_ROUTE]: { recommendation: sent } });
    const form = await openDialog();
    await typeInto(controlLabelled('Title', form), 'Inspired');
    await typeInto(controlLabelled('Link', form), 'https://www.svpg.com/inspired/');
    await click(buttonNamed('Recommend', form));
    await settle();
    expect(service.callsTo('POST', '/')[0]?.body).toEqual({ title: 'Inspired', link: 'https://www.svpg.com/inspired/' });
    expect(status()).toBe('Recommended ‘Inspired’ to the whole team.');
  });

  it('catches a missing title and a link that is not a web address before sending', async () => {
    const service = await render({ [TEAM_RECOMMENDATIONS_ROUTE]: { recommendations: [] } });
    const form = await openDialog();
    await typeInto(controlLabelled('Link', form), 'javascript:alert(1)');
    await typeInto(controlLabelled('Note', form), 'Worth it');
    await click(buttonNamed('Recommend', form));
    expect(service.callsTo('POST', '/')).toEqual([]);
    const title = controlLabelled('Title', form);
    const link = controlLabelled('Link', form) as HTMLInputElement;
    expect(title.getAttribute('aria-invalid')).toBe('true');
    expect(describedBy(title)).toContain('Say what you recommend');
    expect(describedBy(link)).toContain('The link must be a web address starting with http:// or https://');
    expect(link.value).toBe('javascript:alert(1)');
    expect((controlLabelled('Note', form) as HTMLTextAreaElement).value).toBe('Worth it');
    expect(document.activeElement).toBe(title);
  });

  it('shows the service’s field errors beside the fields and keeps what was typed', async () => {
    const rejected = new ApiFailure(400, 'Invalid recommendation: note: The note is too long', 'invalid_recommendation', [
      { field: 'note', message: 'The note is too long: at most 500 characters' },
    ]);
    const service = await render({ [TEAM_RECOMMENDATIONS_ROUTE]: { recommendations: [] }, [RECOMMEND_ROUTE]: rejected });
    const form = await openDialog();
    await typeInto(controlLabelled('Title', form), 'Inspired');
    await typeInto(controlLabelled('Link', form), 'https://www.svpg.com/inspired/');
    await typeInto(controlLabelled('Note', form), 'A note the service finds too long');
    await choose(controlLabelled('Who is it for?', form), 'isaiah-langer');
    await click(buttonNamed('Recommend', form));
    await settle();

    expect(service.callsTo('POST', '/')).toHaveLength(1);
    expect(dialog()).not.toBeNull();
    const note = controlLabelled('Note', form) as HTMLTextAreaElement;
    expect(note.getAttribute('aria-invalid')).toBe('true');
    expect(describedBy(note)).toContain('The note is too long: at most 500 characters');
    expect(note.value).toBe('A note the service finds too long');
    expect((controlLabelled('Title', form) as HTMLInputElement).value).toBe('Inspired');
    expect((controlLabelled('Link', form) as HTMLInputElement).value).toBe('https://www.svpg.com/inspired/');
    expect((controlLabelled('Who is it for?', form) as HTMLSelectElement).value).toBe('isaiah-langer');
    expect(controlLabelled('Title', form).getAttribute('aria-invalid')).not.toBe('true');
    expect(document.activeElement).toBe(note);
    expect(status()).toBe('');
  });

  it('says what failed when the service cannot take it, and tries again on Retry', async () => {
    const service = await render({
      [TEAM_RECOMMENDATIONS_ROUTE]: { recommendations: [] },
      [RECOMMEND_ROUTE]: [new ApiFailure(503, 'Storage is down'), { recommendation: teamRecommendation('Inspired') }],
    });
    const form = await openDialog();
    await typeInto(controlLabelled('Title', form), 'Inspired');
    await typeInto(controlLabelled('Link', form), 'https://www.svpg.com/inspired/');
    await click(buttonNamed('Recommend', form));
    await settle();
    expect(form.textContent).toContain("Couldn't recommend it (HTTP 503): Storage is down");
    await click(buttonNamed('Retry', form));
    await settle();
    expect(service.callsTo('POST', '/')).toHaveLength(2);
    expect(dialog()).toBeNull();
  });

  it('closes on Cancel without sending, and gives focus back to the button', async () => {
    const service = await render({ [TEAM_RECOMMENDATIONS_ROUTE]: { recommendations: [] } });
    const form = await openDialog();
    await typeInto(controlLabelled('Title', form), 'Never mind');
    await click(buttonNamed('Cancel', form));
    expect(dialog()).toBeNull();
    expect(service.callsTo('POST', '/')).toEqual([]);
    expect(document.activeElement).toBe(recommendButton());
  });

  it('says how it works when nothing is recommended yet, and what failed on a failed load', async () => {
    await render({ [TEAM_RECOMMENDATIONS_ROUTE]: [new ApiFailure(503, 'Storage is unavailable'), { recommendations: [] }] });
    expect(container.textContent).toContain("Couldn't load the recommendations (HTTP 503): Storage is unavailable");
    expect(recommendButton()).not.toBeNull();
    await click(buttonNamed('Retry', container));
    await settle();
    expect(container.querySelector('[data-testid="team-recommendations-empty"]')?.textContent).toContain('Nothing recommended yet.');
  });
});

describe('the recommendations on the team page', () => {
  const DASHBOARD = `GET /api/v1/teams/${encodeURIComponent(TEAM_ID)}/dashboard`;

  async function openPage(routes: Record<string, FakeAnswer>) {
    const service = fakeApiClient({
      ...NO_SHARES_ROUTES,
      [NUDGES_ROUTE]: { nudges: [] },
      [TEAM_RECOMMENDATIONS_ROUTE]: { recommendations: [FLAGS] },
      ...routes,
    });
    const page = await renderInFluent(<DashboardPage client={service.client} locale="en-US" teamId={TEAM_ID} channelId={undefined} />);
    await eventually(() => expect(page.querySelector('[data-testid="team-name"]')).not.toBeNull());
    return { page, ...service };
  }

  it('shows a lead the section, with Recommend and the counts', async () => {
    const { page } = await openPage({ [DASHBOARD]: dashboard() });
    await eventually(() => expect(page.querySelector('[data-testid="recommendation-done-by"]')?.textContent).toBe('Done by 2 of 4'));
    expect(page.querySelector('[data-testid="team-recommendations"] h2')?.textContent).toBe('Recommendations');
    expect(page.querySelector('[data-testid="recommend-button"]')).not.toBeNull();
  });

  it('shows a member neither the section nor Recommend, and never asks for the list', async () => {
    const { page, callsTo } = await openPage({ [DASHBOARD]: dashboard({ role: 'member', members: [memberRow('Megan Bowen')] }) });
    await eventually(() => expect(page.querySelector('[data-testid="shares-empty"]')).not.toBeNull());
    expect(page.querySelector('[data-testid="team-recommendations"]')).toBeNull();
    expect(page.querySelector('[data-testid="recommend-button"]')).toBeNull();
    expect(callsTo('GET', '/api/v1/teams/').some((c) => c.path.includes('/recommendations'))).toBe(false);
  });
});
