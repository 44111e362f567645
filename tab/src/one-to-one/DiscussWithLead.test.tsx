// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { fakeApiClient } from '../testing/fake-api-client.js';
import { buttonNamed, click, renderInFluent, settle, unmountRendered } from '../testing/render-page.js';
import { DiscussWithLead } from './DiscussWithLead.js';

const megan = { userId: 'megan', displayName: 'Megan Bowen' };
const listWith = (teamId: string, teamName: string, lead: { userId: string; displayName: string }) => ({
  teamId,
  teamName,
  lead,
  member: megan,
  items: [],
});
const DESIGN = listWith('19:design@thread.tacv2', 'Product Design', { userId: 'alex', displayName: 'Alex Wilber' });
const RESEARCH = listWith('19:research@thread.tacv2', 'User Research', { userId: 'olga', displayName: 'Olga Research' });
const itemsOf = (list: typeof DESIGN) =>
  `/api/v1/teams/${encodeURIComponent(list.teamId)}/one-to-ones/${list.lead.userId}/${list.member.userId}/items`;

let container: HTMLElement;
afterEach(unmountRendered);

async function render(lists: unknown[], subject: { goalId: string } | { resultOf: string } = { goalId: 'g1' }) {
  const service = fakeApiClient({
    'GET /api/v1/me/one-to-ones': { lists },
    [`POST ${itemsOf(DESIGN)}`]: { item: {} },
    [`POST ${itemsOf(RESEARCH)}`]: { item: {} },
  });
  container = await renderInFluent(<DiscussWithLead client={service.client} subject={subject} what="Learn Rust" />);
  return service;
}

describe('Discuss at our 1:1, from the learner’s side', () => {
  it('puts it on the one lead’s list at once, and says so', async () => {
    const service = await render([DESIGN]);
    await click(buttonNamed('Discuss at our 1:1 ‘Learn Rust’', container));
    await settle();
    expect(service.callsTo('POST', '/')).toEqual([{ method: 'POST', path: itemsOf(DESIGN), body: { goalId: 'g1' } }]);
    expect(container.textContent).toContain('Added ‘Learn Rust’ to your 1:1 list with Alex Wilber.');
  });

  it('asks which lead when there are several, and can be cancelled', async () => {
    const service = await render([DESIGN, RESEARCH], { resultOf: 'e1' });
    await click(buttonNamed('Discuss the result at our 1:1 ‘Learn Rust’', container));
    await settle();
    const group = container.querySelector('[role="group"]')!;
    expect(group.getAttribute('aria-label')).toBe('Discuss ‘Learn Rust’ with which lead?');
    expect([...group.querySelectorAll('button')].map((b) => b.textContent)).toEqual([
      'With Alex Wilber (Product Design)',
      'With Olga Research (User Research)',
      'Cancel',
    ]);
    await click(buttonNamed('With Olga Research (User Research)', container));
    await settle();
    expect(service.callsTo('POST', '/')).toEqual([{ method: 'POST', path: itemsOf(RESEARCH), body: { resultOf: 'e1' } }]);
    expect(container.querySelector('[role="group"]')).toBeNull();

    await click(buttonNamed('Discuss the result at our 1:1 ‘Learn Rust’', container));
    await settle();
    await click(buttonNamed('Cancel', container));
    expect(container.querySelector('[role="group"]')).toBeNull();
    expect(service.callsTo('POST', '/')).toHaveLength(1);
  });

  it('says when none of their teams has a lead', async () => {
    const service = await render([]);
    await click(buttonNamed('Discuss at our 1:1 ‘Learn Rust’', container));
    await settle();
    expect(container.textContent).toContain('None of your teams has a lead yet to keep a 1:1 list with.');
    expect(service.callsTo('POST', '/')).toEqual([]);
  });
});
