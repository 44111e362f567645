// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LEAD_MEMBERS, TEAM_ID } from '../testing/dashboard-fixtures.js';
import { fakeApiClient } from '../testing/fake-api-client.js';
import { renderInFluent, unmountRendered } from '../testing/render-page.js';
import { MemberTable } from './MemberTable.js';

afterEach(() => {
  unmountRendered();
  vi.unstubAllGlobals();
});

/** A screen as narrow as a phone, or not, as the browser's media query says. */
function screen(narrow: boolean) {
  vi.stubGlobal('matchMedia', (query: string) => ({
    matches: narrow && query.includes('max-width'),
    media: query,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
  }));
}

async function members() {
  const { client } = fakeApiClient({});
  return renderInFluent(
    <>
      <h2 id="members">Members</h2>
      <MemberTable
        members={LEAD_MEMBERS}
        locale="en-US"
        canFilter
        labelledBy="members"
        nudging={{ client, teamId: TEAM_ID, onSent: () => undefined, announcement: '' }}
        entriesTeamId={TEAM_ID}
        callerId={LEAD_MEMBERS[0]!.userId}
      />
    </>,
  );
}

describe('the member table on a phone', () => {
  it('is a list of members, each with every figure beside its label and the same actions', async () => {
    screen(true);
    const page = await members();
    expect(page.querySelector('[data-testid="member-table"]')).toBeNull();
    const list = page.querySelector('ul[data-testid="member-list"]')!;
    expect(list.getAttribute('aria-labelledby')).toBe('members');
    const items = [...list.querySelectorAll(':scope > li[data-testid="member-row"]')];
    expect(items.map((li) => li.querySelector('[data-testid="member-name"]')?.textContent)).toEqual(
      expect.arrayContaining(LEAD_MEMBERS.map((m) => m.displayName)),
    );
    expect([...items[0]!.querySelectorAll('dt')].map((dt) => dt.textContent)).toEqual([
      'Last check-in',
      'Streak',
      'Entries',
      'Minutes',
      'Avg. usefulness',
      'Follow-through',
      'Paused',
      'Follow-up',
    ]);
    expect(page.querySelectorAll('li [data-testid="nudge-button"]')).toHaveLength(LEAD_MEMBERS.length - 1);
  });

  it('stays a sortable table on a wider screen', async () => {
    screen(false);
    const page = await members();
    expect(page.querySelector('[data-testid="member-list"]')).toBeNull();
    expect(page.querySelectorAll('table[data-testid="member-table"] [data-testid="member-row"]')).toHaveLength(LEAD_MEMBERS.length);
  });
});
