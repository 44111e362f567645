// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { ApiFailure } from '../api/api-client.js';
import type { Entry, EntryPage } from '../api/types.js';
import { entry } from '../testing/entry-fixtures.js';
import { fakeApiClient, type FakeAnswer } from '../testing/fake-api-client.js';
import { buttonNamed, click, renderInFluent, settle, unmountRendered } from '../testing/render-page.js';
import { MemberEntriesPage } from './MemberEntriesPage.js';

const MEMBER = { teamId: '19:team@thread.tacv2', userId: 'megan' };
const ROUTE = `GET /api/v1/teams/${encodeURIComponent(MEMBER.teamId)}/members/megan/entries`;
const SHARE_ASKS = `GET /api/v1/teams/${encodeURIComponent(MEMBER.teamId)}/share-asks`;
/** The lead's own id, then their 1:1 list with the member, below the entries. */
const ME_ROUTE = 'GET /api/v1/me';
const PAIR_ROUTE = `GET /api/v1/teams/${encodeURIComponent(MEMBER.teamId)}/one-to-ones/alex/megan`;
const PAIR = {
  list: {
    teamId: MEMBER.teamId,
    teamName: 'Product Design',
    lead: { userId: 'alex', displayName: 'Alex Wilber' },
    member: { userId: 'megan', displayName: 'Megan Bowen' },
    items: [],
  },
};

const page = (entries: Entry[], nextCursor: string | null = null): EntryPage & { member: { displayName: string } } => ({
  entries,
  nextCursor,
  member: { displayName: 'Megan Bowen' },
});

let container: HTMLElement;
afterEach(unmountRendered);

async function open(answers: FakeAnswer[]) {
  const service = fakeApiClient({
    [ROUTE]: answers,
    [SHARE_ASKS]: { figures: { asked: 0, shared: 0, notNow: 0 }, asks: [] },
    [ME_ROUTE]: { userId: 'alex' },
    [PAIR_ROUTE]: PAIR,
  });
  container = await renderInFluent(<MemberEntriesPage client={service.client} locale="en-US" member={MEMBER} />);
  await settle();
  return service;
}

const entries = () => [...container.querySelectorAll('[data-testid="entry"]')];
const titles = () => entries().map((e) => e.querySelector('h3')?.textContent);
const byTestId = (id: string) => container.querySelector(`[data-testid="${id}"]`);

describe('MemberEntriesPage', () => {
  it('heads the page with the member’s name and lists their entries newest first, each with what, kind, time, rating, notes, date and how it was shared', async () => {
    const flags = entry({
      id: 'e2',
      what: 'Feature flags in practice',
      sourceType: 'podcast',
      minutes: 40,
      rating: 4,
      insight: 'Ship dark first',
      action: 'Propose a flag',
      visibility: 'team',
    });
    const service = await open([page([flags, entry({ id: 'e1', what: 'Giving feedback with SBI', visibility: 'leads' })])]);

    expect(service.callsTo('GET', ROUTE.slice(4)).map((c) => c.path)).toEqual([`${ROUTE.slice(4)}?limit=20`]);
    expect(container.querySelector('h1')?.textContent).toBe('Megan Bowen’s learning');
    expect(document.title).toBe('Megan Bowen’s learning – Learning Loop');
    expect(titles()).toEqual(['Feature flags in practice', 'Giving feedback with SBI']);
    const first = entries()[0]?.textContent ?? '';
    for (const text of ['Podcast', '40 min', 'Useful: 4/5', 'Ship dark first', 'Propose a flag', 'Nov 20, 2026'])
      expect(first).toContain(text);
    expect(entries().map((e) => e.querySelector('[data-testid="entry-visibility"]')?.textContent)).toEqual([
      'Shared with the team',
      'Visible to leads',
    ]);
    // Read as a lead: nothing speaks to the learner, and nothing offers to change their entry: only to coach on it, discuss it or ask to share it.
    expect(container.textContent).not.toContain('Your leads');
    expect([...entries()[0]!.querySelectorAll('button')].map((b) => b.getAttribute('data-testid'))).toEqual([
      'coach-entry-button',
      'discuss-button',
      'ask-to-share',
    ]);
    expect(byTestId('member-entries-status')?.parentElement?.textContent).toContain('2 entries shown, newest first');
    expect(byTestId('load-more')).toBeNull();
  });

  it('says plainly that entries the member keeps private are not shown', async () => {
    await open([page([entry({ id: 'e1' })])]);
    expect(byTestId('private-note')?.textContent).toBe(
      'You see the entries Megan Bowen shares with the team’s leads or with the whole team. Entries they keep private (“Only me”) are not shown.',
    );
  });

  it('loads older entries with Load more while a cursor remains, announces them, and puts focus on the list’s heading after the last', async () => {
    const service = await open([page([entry({ id: 'e3', what: 'Newest' })], 'c1')]);
    service.answerWith(ROUTE, page([entry({ id: 'e2', what: 'Older' })], 'c2'), page([entry({ id: 'e1', what: 'Oldest' })]));

    await click(buttonNamed('Load more', container));
    await settle();
    expect(titles()).toEqual(['Newest', 'Older']);
    expect(service.calls.at(-1)?.path).toMatch(/\?limit=20&cursor=c1$/);
    expect(byTestId('member-entries-status')?.textContent).toBe('Loaded 1 more entry. There are older ones still.');

    await click(buttonNamed('Load more', container));
    await settle();
    expect(titles()).toEqual(['Newest', 'Older', 'Oldest']);
    expect(service.calls.at(-1)?.path).toMatch(/&cursor=c2$/);
    expect(byTestId('member-entries-status')?.textContent).toBe('Loaded 1 more entry. That is the end of the list.');
    expect(byTestId('load-more')).toBeNull();
    expect(document.activeElement?.textContent).toBe('Shared with leads and the team');
  });

  it('keeps what it has when Load more fails, and tries again from the same place', async () => {
    const service = await open([page([entry({ id: 'e2', what: 'Newest' })], 'c1')]);
    service.answerWith(ROUTE, new ApiFailure(503, 'Storage is unavailable'), page([entry({ id: 'e1', what: 'Older' })]));
    await click(buttonNamed('Load more', container));
    await settle();
    expect(container.textContent).toContain("Couldn't load more of these entries (HTTP 503): Storage is unavailable");
    expect(titles()).toEqual(['Newest']);
    await click(buttonNamed('Retry', container));
    await settle();
    expect(titles()).toEqual(['Newest', 'Older']);
    expect(service.calls.filter((c) => c.path.endsWith('cursor=c1'))).toHaveLength(2);
  });

  it('says when the member has shared nothing with leads', async () => {
    await open([page([])]);
    expect(byTestId('member-entries-empty')?.textContent).toBe('Megan Bowen has not shared any entries with the team’s leads yet.');
    expect(byTestId('private-note')).not.toBeNull();
    expect(byTestId('load-more')).toBeNull();
  });

  it('offers Load more when the newest stretch held nothing for leads but older entries remain', async () => {
    const service = await open([page([], 'c1')]);
    expect(byTestId('member-entries-empty')?.textContent).toBe(
      'Nothing among the most recent entries is shared with leads. Load more to look further back.',
    );
    service.answerWith(ROUTE, page([entry({ id: 'e1', what: 'Further back' })]));
    await click(buttonNamed('Load more', container));
    await settle();
    expect(titles()).toEqual(['Further back']);
    expect(byTestId('member-entries-empty')).toBeNull();
  });

  it('tells someone who is not a lead that the page is for the team’s leads, with no Retry, and the way back', async () => {
    await open([new ApiFailure(403, 'Only the team’s leads can read its members’ learning.', 'forbidden')]);
    expect(byTestId('member-entries-refused')?.textContent).toBe(
      'This page is for the team’s leads: only a lead of this team can read what its members share with their leads.',
    );
    expect(buttonNamed('Retry', container)).toBeUndefined();
    expect(byTestId('private-note')).toBeNull();
    expect(byTestId('back-to-dashboard')?.getAttribute('href')).toBe('/team?team=19%3Ateam%40thread.tacv2');
  });

  it('says when the person is not in the team', async () => {
    await open([new ApiFailure(404, 'There is no such member in this team.', 'not_found')]);
    expect(byTestId('member-entries-refused')?.textContent).toContain('This person is not a member of this team');
    expect(container.querySelector('h1')?.textContent).toBe('A member’s learning');
  });

  it('says what failed otherwise and loads again on Retry', async () => {
    await open([new ApiFailure(503, 'Storage is unavailable'), page([entry({ id: 'e1', what: 'Back again' })])]);
    expect(container.textContent).toContain("Couldn't load these entries (HTTP 503): Storage is unavailable");
    await click(buttonNamed('Retry', container));
    await settle();
    expect(titles()).toEqual(['Back again']);
    expect(container.textContent).not.toContain("Couldn't load");
  });
});
