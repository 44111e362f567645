// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { ApiFailure } from '../api/api-client.js';
import type { MyRecommendation } from '../api/recommendation-types.js';
import { fakeApiClient, type FakeAnswer } from '../testing/fake-api-client.js';
import { MY_RECOMMENDATIONS_ROUTE, doneRoute, myRecommendation } from '../testing/recommendation-fixtures.js';
import { buttonNamed, click, eventually, renderInFluent, settle, unmountRendered } from '../testing/render-page.js';
import { LazyMyRecommendations } from './lazy-recommendations.js';

afterEach(unmountRendered);

let container: HTMLElement;

async function render(routes: Record<string, FakeAnswer | FakeAnswer[]>) {
  const service = fakeApiClient(routes);
  container = await renderInFluent(<LazyMyRecommendations client={service.client} locale="en-US" />);
  await eventually(() => expect(container.textContent).not.toContain('Loading your recommendations'));
  return service;
}

const items = () => [...container.querySelectorAll<HTMLElement>('[data-testid="my-recommendation"]')];
const titles = () => items().map((i) => i.querySelector('h3')?.textContent?.replace(' (opens in a new tab)', ''));
const ticks = () => items().map((i) => i.querySelector<HTMLInputElement>('input[type="checkbox"]')?.checked);
const tick = (index: number) => items()[index]?.querySelector<HTMLInputElement>('input[type="checkbox"]');
const status = () => container.querySelector('[data-testid="my-recommendations-status"]')?.textContent;

/** An answer the test lets go of when it wants, to see the page while the request is out. */
function held() {
  let release: (value: unknown) => void = () => {};
  const answer = () => new Promise((resolve) => (release = resolve));
  return { answer, release: (value: unknown) => release(value) };
}

const FLAGS = myRecommendation('Feature flags in practice', {
  recId: 'r1',
  at: '2026-11-27T10:00:00.000Z',
  note: 'Before we ship the beta',
});
const SBI = myRecommendation('SBI feedback', {
  recId: 'r2',
  learnerId: 'megan-bowen',
  at: '2026-11-20T10:00:00.000Z',
  done: true,
  doneAt: '2026-11-22T10:00:00.000Z',
});

describe('recommended for you', () => {
  it('lists each newest first: from whom, to whom, the note, the link and whether it is done', async () => {
    const service = await render({ [MY_RECOMMENDATIONS_ROUTE]: { recommendations: [SBI, FLAGS] } });
    expect(service.calls.map((c) => c.path)).toEqual(['/api/v1/me/recommendations']);
    expect(container.querySelector('h2')?.textContent).toBe('Recommended for you');
    expect(container.textContent).toContain('2 recommendations, 1 done, newest first');
    expect(titles()).toEqual(['Feature flags in practice', 'SBI feedback']);
    expect(ticks()).toEqual([false, true]);
    const [flags, sbi] = items();
    expect(flags?.textContent).toContain('Recommended by Alex Wilber to your team, Nov 27, 2026');
    expect(flags?.textContent).toContain('Before we ship the beta');
    expect(flags?.querySelector('h3 a')?.getAttribute('href')).toBe('https://example.com/feature-flags-in-practice');
    expect(sbi?.textContent).toContain('Recommended by Alex Wilber to you');
    // Each tick names its recommendation for screen readers: a page of "I did this" is told apart.
    expect(flags?.querySelector('label')?.textContent).toBe('I did this ‘Feature flags in practice’');
  });

  it('ticks one off at once, tells the service, and says so', async () => {
    const answer = held();
    const service = await render({
      [MY_RECOMMENDATIONS_ROUTE]: { recommendations: [FLAGS] },
      [doneRoute('r1')]: answer.answer,
    });
    await click(tick(0));
    // Shown at once, before the service has answered.
    expect(ticks()).toEqual([true]);
    expect(service.callsTo('PUT', '/')).toEqual([{ method: 'PUT', path: doneRoute('r1').slice(4), body: { done: true } }]);
    // A second click while the first is out sends nothing more.
    await click(tick(0));
    expect(service.callsTo('PUT', '/')).toHaveLength(1);
    answer.release({ recommendation: { ...FLAGS, done: true, doneAt: '2026-11-28T10:00:00.000Z' } });
    await settle();
    expect(ticks()).toEqual([true]);
    expect(status()).toBe('Marked ‘Feature flags in practice’ as done.');
    expect(container.textContent).toContain('1 recommendation, 1 done, newest first');
  });

  it('takes a tick back', async () => {
    const service = await render({
      [MY_RECOMMENDATIONS_ROUTE]: { recommendations: [SBI] },
      [doneRoute('r2')]: { recommendation: { ...SBI, done: false, doneAt: null } },
    });
    await click(tick(0));
    await settle();
    expect(service.callsTo('PUT', '/')[0]?.body).toEqual({ done: false });
    expect(ticks()).toEqual([false]);
    expect(status()).toBe('Marked ‘SBI feedback’ as not done.');
  });

  it('puts the tick back and says what failed when the service refuses it, and sends it again on Retry', async () => {
    const answer = held();
    const service = await render({
      [MY_RECOMMENDATIONS_ROUTE]: { recommendations: [FLAGS] },
      [doneRoute('r1')]: [
        answer.answer,
        { recommendation: { ...FLAGS, done: true, doneAt: '2026-11-28T10:00:00.000Z' } satisfies MyRecommendation },
      ],
    });
    await click(tick(0));
    expect(ticks()).toEqual([true]);
    answer.release(new ApiFailure(503, 'Storage is down'));
    await settle();
    expect(ticks()).toEqual([false]);
    expect(items()[0]?.textContent).toContain(
      "Couldn't mark ‘Feature flags in practice’ as done (HTTP 503): Storage is down. It is still not ticked off.",
    );
    expect(status()).toBe('');

    await click(buttonNamed('Retry', items()[0]));
    await settle();
    expect(service.callsTo('PUT', '/').map((c) => c.body)).toEqual([{ done: true }, { done: true }]);
    expect(ticks()).toEqual([true]);
    expect(items()[0]?.textContent).not.toContain("Couldn't");
  });

  it('says where recommendations come from when there are none', async () => {
    await render({ [MY_RECOMMENDATIONS_ROUTE]: { recommendations: [] } });
    expect(container.querySelector('[data-testid="my-recommendations-empty"]')?.textContent).toBe(
      'Nothing recommended to you yet. When a team lead recommends something, it shows up here and at your next check-in.',
    );
  });

  it('says what failed and loads again on Retry', async () => {
    await render({ [MY_RECOMMENDATIONS_ROUTE]: [new ApiFailure(503, 'Storage is unavailable'), { recommendations: [FLAGS] }] });
    expect(container.textContent).toContain("Couldn't load your recommendations (HTTP 503): Storage is unavailable");
    await click(buttonNamed('Retry', container));
    await settle();
    expect(titles()).toEqual(['Feature flags in practice']);
  });
});
