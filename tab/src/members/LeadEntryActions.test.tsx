// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { ApiFailure } from '../api/api-client.js';
import { entry } from '../testing/entry-fixtures.js';
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
import { MemberEntriesPage } from './MemberEntriesPage.js';

const TEAM = '19:team@thread.tacv2';
const MEMBER = { teamId: TEAM, userId: 'megan' };
const team = `/api/v1/teams/${encodeURIComponent(TEAM)}`;
const ENTRIES = `GET ${team}/members/megan/entries`;
const PAIR = `${team}/one-to-ones/alex/megan`;
const people = { lead: { userId: 'alex', displayName: 'Alex Wilber' }, member: { userId: 'megan', displayName: 'Megan Bowen' } };
const listOf = (items: unknown[]) => ({ list: { teamId: TEAM, teamName: 'Product Design', ...people, items } });
const FLAGS = entry({ id: 'e2', what: 'Feature flags in practice', visibility: 'team', result: 'Shipped one behind a flag' });
const SBI = entry({ id: 'e1', what: 'Giving feedback with SBI', visibility: 'leads' });

let container: HTMLElement;
afterEach(unmountRendered);

async function open(routes: Record<string, unknown> = {}) {
  const service = fakeApiClient({
    [ENTRIES]: { entries: [FLAGS, SBI], nextCursor: null, member: { displayName: 'Megan Bowen' } },
    'GET /api/v1/me': { userId: 'alex' },
    [`GET ${PAIR}`]: listOf([]),
    ...routes,
  });
  container = await renderInFluent(<MemberEntriesPage client={service.client} locale="en-US" member={MEMBER} />);
  await settle();
  return service;
}

const entries = () => [...container.querySelectorAll<HTMLElement>('[data-testid="entry"]')];
const within = (el: Element, testId: string) => [...el.querySelectorAll<HTMLButtonElement>(`[data-testid="${testId}"]`)];

describe('a lead’s actions on a member’s entry', () => {
  it('offers Coach and Discuss at our 1:1 on every entry, and Discuss the result on one with a result, each naming the entry', async () => {
    await open();
    expect(entries().map((e) => within(e, 'coach-entry-button')[0]?.textContent)).toEqual([
      'Coach Megan Bowen on ‘Feature flags in practice’',
      'Coach Megan Bowen on ‘Giving feedback with SBI’',
    ]);
    expect(entries().map((e) => within(e, 'discuss-button')[0]?.textContent)).toEqual([
      'Discuss at our 1:1 ‘Feature flags in practice’',
      'Discuss at our 1:1 ‘Giving feedback with SBI’',
    ]);
    expect(entries().map((e) => within(e, 'discuss-result-button').length)).toEqual([1, 0]);
  });

  it('coaches on the entry: the note goes to the entry’s coaching route, and the page says it was sent', async () => {
    const service = await open({
      [`POST ${team}/members/megan/entries/e1/coaching`]: { note: { noteId: 'n1', entryId: 'e1', delivered: true } },
    });
    await click(within(entries()[1]!, 'coach-entry-button')[0]);
    const form = document.querySelector<HTMLElement>('[data-testid="coach-dialog"]')!;
    expect(form.textContent).toContain('On ‘Giving feedback with SBI’.');
    await typeInto(controlLabelled('Coaching note', form), ' Who could you try SBI with this week? ');
    await click(buttonNamed('Send note', form));
    await settle();
    expect(service.callsTo('POST', '/')).toEqual([
      { method: 'POST', path: `${team}/members/megan/entries/e1/coaching`, body: { note: 'Who could you try SBI with this week?' } },
    ]);
    expect(entries()[1]!.querySelector('[data-testid="lead-entry-status"]')?.textContent).toBe(
      'Coaching note sent to Megan Bowen. Their answer comes to your chat with Learning Loop.',
    );
    expect(document.activeElement).toBe(within(entries()[1]!, 'coach-entry-button')[0]);
  });

  it('puts the entry, or its result, on the 1:1 list below, which reads itself again', async () => {
    const added = {
      itemId: '0001-aaaaaaaa',
      kind: 'result',
      refId: 'e2',
      text: FLAGS.result,
      addedBy: people.lead,
      addedAt: '2026-11-21T10:00:00Z',
      ticked: null,
    };
    const service = await open({ [`POST ${PAIR}/items`]: { item: added } });
    expect(container.querySelector('[data-testid="member-one-to-one"]')?.textContent).toContain('Nothing to discuss yet.');
    service.answerWith(`GET ${PAIR}`, listOf([added]));
    await click(within(entries()[0]!, 'discuss-result-button')[0]);
    await settle();
    expect(service.callsTo('POST', '/')).toEqual([{ method: 'POST', path: `${PAIR}/items`, body: { resultOf: 'e2' } }]);
    expect(entries()[0]!.querySelector('[data-testid="lead-entry-status"]')?.textContent).toBe(
      'Added ‘Feature flags in practice’ to your 1:1 list with Megan Bowen.',
    );
    expect(within(entries()[0]!, 'discuss-result-button')[0]?.textContent).toContain('On the 1:1 list');
    await eventually(() =>
      expect(container.querySelector('[data-testid="one-to-one-item"]')?.textContent).toContain('Result: Shipped one behind a flag'),
    );
  });

  it('says when the entry could not be put on the list, and lets the lead try again', async () => {
    await open({ [`POST ${PAIR}/items`]: new ApiFailure(404, 'There is no such entry of this member.') });
    await click(within(entries()[1]!, 'discuss-button')[0]);
    await settle();
    expect(entries()[1]!.querySelector('[data-testid="lead-entry-status"]')?.textContent).toContain("Couldn't add it to the 1:1 list");
    expect(within(entries()[1]!, 'discuss-button')[0]?.getAttribute('aria-disabled')).not.toBe('true');
  });
});
