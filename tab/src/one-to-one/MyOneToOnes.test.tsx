// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { ApiFailure } from '../api/api-client.js';
import { ONE_TO_ONE_TICKED_DAYS as SERVICE_TICKED_DAYS, ONE_TO_ONE_TOPIC_MAX as SERVICE_MAX } from '../../../bot/contract/one-to-one.js';
import { fakeApiClient } from '../testing/fake-api-client.js';
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
import { LazyOneToOnes } from './lazy-one-to-ones.js';
import { ONE_TO_ONE_TICKED_DAYS, ONE_TO_ONE_TOPIC_MAX } from './one-to-one-types.js';

const TEAM = '19:team@thread.tacv2';
const PAIR = `/api/v1/teams/${encodeURIComponent(TEAM)}/one-to-ones/alex/megan`;
const alex = { userId: 'alex', displayName: 'Alex Wilber' };
const megan = { userId: 'megan', displayName: 'Megan Bowen' };
const item = (itemId: string, text: string, more: object = {}) => ({
  itemId,
  kind: 'topic',
  refId: null,
  text,
  addedBy: megan,
  addedAt: '2026-11-20T10:00:00Z',
  ticked: null,
  ...more,
});
const lists = (items: unknown[]) => ({ lists: [{ teamId: TEAM, teamName: 'Product Design', lead: alex, member: megan, items }] });
const OPEN = item('0001-aaaaaaaa', 'Conference budget');
const GOAL = item('0002-bbbbbbbb', 'Learn Rust', { kind: 'goal', refId: 'g1', addedBy: alex });
const TICKED = item('0000-cccccccc', 'Mentoring a new joiner', { ticked: { by: alex, at: '2026-11-18T09:00:00Z' } });

let container: HTMLElement;
afterEach(unmountRendered);

async function open(routes: Record<string, unknown>) {
  const service = fakeApiClient(routes);
  container = await renderInFluent(<LazyOneToOnes client={service.client} locale="en-US" />);
  await eventually(() =>
    expect(container.querySelector('[data-testid="one-to-one-list"], [data-testid="one-to-ones-empty"]')).not.toBeNull(),
  );
  return service;
}
const openItems = () => [...container.querySelectorAll('[data-testid="one-to-one-item"]')].map((li) => li.textContent);

describe('the learner’s 1:1 lists', () => {
  it('keeps the tab’s topic limit the service’s', () => {
    expect(ONE_TO_ONE_TOPIC_MAX).toBe(SERVICE_MAX);
    expect(ONE_TO_ONE_TICKED_DAYS).toBe(SERVICE_TICKED_DAYS);
  });

  it('shows one list per lead: open items with who added them, and the recently ticked folded away with the day and who ticked', async () => {
    await open({ 'GET /api/v1/me/one-to-ones': lists([OPEN, GOAL, TICKED]) });
    expect(container.querySelector('h3')?.textContent).toBe('With Alex Wilber (Product Design)');
    expect(openItems()).toEqual([
      'Conference budgetAdded by Megan Bowen, Nov 20, 2026, 10:00 AMDiscussed',
      'Goal: Learn RustAdded by Alex Wilber, Nov 20, 2026, 10:00 AMDiscussed',
    ]);
    const ticked = container.querySelector<HTMLDetailsElement>('[data-testid="one-to-one-ticked"]')!;
    expect(ticked.open).toBe(false);
    expect(ticked.querySelector('summary')?.textContent).toBe('Discussed in the last 90 days');
    expect(ticked.textContent).toContain('Mentoring a new joinerDiscussed Nov 18, 2026, 9:00 AM, ticked off by Alex Wilber');
  });

  it('says so when no team of theirs has a lead', async () => {
    await open({ 'GET /api/v1/me/one-to-ones': { lists: [] } });
    expect(container.querySelector('[data-testid="one-to-ones-empty"]')?.textContent).toBe(
      'None of your teams has a lead yet to keep a 1:1 list with.',
    );
  });

  it('adds a topic, refusing an empty or too long one beside the field with the words kept', async () => {
    const service = await open({
      'GET /api/v1/me/one-to-ones': [lists([]), lists([item('0003-dddddddd', 'Career path')])],
      [`POST ${PAIR}/items`]: { item: item('0003-dddddddd', 'Career path') },
    });
    const field = controlLabelled('A topic to discuss') as HTMLInputElement;
    await click(buttonNamed('Add topic'));
    expect(container.textContent).toContain('Write a topic');
    await typeInto(field, 'x'.repeat(ONE_TO_ONE_TOPIC_MAX + 1));
    await click(buttonNamed('Add topic'));
    expect(container.textContent).toContain('The topic is too long: at most 280 characters');
    expect(field.value).toHaveLength(281);
    expect(service.callsTo('POST', '/')).toEqual([]);

    await typeInto(field, '  Career path ');
    await click(buttonNamed('Add topic'));
    await settle();
    expect(service.callsTo('POST', '/')).toEqual([{ method: 'POST', path: `${PAIR}/items`, body: { topic: 'Career path' } }]);
    expect(container.querySelector('[data-testid="one-to-one-status"]')?.textContent).toBe('Added to the list: Career path');
    await eventually(() => expect(openItems()).toEqual(['Career pathAdded by Megan Bowen, Nov 20, 2026, 10:00 AMDiscussed']));
    expect(field.value).toBe('');
  });

  it('keeps the topic when the service refuses it, and says why', async () => {
    await open({
      'GET /api/v1/me/one-to-ones': lists([]),
      [`POST ${PAIR}/items`]: new ApiFailure(403, 'Only the lead and the member a 1:1 list is between can see it.'),
    });
    const field = controlLabelled('A topic to discuss') as HTMLInputElement;
    await typeInto(field, 'Career path');
    await click(buttonNamed('Add topic'));
    await settle();
    expect(container.textContent).toContain("Couldn't add the topic");
    expect(field.value).toBe('Career path');
  });

  it('ticks an item off as discussed and reads the list again', async () => {
    const service = await open({
      'GET /api/v1/me/one-to-ones': [lists([OPEN]), lists([{ ...OPEN, ticked: { by: megan, at: '2026-11-22T09:00:00Z' } }])],
      [`PUT ${PAIR}/items/${OPEN.itemId}/ticked`]: { item: { ...OPEN, ticked: { by: megan, at: '2026-11-22T09:00:00Z' } } },
    });
    const tick = container.querySelector<HTMLButtonElement>('[data-testid="one-to-one-tick"]')!;
    expect(document.getElementById(tick.getAttribute('aria-describedby')!)?.textContent).toBe('Conference budget');
    await click(tick);
    await settle();
    expect(service.callsTo('PUT', '/')).toEqual([{ method: 'PUT', path: `${PAIR}/items/${OPEN.itemId}/ticked`, body: {} }]);
    await eventually(() => expect(openItems()).toEqual([]));
    expect(container.querySelector('[data-testid="one-to-one-ticked"]')?.textContent).toContain('ticked off by Megan Bowen');
  });
});
