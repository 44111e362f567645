// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import type { AwaitingActionView } from '../../../bot/contract/follow-through.js';
import { ApiFailure } from '../api/api-client.js';
import { TEAM_ID } from '../testing/dashboard-fixtures.js';
import { fakeApiClient, type FakeAnswer } from '../testing/fake-api-client.js';
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
import { LazyAwaitingActions } from './lazy-awaiting-actions.js';

afterEach(unmountRendered);

const LIST = `GET /api/v1/teams/${encodeURIComponent(TEAM_ID)}/awaiting-actions`;
const ASK = (userId: string, entryId: string) =>
  `POST /api/v1/teams/${encodeURIComponent(TEAM_ID)}/members/${encodeURIComponent(userId)}/entries/${entryId}/ask-how-it-went`;

const action = (displayName: string, over: Partial<AwaitingActionView> = {}): AwaitingActionView => ({
  userId: displayName.toLowerCase().replace(/\W+/g, '-'),
  displayName,
  entryId: `entry-${displayName.length}`,
  createdAt: '2026-11-02T09:00:00.000Z',
  what: 'Feature flags in practice',
  action: 'Try a flag on the next release',
  due: true,
  notYetAt: null,
  ...over,
});

let container: HTMLElement;

async function render(routes: Record<string, FakeAnswer | FakeAnswer[]>) {
  const service = fakeApiClient(routes);
  container = await renderInFluent(<LazyAwaitingActions client={service.client} teamId={TEAM_ID} locale="en-US" />);
  await eventually(() => expect(container.textContent).not.toContain('Loading the actions awaiting a result'));
  return service;
}

const items = () => [...container.querySelectorAll<HTMLElement>('[data-testid="awaiting-item"]')];

describe('actions awaiting a result (leads)', () => {
  it('lists each action with who planned it, when, and whether it is due; Ask how it went sends the card and says so', async () => {
    const megan = action('Megan Bowen');
    const isaiah = action('Isaiah Langer', { due: false, action: 'Demo it', notYetAt: null });
    const service = await render({
      [LIST]: { actions: [megan, isaiah], more: false },
      [ASK(megan.userId, megan.entryId)]: { delivered: true },
    });
    expect(container.querySelector('h2')?.textContent).toBe('Actions awaiting a result');
    expect(items().map((i) => i.querySelector('h3')?.textContent)).toEqual(['Try a flag on the next release', 'Demo it']);
    expect(items()[0]?.textContent).toContain('Megan Bowen · Feature flags in practice · planned Nov 2, 2026');
    expect(items()[0]?.textContent).toContain('Due: counts in follow-through');
    expect(items()[1]?.textContent).toContain('Not due yet');
    await click(buttonNamed('Ask how it went', items()[0]));
    await eventually(() => expect(container.querySelector('[role="status"]')?.textContent).toBe('Asked Megan Bowen how it went.'));
    expect(service.calls.at(-1)).toMatchObject({ method: 'POST', path: ASK(megan.userId, megan.entryId).slice(5) });
    expect(buttonNamed('Asked', items()[0])?.disabled).toBe(true);
  });

  it('says when the member cannot be reached, and what failed with Retry', async () => {
    const megan = action('Megan Bowen');
    await render({
      [LIST]: { actions: [megan], more: false },
      [ASK(megan.userId, megan.entryId)]: [new ApiFailure(503, 'Storage is unavailable'), { delivered: false }],
    });
    await click(buttonNamed('Ask how it went', items()[0]));
    await eventually(() => expect(items()[0]?.textContent).toContain("Couldn't ask Megan Bowen (HTTP 503): Storage is unavailable"));
    await click(buttonNamed('Retry', items()[0]));
    await eventually(() => expect(items()[0]?.textContent).toContain('Couldn’t reach Megan Bowen in Teams yet'));
  });

  it('says a second ask within a day was not sent, and shows the action as asked', async () => {
    const megan = action('Megan Bowen');
    await render({
      [LIST]: { actions: [megan], more: false },
      [ASK(megan.userId, megan.entryId)]: new ApiFailure(
        409,
        'You asked Megan Bowen how this action went less than 24 hours ago',
        'conflict',
      ),
    });
    await click(buttonNamed('Ask how it went', items()[0]));
    await eventually(() =>
      expect(container.querySelector('[role="status"]')?.textContent).toBe(
        'You asked Megan Bowen how it went less than a day ago; you can ask again tomorrow.',
      ),
    );
    expect(buttonNamed('Asked', items()[0])?.disabled).toBe(true);
  });

  it('says when nothing awaits a result', async () => {
    await render({ [LIST]: { actions: [], more: false } });
    expect(container.querySelector('[data-testid="awaiting-empty"]')?.textContent).toBe('No action is awaiting a result.');
  });

  it('coaches the member on the entry behind the action, from the dashboard, and says so', async () => {
    const megan = action('Megan Bowen');
    const coach = `POST /api/v1/teams/${encodeURIComponent(TEAM_ID)}/members/${megan.userId}/entries/${megan.entryId}/coaching`;
    const service = await render({ [LIST]: { actions: [megan], more: false }, [coach]: { note: { noteId: 'n1', delivered: true } } });
    const button = items()[0]!.querySelector<HTMLButtonElement>('[data-testid="coach-entry-button"]')!;
    expect(button.textContent).toBe('Coach Megan Bowen on ‘Feature flags in practice’');
    await click(button);
    const form = document.querySelector<HTMLElement>('[data-testid="coach-dialog"]')!;
    await typeInto(controlLabelled('Coaching note', form), 'What got in the way?');
    await click(buttonNamed('Send note', form));
    await settle();
    expect(service.calls.at(-1)).toEqual({ method: 'POST', path: coach.slice(5), body: { note: 'What got in the way?' } });
    expect(container.querySelector('[role="status"]')?.textContent).toBe(
      'Coaching note sent to Megan Bowen. Their answer comes to your chat with Learning Loop.',
    );
  });
});
