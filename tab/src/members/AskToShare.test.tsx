// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { ApiFailure } from '../api/api-client.js';
import type { ShareAsksResponse } from '../../../bot/contract/share-asks.js';
import { entry } from '../testing/entry-fixtures.js';
import { fakeApiClient, type FakeAnswer } from '../testing/fake-api-client.js';
import { buttonNamed, click, renderInFluent, settle, unmountRendered } from '../testing/render-page.js';
import { MemberEntriesPage } from './MemberEntriesPage.js';

const MEMBER = { teamId: '19:team@thread.tacv2', userId: 'megan' };
const TEAM = `/api/v1/teams/${encodeURIComponent(MEMBER.teamId)}`;
const ENTRIES = `GET ${TEAM}/members/megan/entries`;
const SHARE_ASKS = `GET ${TEAM}/share-asks`;
const ASK = (entryId: string) => `POST ${TEAM}/members/megan/entries/${entryId}/ask-to-share`;

const page = {
  entries: [entry({ id: 'entry-0002', what: 'Feature flags in practice' }), entry({ id: 'entry-0001', what: 'Giving feedback with SBI' })],
  nextCursor: null,
  member: { displayName: 'Megan Bowen' },
};
const asks = (list: ShareAsksResponse['asks']): ShareAsksResponse => ({
  figures: { asked: list.length, shared: 0, notNow: 0 },
  asks: list,
});

let container: HTMLElement;
afterEach(unmountRendered);

async function open(routes: Record<string, FakeAnswer>) {
  const service = fakeApiClient({ [ENTRIES]: page, ...routes });
  container = await renderInFluent(<MemberEntriesPage client={service.client} locale="en-US" member={MEMBER} />);
  await settle();
  return service;
}

const entryNamed = (what: string) =>
  [...container.querySelectorAll('[data-testid="entry"]')].find((e) => e.querySelector('h3')?.textContent === what)!;
const summary = () => container.querySelector('[data-testid="share-ask-summary"]')?.textContent;
const status = () => container.querySelector('[data-testid="share-ask-status"]')?.textContent;

describe('Ask to share on a member’s entries', () => {
  it('sends the member a card with one press, says so, and counts the request for the lead', async () => {
    const service = await open({
      [SHARE_ASKS]: asks([{ userId: 'someone-else', entryId: 'entry-0009', askedAt: '2026-11-01T10:00:00.000Z', answer: 'shared' }]),
      [ASK('entry-0002')]: { delivered: true, figures: { asked: 2, shared: 1, notNow: 0 } },
    });
    // Requests to other members are not this member's figures.
    expect(summary()).toBeUndefined();

    await click(buttonNamed('Ask to share', entryNamed('Feature flags in practice')));
    await settle();
    expect(service.callsTo('POST', `${TEAM}/members/megan/entries/entry-0002/ask-to-share`)).toHaveLength(1);
    expect(buttonNamed('Asked to share', entryNamed('Feature flags in practice'))?.disabled).toBe(true);
    expect(buttonNamed('Ask to share', entryNamed('Giving feedback with SBI'))?.disabled).toBe(false);
    expect(summary()).toBe('Asked to share: 1 · Shared: 0 · Not now: 0');
    expect(container.textContent).toContain('Asked Megan Bowen to share this entry with the team.');
  });

  it('shows the requests already made and how they were answered', async () => {
    await open({
      [SHARE_ASKS]: asks([
        { userId: 'megan', entryId: 'entry-0002', askedAt: '2026-11-01T10:00:00.000Z', answer: 'shared' },
        { userId: 'megan', entryId: 'entry-0001', askedAt: '2026-11-02T10:00:00.000Z', answer: 'notNow' },
      ]),
    });
    expect(summary()).toBe('Asked to share: 2 · Shared: 1 · Not now: 1');
    expect(buttonNamed('Shared', entryNamed('Feature flags in practice'))?.disabled).toBe(true);
    expect(buttonNamed('Asked to share', entryNamed('Giving feedback with SBI'))?.disabled).toBe(true);
  });

  it('says when the member cannot be reached yet, and lets the lead try again after a failure', async () => {
    const service = await open({
      [SHARE_ASKS]: asks([]),
      [ASK('entry-0001')]: [
        { delivered: false, figures: { asked: 0, shared: 0, notNow: 0 } },
        new ApiFailure(503, 'Storage is unavailable'),
        { delivered: true, figures: { asked: 1, shared: 0, notNow: 0 } },
      ],
    });
    const item = () => entryNamed('Giving feedback with SBI');
    await click(buttonNamed('Ask to share', item()));
    await settle();
    expect(item().textContent).toContain('Couldn’t reach Megan Bowen in Teams yet');
    await click(buttonNamed('Ask to share', item()));
    await settle();
    expect(item().textContent).toContain("Couldn't ask Megan Bowen to share (HTTP 503): Storage is unavailable");
    await click(buttonNamed('Retry', item()));
    await settle();
    expect(buttonNamed('Asked to share', item())?.disabled).toBe(true);
    expect(service.callsTo('POST', `${TEAM}/members/megan/entries/entry-0001/ask-to-share`)).toHaveLength(3);
    expect(status()).toBe('Asked Megan Bowen to share this entry with the team.');
  });

  it('keeps the entries when the requests cannot be read: the figures are left out', async () => {
    await open({ [SHARE_ASKS]: new ApiFailure(503, 'Storage is unavailable') });
    expect(container.querySelectorAll('[data-testid="entry"]')).toHaveLength(2);
    expect(summary()).toBeUndefined();
  });
});
