// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { ApiFailure } from '../api/api-client.js';
import type { FollowUp, FollowUpsResponse } from '../../../bot/contract/follow-up-rules.js';
import { TEAM_ID } from '../testing/dashboard-fixtures.js';
import { fakeApiClient, type FakeAnswer } from '../testing/fake-api-client.js';
import { buttonNamed, click, controlLabelled, eventually, renderInFluent, typeInto, unmountRendered } from '../testing/render-page.js';
import { LazyOpenFollowUps } from './lazy-open-follow-ups.js';

afterEach(unmountRendered);

const team = encodeURIComponent(TEAM_ID);
const LIST = `GET /api/v1/teams/${team}/follow-ups`;
const now = new Date('2026-11-30T12:00:00Z');
const followUp = (learnerName: string, openedAt: string, over: Partial<FollowUp> = {}): FollowUp => ({
  teamId: TEAM_ID,
  followUpId: `nudge-${learnerName.split(' ')[0]!.toLowerCase()}-0001`,
  learnerId: learnerName,
  learnerName,
  answer: 'need-help',
  nudgedBy: { userId: 'alex', displayName: 'Alex Wilber' },
  nudgeNote: null,
  reason: 'No answer to the last 2 check-ins',
  openedAt,
  closed: null,
  ...over,
});
const isaiah = followUp('Isaiah Langer', '2026-11-20T10:00:00.000Z');
const listed = (open: FollowUp[], closed: FollowUp[] = []): FollowUpsResponse => ({ expectedDays: 7, open, closed });
const closedIsaiah: FollowUp = {
  ...isaiah,
  closed: { by: { userId: 'alex', displayName: 'Alex Wilber' }, note: 'We talked', at: '2026-11-30T11:00:00.000Z' },
};
const CLOSE = `POST /api/v1/teams/${team}/follow-ups/${isaiah.followUpId}/close`;

let container: HTMLElement;
async function render(routes: Record<string, FakeAnswer | FakeAnswer[]>) {
  const service = fakeApiClient(routes);
  container = await renderInFluent(<LazyOpenFollowUps client={service.client} teamId={TEAM_ID} locale="en-US" now={() => now} />);
  await eventually(() => expect(container.textContent).not.toContain('Loading the follow-ups to close'));
  return service;
}
const items = () => [...container.querySelectorAll<HTMLElement>('[data-testid="open-follow-up"]')];

describe('follow-ups to close', () => {
  it('lists who waits, for what and since when, says what done means, and marks one waiting past the expectation', async () => {
    await render({ [LIST]: listed([isaiah, followUp('Megan Bowen', '2026-11-28T10:00:00.000Z', { answer: 'lets-talk' })]) });
    expect(container.querySelector('h2')?.textContent).toBe('Follow-ups to close');
    expect(container.querySelector('[data-testid="follow-up-definition"]')?.textContent).toContain('a lead closed it');
    expect(items().map((i) => i.querySelector('h3')?.textContent)).toEqual(['Isaiah Langer', 'Megan Bowen']);
    expect(items()[0]!.textContent).toContain('Answered “I need help” to Alex Wilber’s nudge, Nov 20, 2026');
    expect(items()[0]!.textContent).toContain('Flagged because: No answer to the last 2 check-ins');
    expect(items()[0]!.querySelector('[data-testid="follow-up-waited"]')?.textContent).toBe('Days waiting: 10, longer than the 7 expected');
    expect(items()[1]!.querySelector('[data-testid="follow-up-waited"]')?.textContent).toBe('Days waiting: 2 (expected within 7)');
  });

  it('closes one with the note typed, says the learner is told, and lists it as closed', async () => {
    const service = await render({
      [LIST]: [listed([isaiah]), listed([], [closedIsaiah])],
      [CLOSE]: { followUp: closedIsaiah, learnerTold: true },
    });
    await typeInto(controlLabelled('Closing note for Isaiah Langer', items()[0]), 'We talked');
    await click(buttonNamed('Close', items()[0]));
    await eventually(() => expect(container.textContent).toContain('Closed; Isaiah Langer is told in their personal chat.'));
    expect(service.callsTo('POST', '/api/v1/teams')).toEqual([
      { method: 'POST', path: `/api/v1/teams/${team}/follow-ups/${isaiah.followUpId}/close`, body: { note: 'We talked' } },
    ]);
    await eventually(() => expect(items()).toHaveLength(0));
    expect([...container.querySelectorAll('[data-testid="closed-follow-up"]')].map((li) => li.textContent)).toEqual([
      'Isaiah Langer: closed by Alex Wilber, Nov 30, 2026, 11:00 AM — “We talked”',
    ]);
  });

  it('keeps what was typed and says what is wrong when the service refuses the note', async () => {
    await render({
      [LIST]: listed([isaiah]),
      [CLOSE]: new ApiFailure(400, 'Invalid follow-up: note Write a short note', 'invalid_request', [
        { field: 'note', message: 'Write a short note: what was done' },
      ]),
    });
    const box = controlLabelled('Closing note for Isaiah Langer', items()[0]) as HTMLInputElement;
    await typeInto(box, '   ');
    await click(buttonNamed('Close', items()[0]));
    await eventually(() => expect(items()[0]!.textContent).toContain('Write a short note: what was done.'));
    expect(box.value).toBe('   ');
    expect(items()).toHaveLength(1);
  });

  it('says so when someone else closed it first, and loads the list again', async () => {
    const service = await render({
      [LIST]: [listed([isaiah]), listed([], [closedIsaiah])],
      [CLOSE]: new ApiFailure(409, 'This follow-up was already closed by Sam.'),
    });
    await typeInto(controlLabelled('Closing note for Isaiah Langer', items()[0]), 'We talked');
    await click(buttonNamed('Close', items()[0]));
    await eventually(() => expect(container.textContent).toContain('Isaiah Langer’s follow-up was already closed.'));
    await eventually(() => expect(service.callsTo('GET', `/api/v1/teams/${team}/follow-ups`)).toHaveLength(2));
  });
});
