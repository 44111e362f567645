// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { ApiFailure } from '../api/api-client.js';
import type { ShareView } from '../api/share-types.js';
import { TEAM_ID } from '../testing/dashboard-fixtures.js';
import { fakeApiClient, type FakeAnswer, type FakeCall } from '../testing/fake-api-client.js';
import { buttonNamed, click, controlLabelled, eventually, renderInFluent, settle, unmountRendered } from '../testing/render-page.js';
import { SHARES_ROUTE, share, shares, voteRoute } from '../testing/share-fixtures.js';
import { LazySharesFeed } from './lazy-sections.js';

afterEach(unmountRendered);

const FLAGS = share('Feature flags in practice', {
  shareId: 's/1',
  sharerName: 'Alex Wilber',
  sourceType: 'video',
  link: 'https://example.com/flags',
  insight: 'Ship dark, then flip',
  action: 'Add a flag to the next release',
  helpful: 3,
  saves: 2,
  averageRating: 4.25,
  ratingCount: 7,
});
const OLD = share('An older lesson', { shareId: 's2', link: 'javascript:alert(1)', createdAt: '2026-11-02T10:00:00.000Z', helpful: 5 });
const MINE = share('Something I shared', { shareId: 's3', sharerName: 'Adele Vance', sharedByMe: true });

let container: HTMLElement;

async function render(routes: Record<string, FakeAnswer | FakeAnswer[]>) {
  const service = fakeApiClient(routes);
  container = await renderInFluent(<LazySharesFeed client={service.client} teamId={TEAM_ID} locale="en-US" />);
  // The feed's code arrives on demand, then its first answer.
  await eventually(() => expect(container.textContent).not.toContain('Loading learning shares'));
  return service;
}

const cards = () => [...container.querySelectorAll<HTMLElement>('[data-testid="share-card"]')];
const card = (title: string) => {
  const found = cards().find((c) => c.querySelector('h3')?.textContent === title);
  if (!found) throw new Error(`No card for ${title}`);
  return found;
};
const titles = () => cards().map((c) => c.querySelector('h3')?.textContent);
const text = (within: Element, testId: string) => within.querySelector(`[data-testid="${testId}"]`)?.textContent;
/** Helpful or Save: the visible word, then the share's title for screen readers; a tick when pressed. */
const voteButton = (within: Element, word: 'Helpful' | 'Save') => {
  const title = within.querySelector('h3')?.textContent;
  const found = [...within.querySelectorAll('button')].find((b) => b.textContent?.replace(/^✓ /, '') === `${word} ‘${title}’`);
  if (!found) throw new Error(`No ${word} button`);
  return found;
};
const status = () => container.querySelector('[data-testid="shares-status"]')?.textContent;
/** An answer the test releases when it chooses, to look at the card while the vote is out. */
function deferred() {
  let release: (value: unknown) => void = () => undefined;
  const answer = (_call: FakeCall) => new Promise((resolve) => (release = resolve));
  return { answer, release: (value: unknown) => release(value) };
}
const voted = (base: ShareView, over: Partial<ShareView>): ShareView => ({ ...base, ...over, mine: { ...base.mine, ...over.mine } });

describe('the learning shares feed', () => {
  it('lists each share with who shared it, when, what they took from it and the team’s counts', async () => {
    const service = await render({ [SHARES_ROUTE]: shares([FLAGS, OLD]) });
    expect(service.calls[0]?.path).toBe(`/api/v1/teams/${encodeURIComponent(TEAM_ID)}/shares?sort=newest`);
    expect(container.querySelector('h2')?.textContent).toBe('Learning shares');
    expect(container.querySelector('[data-testid="shares-feed"]')).not.toBeNull();
    expect(titles()).toEqual(['Feature flags in practice', 'An older lesson']);
    expect(text(container, 'shares-count')).toBe('2 shares, newest first');

    const flags = card('Feature flags in practice');
    for (const words of ['Shared by Alex Wilber', 'Nov 20, 2026', 'Video', 'Ship dark, then flip', 'Add a flag to the next release']) {
      expect(flags.textContent).toContain(words);
    }
    expect(text(flags, 'share-helpful-count')).toBe('3 found this helpful');
    expect(text(flags, 'share-saves-count')).toBe('2 saved');
    expect(text(flags, 'share-rating')).toBe('4.3 of 5 from 7 ratings');
    expect(text(card('An older lesson'), 'share-rating')).toBe('Not rated yet');
    expect(voteButton(flags, 'Helpful').getAttribute('aria-pressed')).toBe('false');
    expect(voteButton(flags, 'Save').getAttribute('aria-pressed')).toBe('false');
    expect(flags.querySelector('[role="radiogroup"]')?.getAttribute('aria-labelledby')).toBeTruthy();
  });

  it('makes only web links clickable, opening in a new tab', async () => {
    await render({ [SHARES_ROUTE]: shares([FLAGS, OLD]) });
    const link = card('Feature flags in practice').querySelector('a');
    expect(link?.getAttribute('href')).toBe('https://example.com/flags');
    expect(link?.getAttribute('target')).toBe('_blank');
    expect(link?.getAttribute('rel')).toBe('noopener noreferrer');
    expect(link?.textContent).toBe('https://example.com/flags (opens in a new tab)');
    const old = card('An older lesson');
    expect(old.querySelector('a')).toBeNull();
    expect(old.textContent).toContain('javascript:alert(1)');
  });

  it('asks for the most helpful first when that order is chosen, and shows it', async () => {
    const service = await render({ [SHARES_ROUTE]: [shares([FLAGS, OLD]), shares([OLD, FLAGS], 'helpful')] });
    await click(controlLabelled('Most helpful', container));
    await settle(5);
    expect(service.callsTo('GET', '/api/v1/teams/').map((c) => c.path.split('?')[1])).toEqual(['sort=newest', 'sort=helpful']);
    expect(titles()).toEqual(['An older lesson', 'Feature flags in practice']);
    expect(text(container, 'shares-count')).toBe('2 shares, most helpful first');
    expect((controlLabelled('Most helpful', container) as HTMLInputElement).checked).toBe(true);
  });

  it('marks a share helpful for the caller, and shows the count the service answers with', async () => {
    const service = await render({
      [SHARES_ROUTE]: shares([FLAGS, OLD]),
      [voteRoute('s/1')]: voted(FLAGS, { helpful: 4, mine: { helpful: true } as ShareView['mine'] }),
    });
    await click(voteButton(card('Feature flags in practice'), 'Helpful'));
    await settle();
    expect(service.callsTo('PUT', '/')).toEqual([
      { method: 'PUT', path: `/api/v1/teams/${encodeURIComponent(TEAM_ID)}/shares/s%2F1/my-vote`, body: { helpful: true } },
    ]);
    const flags = card('Feature flags in practice');
    expect(text(flags, 'share-helpful-count')).toBe('4 found this helpful');
    expect(voteButton(flags, 'Helpful').getAttribute('aria-pressed')).toBe('true');
    expect(status()).toBe('Marked ‘Feature flags in practice’ as helpful. 4 found this helpful.');
  });

  it('saves a share for the caller', async () => {
    const service = await render({
      [SHARES_ROUTE]: shares([FLAGS]),
      [voteRoute('s/1')]: voted(FLAGS, { saves: 3, mine: { saved: true } as ShareView['mine'] }),
    });
    await click(voteButton(card('Feature flags in practice'), 'Save'));
    await settle();
    expect(service.callsTo('PUT', '/')[0]?.body).toEqual({ saved: true });
    expect(voteButton(card('Feature flags in practice'), 'Save').getAttribute('aria-pressed')).toBe('true');
    expect(text(card('Feature flags in practice'), 'share-saves-count')).toBe('3 saved');
    expect(status()).toContain('Saved ‘Feature flags in practice’.');
  });

  it('does not let a sharer mark their own share helpful, and says why', async () => {
    const service = await render({ [SHARES_ROUTE]: shares([MINE]) });
    const mine = card('Something I shared');
    const helpful = voteButton(mine, 'Helpful');
    expect(helpful.getAttribute('aria-disabled')).toBe('true');
    expect(helpful.getAttribute('title')).toContain('You shared this');
    expect(document.getElementById(helpful.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'You shared this: others can mark it helpful, you can’t.',
    );
    await click(helpful);
    await settle();
    expect(service.callsTo('PUT', '/')).toEqual([]);
    expect(voteButton(mine, 'Save').getAttribute('aria-disabled')).toBeNull();
    expect(mine.textContent).toContain('Shared by Adele Vance (you)');
  });

  it('holds the card’s buttons while a vote is out', async () => {
    const answer = deferred();
    await render({ [SHARES_ROUTE]: shares([FLAGS, OLD]), [voteRoute('s/1')]: answer.answer });
    await click(voteButton(card('Feature flags in practice'), 'Save'));
    const flags = card('Feature flags in practice');
    expect(voteButton(flags, 'Helpful').getAttribute('aria-disabled')).toBe('true');
    expect(voteButton(flags, 'Save').getAttribute('aria-disabled')).toBe('true');
    // Another share's buttons are free.
    expect(voteButton(card('An older lesson'), 'Save').getAttribute('aria-disabled')).toBeNull();
    answer.release(voted(FLAGS, { saves: 3, mine: { saved: true } as ShareView['mine'] }));
    await settle();
    expect(voteButton(flags, 'Save').getAttribute('aria-disabled')).toBeNull();
    expect(voteButton(flags, 'Save').getAttribute('aria-pressed')).toBe('true');
  });

  it('says on the card what failed when a vote fails, keeps the old figures, and sends it again on Retry', async () => {
    const service = await render({
      [SHARES_ROUTE]: shares([FLAGS, OLD]),
      [voteRoute('s/1')]: [
        new ApiFailure(503, 'Storage is down'),
        voted(FLAGS, { helpful: 4, mine: { helpful: true } as ShareView['mine'] }),
      ],
    });
    await click(voteButton(card('Feature flags in practice'), 'Helpful'));
    await settle();
    const flags = card('Feature flags in practice');
    expect(flags.textContent).toContain("Couldn't mark ‘Feature flags in practice’ as helpful (HTTP 503): Storage is down");
    expect(text(flags, 'share-helpful-count')).toBe('3 found this helpful');
    expect(voteButton(flags, 'Helpful').getAttribute('aria-pressed')).toBe('false');
    expect(voteButton(flags, 'Helpful').getAttribute('aria-disabled')).toBeNull();
    expect(card('An older lesson').textContent).not.toContain("Couldn't");

    await click(buttonNamed('Retry', flags));
    await settle();
    expect(service.callsTo('PUT', '/').map((c) => c.body)).toEqual([{ helpful: true }, { helpful: true }]);
    expect(text(flags, 'share-helpful-count')).toBe('4 found this helpful');
    expect(flags.textContent).not.toContain("Couldn't");
  });

  it('rates a share from its stars, which are radio buttons named by the score', async () => {
    const service = await render({
      [SHARES_ROUTE]: shares([FLAGS]),
      [voteRoute('s/1')]: voted(FLAGS, { averageRating: 4.25, ratingCount: 8, mine: { rating: 4 } as ShareView['mine'] }),
    });
    const flags = card('Feature flags in practice');
    expect(flags.textContent).toContain('You have not rated it.');
    const four = flags.querySelector<HTMLInputElement>('input[type="radio"][aria-label="4 of 5"]');
    await click(four);
    await settle();
    expect(service.callsTo('PUT', '/')[0]?.body).toEqual({ rating: 4 });
    expect(four?.checked).toBe(true);
    expect(text(flags, 'share-rating')).toBe('4.3 of 5 from 8 ratings');
    expect(flags.textContent).toContain('You rated it 4 of 5.');
    expect(status()).toBe('Rated ‘Feature flags in practice’ 4 of 5. Now 4.3 of 5 from 8 ratings.');
  });

  it('sends only the last rating asked for while one is out', async () => {
    const first = deferred();
    const service = await render({
      [SHARES_ROUTE]: shares([FLAGS]),
      [voteRoute('s/1')]: [first.answer, voted(FLAGS, { mine: { rating: 2 } as ShareView['mine'] })],
    });
    const star = (n: number) =>
      card('Feature flags in practice').querySelector<HTMLInputElement>(`input[type="radio"][aria-label="${n} of 5"]`);
    await click(star(4));
    await click(star(3));
    await click(star(2));
    expect(star(2)?.checked).toBe(true);
    first.release(voted(FLAGS, { mine: { rating: 4 } as ShareView['mine'] }));
    await settle();
    await settle();
    expect(service.callsTo('PUT', '/').map((c) => c.body)).toEqual([{ rating: 4 }, { rating: 2 }]);
    expect(star(2)?.checked).toBe(true);
  });

  it('says how to share when no one has yet', async () => {
    await render({ [SHARES_ROUTE]: shares([]) });
    expect(text(container, 'shares-empty')).toBe(
      'No one has shared learning in this team yet. Choose “My team” under “Who can see this?” when you check in, or type share in a channel.',
    );
    expect(cards()).toHaveLength(0);
  });

  it('says what failed and loads again on Retry', async () => {
    await render({ [SHARES_ROUTE]: [new ApiFailure(503, 'Storage is unavailable'), shares([FLAGS])] });
    expect(container.textContent).toContain("Couldn't load the learning shares (HTTP 503): Storage is unavailable");
    await click(buttonNamed('Retry', container));
    await settle();
    expect(titles()).toEqual(['Feature flags in practice']);
    expect(container.textContent).not.toContain("Couldn't load");
  });

  it('brings the next page under the first with Load more, until there is no more', async () => {
    const service = await render({ [SHARES_ROUTE]: [shares([FLAGS], 'newest', 'page-2'), shares([OLD, MINE], 'newest', null)] });
    expect(titles()).toEqual(['Feature flags in practice']);
    await click(buttonNamed('Load more', container));
    await eventually(() => expect(titles()).toEqual(['Feature flags in practice', 'An older lesson', 'Something I shared']));
    expect(service.calls[1]?.path).toBe(`/api/v1/teams/${encodeURIComponent(TEAM_ID)}/shares?sort=newest&cursor=page-2`);
    expect(container.querySelector('[data-testid="shares-more"]')).toBeNull();
  });
});
