// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { ApiFailure } from '../api/api-client.js';
import { TEAM_ID } from '../testing/dashboard-fixtures.js';
import { fakeApiClient, type FakeAnswer } from '../testing/fake-api-client.js';
import { NUDGES_ROUTE, nudge } from '../testing/goal-fixtures.js';
import { buttonNamed, click, eventually, renderInFluent, settle, unmountRendered } from '../testing/render-page.js';
import { LazyFollowUps } from './lazy-follow-ups.js';

afterEach(unmountRendered);

let container: HTMLElement;

async function render(routes: Record<string, FakeAnswer | FakeAnswer[]>) {
  const service = fakeApiClient(routes);
  container = await renderInFluent(<LazyFollowUps client={service.client} teamId={TEAM_ID} locale="en-US" refreshKey={0} />);
  await eventually(() => expect(container.textContent).not.toContain('Loading the follow-ups'));
  return service;
}

const items = () => [...container.querySelectorAll<HTMLElement>('[data-testid="nudge-item"]')];
const replies = () => items().map((i) => i.querySelector('[data-testid="nudge-reply"]')?.textContent);

describe('follow-ups', () => {
  it('lists the team’s nudges newest first: who, when, note, reason and reply', async () => {
    const service = await render({
      [NUDGES_ROUTE]: {
        nudges: [
          nudge('Megan Bowen', { sentAt: '2026-11-20T09:00:00.000Z', reply: { answer: 'on-it', at: '2026-11-20T11:00:00.000Z' } }),
          nudge('Isaiah Langer', {
            sentAt: '2026-11-27T09:00:00.000Z',
            note: 'How is the course going?',
            reason: 'No answer to the last 2 check-ins',
            reply: { answer: 'need-help', at: '2026-11-27T12:00:00.000Z' },
          }),
          nudge('Patti Fernandez', { sentAt: '2026-11-25T09:00:00.000Z', delivered: false }),
        ],
      },
    });
    expect(service.calls.map((c) => c.path)).toEqual([`/api/v1/teams/${encodeURIComponent(TEAM_ID)}/nudges`]);
    expect(container.querySelector('h2')?.textContent).toBe('Follow-ups');
    expect(container.textContent).toContain('3 nudges, newest first');
    expect(items().map((i) => i.querySelector('h3')?.textContent)).toEqual(['Isaiah Langer', 'Patti Fernandez', 'Megan Bowen']);
    expect(replies()).toEqual(['Replied: I need help', 'No reply yet', 'Replied: I’m on it']);
    const isaiah = items()[0]!.textContent ?? '';
    for (const text of ['Nudged by Alex Wilber, Nov 27, 2026', 'How is the course going?', 'No answer to the last 2 check-ins'])
      expect(isaiah).toContain(text);
    expect(items()[1]?.textContent).toContain('Not delivered: they have not opened a chat with Learning Loop yet');
  });

  it('says how to nudge when nobody has been', async () => {
    await render({ [NUDGES_ROUTE]: { nudges: [] } });
    expect(container.querySelector('[data-testid="follow-ups-empty"]')?.textContent).toBe(
      'No nudges yet. Press Nudge beside someone in the members table to ask how their learning is going; their reply shows up here.',
    );
  });

  it('says what failed and loads again on Retry', async () => {
    await render({ [NUDGES_ROUTE]: [new ApiFailure(503, 'Storage is unavailable'), { nudges: [nudge('Isaiah Langer')] }] });
    expect(container.textContent).toContain("Couldn't load the follow-ups (HTTP 503): Storage is unavailable");
    await click(buttonNamed('Retry', container));
    await settle();
    expect(replies()).toEqual(['No reply yet']);
    expect(container.textContent).not.toContain("Couldn't load");
  });
});

describe('follow-ups in Spanish', () => {
  it('says why a nudged member was flagged in the reader’s language, and an older nudge’s reason as it was kept', async () => {
    const service = fakeApiClient({
      [NUDGES_ROUTE]: {
        nudges: [
          nudge('Isaiah Langer', {
            sentAt: '2026-11-27T09:00:00.000Z',
            reason: 'Goal “Pair on code review” is overdue',
            why: { kind: 'goal-overdue', goal: 'Pair on code review' },
          }),
          nudge('Megan Bowen', { sentAt: '2026-11-20T09:00:00.000Z', reason: 'No check-in for 3 weeks' }),
        ],
      },
    });
    container = await renderInFluent(<LazyFollowUps client={service.client} teamId={TEAM_ID} locale="es-ES" refreshKey={0} />, {
      locale: 'es-ES',
    });
    await eventually(() => expect(items()).toHaveLength(2));
    expect(items()[0]?.textContent).toContain('El objetivo «Pair on code review» está vencido');
    expect(items()[1]?.textContent).toContain('No check-in for 3 weeks');
  });
});
