// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { ApiFailure } from '../api/api-client.js';
import type { MyAudienceResponse } from './use-my-audience.js';
import { fakeApiClient, type FakeAnswer } from '../testing/fake-api-client.js';
import { buttonNamed, click, eventually, renderInFluent, settle, unmountRendered } from '../testing/render-page.js';
import { WhoCanSee } from './WhoCanSee.js';

const ROUTE = 'GET /api/v1/me/audience';
const AUDIENCE: MyAudienceResponse = {
  teams: [
    {
      teamId: 't1',
      name: 'Product Design',
      joinedAt: '2026-09-01T08:00:00.000Z',
      leads: [{ displayName: 'Alex Wilber' }, { displayName: 'Lynne Robbins' }],
      hasSharesChannel: true,
    },
    { teamId: 't2', name: 'New Team', joinedAt: '2026-11-20T10:00:00.000Z', leads: [], hasSharesChannel: false },
  ],
};

let container: HTMLElement;
afterEach(unmountRendered);

async function render(answer: FakeAnswer | FakeAnswer[]) {
  const service = fakeApiClient({ [ROUTE]: answer });
  container = await renderInFluent(<WhoCanSee client={service.client} locale="en-US" />);
  await settle();
  return service;
}

const section = () => container.querySelector('[data-testid="who-can-see"]')!;
const teamItems = () => [...container.querySelectorAll('[data-testid="audience-team"]')].map((li) => li.textContent);

describe('WhoCanSee', () => {
  it('says what each choice means and, team by team, since when which leads can read the entries marked for them', async () => {
    await render(AUDIENCE);
    const heading = section().querySelector('h2');
    expect(heading?.textContent).toBe('Who can see your entries');
    expect(section().getAttribute('aria-labelledby')).toBe(heading?.id);
    const meanings = [...section().querySelectorAll('ul')[0]!.querySelectorAll('li')].map((li) => li.textContent);
    expect(meanings).toEqual([
      'Only me: nobody but you. If your organisation uses a Learning Record Store, it still gets a statement that you learned, for how long and how useful it was, without the entry’s words or link.',
      expect.stringMatching(/^My team’s leads: the leads of each team you are in, for the entries you write while you are in it/),
      expect.stringMatching(/^My team \(learning channel\): also everyone in the team/),
    ]);
    expect(section().querySelector('h3')?.textContent).toBe('Your teams');
    expect(teamItems()).toEqual([
      'Product Design: you joined on Sep 1, 2026; its leads (Alex Wilber, Lynne Robbins) can see your “My team’s leads” entries written since then. Your “My team (learning channel)” entries go to its learning channel.',
      'New Team: you joined on Nov 20, 2026; it has no lead yet, so nobody there reads your “My team’s leads” entries. It has not chosen a learning channel yet, so your “My team (learning channel)” entries are not posted there.',
    ]);
    // The teams are a list named by their heading, for screen readers.
    const teamsList = container.querySelectorAll('[data-testid="who-can-see"] ul')[1]!;
    expect(teamsList.getAttribute('aria-labelledby')).toBe(section().querySelector('h3')?.id);
  });

  it('says nobody else sees anything when the learner is in no team', async () => {
    await render({ teams: [] });
    expect(teamItems()).toEqual([]);
    expect(section().textContent).toContain('You are in no team that uses Learning Loop, so nobody else can see your entries.');
  });

  it('says what failed and tries again on request', async () => {
    const service = await render([new ApiFailure(503, 'Service unavailable'), AUDIENCE]);
    expect(section().textContent).toContain('Couldn’t load who can see your entries');
    await click(buttonNamed('Retry', container));
    await eventually(() => expect(teamItems()).toHaveLength(2));
    expect(service.callsTo('GET', '/api/v1/me/audience')).toHaveLength(2);
  });
});
