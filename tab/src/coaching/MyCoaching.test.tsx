// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { ApiFailure } from '../api/api-client.js';
import { MY_COACHING_ROUTE, coachingNote } from '../testing/coaching-fixtures.js';
import { fakeApiClient, type FakeAnswer } from '../testing/fake-api-client.js';
import { buttonNamed, click, eventually, renderInFluent, settle, unmountRendered } from '../testing/render-page.js';
import { LazyCoaching } from './lazy-coaching.js';

afterEach(unmountRendered);

let container: HTMLElement;

async function render(routes: Record<string, FakeAnswer | FakeAnswer[]>) {
  const service = fakeApiClient(routes);
  container = await renderInFluent(<LazyCoaching client={service.client} locale="en-US" />);
  await eventually(() => expect(container.textContent).not.toContain('Loading your coaching notes'));
  return service;
}

const items = () => [...container.querySelectorAll<HTMLElement>('[data-testid="coaching-note"]')];
/** Each note's description list, as term → detail. */
const details = (item: HTMLElement) =>
  Object.fromEntries(
    [...item.querySelectorAll('dl > div')].map((d) => [d.querySelector('dt')?.textContent, d.querySelector('dd')?.textContent]),
  );

describe('coaching on the personal page', () => {
  it('lists the leads’ notes newest first, each with the share it was about and the learner’s answer or how to give one', async () => {
    const service = await render({
      [MY_COACHING_ROUTE]: {
        notes: [
          coachingNote('Feature flags in practice', {
            at: '2026-11-20T09:00:00.000Z',
            answer: { text: 'Will do, thanks', at: '2026-11-21T09:00:00.000Z' },
          }),
          coachingNote('Inclusive design talk', {
            leadName: 'Lee Gu',
            note: 'Could you present this at the retro?',
            at: '2026-11-27T09:00:00.000Z',
          }),
        ],
      },
    });
    expect(service.calls.map((c) => c.path)).toEqual(['/api/v1/me/coaching']);
    expect(container.querySelector('h2')?.textContent).toBe('Coaching');
    expect(container.textContent).toContain('2 notes, newest first');
    expect(items().map((i) => i.querySelector('h3')?.textContent)).toEqual([
      'On ‘Inclusive design talk’',
      'On ‘Feature flags in practice’',
    ]);
    const [talk, flags] = items();
    expect(talk?.textContent).toContain('From Lee Gu, Nov 27, 2026');
    expect(details(talk!)).toEqual({
      'Lee Gu’s note': 'Could you present this at the retro?',
      'Your answer': 'Not answered yet. Answer from the card in your chat with Learning Loop.',
    });
    expect(details(flags!)['Alex Wilber’s note']).toBe('Nice one. Try it on the next sprint?');
    expect(details(flags!)['Your answer']).toMatch(/^Will do, thanks \(Nov 21, 2026, .+\)$/);
    expect(flags?.querySelector('[data-testid="coaching-answer-hint"]')).toBeNull();
  });

  it('says where notes come from when there are none', async () => {
    await render({ [MY_COACHING_ROUTE]: { notes: [] } });
    expect(container.querySelector('[data-testid="coaching-empty"]')?.textContent).toBe(
      'No coaching notes yet. When a team lead writes a note on something you shared, it comes to your chat with Learning Loop and shows up here.',
    );
  });

  it('says what failed and loads again on Retry', async () => {
    await render({ [MY_COACHING_ROUTE]: [new ApiFailure(503, 'Storage is unavailable'), { notes: [coachingNote('Flags')] }] });
    expect(container.textContent).toContain("Couldn't load your coaching notes (HTTP 503): Storage is unavailable");
    await click(buttonNamed('Retry', container));
    await settle();
    expect(items()).toHaveLength(1);
  });
});
