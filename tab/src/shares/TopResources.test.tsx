// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { ApiFailure } from '../api/api-client.js';
import { TEAM_ID } from '../testing/dashboard-fixtures.js';
import { fakeApiClient, type FakeAnswer } from '../testing/fake-api-client.js';
import { buttonNamed, click, controlLabelled, eventually, renderInFluent, settle, unmountRendered } from '../testing/render-page.js';
import { RANKING, RESOURCES_ROUTE, resource, topResources } from '../testing/share-fixtures.js';
import { LazyTopResources } from './lazy-sections.js';

afterEach(unmountRendered);

let container: HTMLElement;

async function render(routes: Record<string, FakeAnswer | FakeAnswer[]>) {
  const service = fakeApiClient(routes);
  container = await renderInFluent(<LazyTopResources client={service.client} teamId={TEAM_ID} locale="en-US" />);
  await eventually(() => expect(container.textContent).not.toContain('Loading the top resources'));
  return service;
}

const items = (testId: string) =>
  [...container.querySelectorAll(`[data-testid="${testId}"]`)].map((item) => item.textContent?.replace(' (opens in a new tab)', ''));
const list = (heading: string) => [...container.querySelectorAll('h3')].find((h) => h.textContent === heading)?.parentElement;

const TEAM = topResources({
  topRated: [
    resource('Designing Data-Intensive Applications', { sourceType: 'book', averageRating: 4.6, ratingCount: 12 }),
    resource('Flags talk', { sourceType: 'video', averageRating: 5, ratingCount: 1, link: 'javascript:alert(1)' }),
  ],
  mostSaved: [resource('Flags talk', { sourceType: 'video', saves: 9 }), resource('A podcast', { sourceType: 'podcast', saves: 1 })],
});

describe('top resources', () => {
  it('explains the ranking in plain words, and lists the best rated and the most saved with their figures', async () => {
    const service = await render({ [RESOURCES_ROUTE]: TEAM });
    expect(service.calls[0]?.path).toBe(`/api/v1/teams/${encodeURIComponent(TEAM_ID)}/resources?scope=team`);
    expect(container.querySelector('h2')?.textContent).toBe('Top resources');
    // In the reader's words, whatever sentence the service sends along.
    expect(container.querySelector('[data-testid="resources-ranking"]')?.textContent).toBe(
      '“Top rated” shows the resources people rated highest, best first, once a resource has at least 3 ratings. A resource with only a few ratings ranks a little below its average until more people rate it, so a couple of high ratings can’t outrank one that many people rated well.',
    );
    expect(RANKING).not.toContain('best first');
    expect(items('top-rated-item')).toEqual([
      '1.Designing Data-Intensive ApplicationsBook4.6 average from 12 ratings',
      '2.Flags talkVideo5.0 average from 1 rating',
    ]);
    expect(items('most-saved-item')).toEqual(['1.Flags talkVideoSaved by 9 people', '2.A podcastPodcastSaved by 1 person']);
    const book = container.querySelector('[data-testid="top-rated-item"] a');
    expect(book?.getAttribute('href')).toBe('https://example.com/designing-data-intensive-applications');
    expect(book?.getAttribute('target')).toBe('_blank');
    expect(book?.getAttribute('rel')).toBe('noopener noreferrer');
    expect(container.querySelectorAll('[data-testid="top-rated-item"]')[1]?.querySelector('a')).toBeNull();
    expect(list('Top rated')?.querySelector('ol')).not.toBeNull();
  });

  it('asks for the whole organisation’s when that scope is chosen', async () => {
    const organisation = {
      ...topResources({ scope: 'organisation', topRated: [resource('Org-wide favourite')], mostSaved: [] }),
      asOf: '2026-11-28T11:45:00Z',
    };
    const service = await render({ [RESOURCES_ROUTE]: [TEAM, organisation] });
    expect(container.querySelector('[data-testid="resources-as-of"]')).toBeNull();
    await click(controlLabelled('Whole organisation', container));
    await settle(5);
    expect(service.callsTo('GET', '/').map((c) => c.path.split('?')[1])).toEqual(['scope=team', 'scope=organisation']);
    expect(items('top-rated-item')).toEqual(['1.Org-wide favouriteArticle4.5 average from 4 ratings']);
    expect(list('Most saved')?.textContent).toContain('No one has saved a resource yet.');
    // Ranked in the background: the page says how fresh the lists are.
    expect(container.querySelector('[data-testid="resources-as-of"]')?.textContent).toBe(
      `Across the organisation as of ${new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date('2026-11-28T11:45:00Z'))}.`,
    );
  });

  it('says the organisation’s lists are being prepared, rather than that they are empty', async () => {
    const preparing = { ...topResources({ scope: 'organisation' }), preparing: true };
    await render({ [RESOURCES_ROUTE]: [TEAM, preparing] });
    await click(controlLabelled('Whole organisation', container));
    await settle(5);
    expect(container.querySelector('[data-testid="resources-preparing"]')?.textContent).toBe(
      'The organisation’s lists are being prepared. Check again in a few minutes.',
    );
    expect(list('Top rated')).toBeUndefined();
    expect(container.textContent).not.toContain('No resource has enough ratings yet.');
  });

  it('says when a list has nothing in it yet', async () => {
    await render({ [RESOURCES_ROUTE]: topResources() });
    expect(list('Top rated')?.textContent).toContain('No resource has enough ratings yet.');
    expect(list('Most saved')?.textContent).toContain('No one has saved a resource yet.');
    expect(items('top-rated-item')).toEqual([]);
  });

  it('says what failed and loads again on Retry', async () => {
    await render({ [RESOURCES_ROUTE]: [new ApiFailure(500, 'Rollups are rebuilding'), TEAM] });
    expect(container.textContent).toContain("Couldn't load the top resources (HTTP 500): Rollups are rebuilding");
    await click(buttonNamed('Retry', container));
    await settle();
    expect(items('top-rated-item')).toHaveLength(2);
    expect(container.textContent).not.toContain("Couldn't load");
  });
});
