// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { ApiFailure } from '../api/api-client.js';
import { fakeApiClient, type FakeAnswer } from '../testing/fake-api-client.js';
import { buttonNamed, click, eventually, renderInFluent, settle, unmountRendered } from '../testing/render-page.js';
import { SAVED_ROUTE, savedShare, share, voteRoute } from '../testing/share-fixtures.js';
import { LazySavedList } from './lazy-sections.js';

afterEach(unmountRendered);

let container: HTMLElement;

async function render(routes: Record<string, FakeAnswer | FakeAnswer[]>) {
  const service = fakeApiClient(routes);
  container = await renderInFluent(<LazySavedList client={service.client} locale="en-US" />);
  await eventually(() => expect(container.textContent).not.toContain('Loading your saved learning'));
  return service;
}

const items = () => [...container.querySelectorAll<HTMLElement>('[data-testid="saved-item"]')];
const titles = () => items().map((i) => i.querySelector('h3')?.textContent?.replace(' (opens in a new tab)', ''));
const status = () => container.querySelector('[data-testid="saved-status"]')?.textContent;

const FLAGS = savedShare('Feature flags in practice', {
  shareId: 's/1',
  sharerName: 'Alex Wilber',
  sourceType: 'video',
  link: 'https://example.com/flags',
  insight: 'Ship dark, then flip',
  savedAt: '2026-11-22T09:00:00.000Z',
});
const GONE = savedShare('A withdrawn tip', {
  shareId: 's2',
  teamId: 'other-team',
  teamName: 'Research',
  withdrawn: true,
  link: 'javascript:alert(1)',
  savedAt: '2026-11-20T09:00:00.000Z',
});
const MIDDLE = savedShare('Middle one', { shareId: 's3', savedAt: '2026-11-21T09:00:00.000Z' });

describe('saved learning', () => {
  it('lists what the caller saved, newest saved first, with where it came from', async () => {
    const service = await render({ [SAVED_ROUTE]: { saved: [GONE, FLAGS, MIDDLE] } });
    expect(service.calls.map((c) => c.path)).toEqual(['/api/v1/me/saved']);
    expect(container.querySelector('h2')?.textContent).toBe('Saved');
    expect(titles()).toEqual(['Feature flags in practice', 'Middle one', 'A withdrawn tip']);
    const flags = items()[0]!;
    for (const words of ['Shared by Alex Wilber in Product Design', 'Saved Nov 22, 2026', 'Video', 'Ship dark, then flip'])
      expect(flags.textContent).toContain(words);
    const link = flags.querySelector('h3 a');
    expect(link?.getAttribute('href')).toBe('https://example.com/flags');
    expect(link?.getAttribute('target')).toBe('_blank');
    expect(link?.getAttribute('rel')).toBe('noopener noreferrer');
    expect(flags.querySelector('[data-testid="saved-withdrawn"]')).toBeNull();
  });

  it('marks a share its sharer withdrew, in words, and keeps a link that is not a web address as text', async () => {
    await render({ [SAVED_ROUTE]: { saved: [GONE] } });
    const gone = items()[0]!;
    expect(gone.querySelector('[data-testid="saved-withdrawn"]')?.textContent).toBe('Withdrawn by the sharer');
    expect(gone.textContent).toContain('Shared by Megan Bowen in Research');
    expect(gone.querySelector('a')).toBeNull();
    expect(gone.textContent).toContain('javascript:alert(1)');
  });

  it('names a withdrawn share that comes without its title (the service keeps none) by what happened to it', async () => {
    await render({ [SAVED_ROUTE]: { saved: [{ ...GONE, what: '', link: null, insight: null }] } });
    expect(titles()).toEqual(['Withdrawn by the sharer']);
    expect(buttonNamed('Unsave ‘Withdrawn by the sharer’', container)).toBeTruthy();
  });

  it('unsaves an item: the service is told, the item leaves, the page says so and focus goes to the heading', async () => {
    const service = await render({
      [SAVED_ROUTE]: { saved: [FLAGS, GONE] },
      [voteRoute('s/1')]: share('Feature flags in practice', { shareId: 's/1' }),
      [voteRoute('s2', 'other-team')]: share('A withdrawn tip', { shareId: 's2', teamId: 'other-team' }),
    });
    await click(buttonNamed('Unsave ‘Feature flags in practice’', container));
    await settle();
    expect(service.callsTo('PUT', '/')).toEqual([{ method: 'PUT', path: voteRoute('s/1').slice(4), body: { saved: false } }]);
    expect(titles()).toEqual(['A withdrawn tip']);
    expect(status()).toBe('Unsaved ‘Feature flags in practice’. It is no longer in your saved learning.');
    expect(document.activeElement?.textContent).toBe('Saved');

    await click(buttonNamed('Unsave ‘A withdrawn tip’', container));
    await settle();
    expect(service.callsTo('PUT', '/')[1]?.path).toBe('/api/v1/teams/other-team/shares/s2/my-vote');
    expect(titles()).toEqual([]);
    expect(container.querySelector('[data-testid="saved-empty"]')).not.toBeNull();
  });

  it('keeps an item whose unsave failed, says why, and tries again on Retry', async () => {
    const service = await render({
      [SAVED_ROUTE]: { saved: [FLAGS] },
      [voteRoute('s/1')]: [new ApiFailure(503, 'Storage is down'), share('Feature flags in practice', { shareId: 's/1' })],
    });
    await click(buttonNamed('Unsave ‘Feature flags in practice’', container));
    await settle();
    expect(titles()).toEqual(['Feature flags in practice']);
    expect(items()[0]?.textContent).toContain(
      "Couldn't unsave ‘Feature flags in practice’ (HTTP 503): Storage is down. It is still saved.",
    );
    await click(buttonNamed('Retry', items()[0]));
    await settle();
    expect(service.callsTo('PUT', '/')).toHaveLength(2);
    expect(titles()).toEqual([]);
  });

  it('says how to save something when nothing is saved yet', async () => {
    await render({ [SAVED_ROUTE]: { saved: [] } });
    expect(container.querySelector('[data-testid="saved-empty"]')?.textContent).toBe(
      'Nothing saved yet. Press Save on a learning share in your team’s channel or on the team page.',
    );
  });

  it('says what failed and loads again on Retry', async () => {
    await render({ [SAVED_ROUTE]: [new ApiFailure(503, 'Storage is unavailable'), { saved: [FLAGS] }] });
    expect(container.textContent).toContain("Couldn't load your saved learning (HTTP 503): Storage is unavailable");
    await click(buttonNamed('Retry', container));
    await settle();
    expect(titles()).toEqual(['Feature flags in practice']);
    expect(container.textContent).not.toContain("Couldn't load");
  });

  it('brings older saves with Load more, until there are no more', async () => {
    const service = await render({
      [SAVED_ROUTE]: [
        { saved: [FLAGS, MIDDLE], nextCursor: 'after-middle' },
        { saved: [GONE], nextCursor: null },
      ],
    });
    expect(titles()).toEqual(['Feature flags in practice', 'Middle one']);
    await click(buttonNamed('Load more', container));
    await eventually(() => expect(titles()).toEqual(['Feature flags in practice', 'Middle one', 'A withdrawn tip']));
    expect(service.calls.map((c) => c.path)).toEqual(['/api/v1/me/saved', '/api/v1/me/saved?cursor=after-middle']);
    expect(container.querySelector('[data-testid="saved-more"]')).toBeNull();
  });
});
