// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiFailure } from '../api/api-client.js';
import type { MemberRowView } from '../api/dashboard-types.js';
import { LEAD_MEMBERS, TEAM_ID, dashboard } from '../testing/dashboard-fixtures.js';
import { fakeApiClient, type FakeAnswer } from '../testing/fake-api-client.js';
import { NUDGES_ROUTE } from '../testing/goal-fixtures.js';
import { NO_SHARES_ROUTES } from '../testing/share-fixtures.js';
import { buttonNamed, click, eventually, renderInFluent, settle, unmountRendered } from '../testing/render-page.js';
import { DashboardPage } from './DashboardPage.js';
import { MemberTable } from './MemberTable.js';
import { memberRolePath } from './RoleDialog.js';

vi.mock('./DashboardCharts.js', () => ({ default: () => <div data-testid="dashboard-charts" /> }));

afterEach(unmountRendered);

const ALEX = 'alex-wilber';
const MEGAN_ROLE = `PUT ${memberRolePath(TEAM_ID, 'megan-bowen')}`;
const roleDialog = () => document.querySelector<HTMLElement>('[data-testid="role-dialog"]');
const rowOf = (page: HTMLElement, name: string) =>
  [...page.querySelectorAll<HTMLElement>('[data-testid="member-row"]')].find(
    (r) => r.querySelector('[data-testid="member-name"]')?.textContent === name,
  )!;
const actionsOf = (page: HTMLElement, name: string) => [...rowOf(page, name).querySelectorAll('button')].map((b) => b.textContent);

async function table(members: MemberRowView[], routes: Record<string, FakeAnswer | FakeAnswer[]> = {}, callerId = ALEX) {
  const service = fakeApiClient(routes);
  const onChanged = vi.fn<(announcement: string) => void>();
  const nudging = { client: service.client, teamId: TEAM_ID, onSent: () => undefined, announcement: '' };
  const page = await renderInFluent(
    <MemberTable
      members={members}
      locale="en-US"
      canFilter
      labelledBy="members"
      nudging={nudging}
      roles={{ client: service.client, teamId: TEAM_ID, onChanged }}
      callerId={callerId}
    />,
  );
  return { page, onChanged, ...service };
}

async function openRole(page: HTMLElement, name: string): Promise<HTMLElement> {
  await click(rowOf(page, name).querySelector('[data-testid="role-button"]'));
  await eventually(() => expect(roleDialog()).not.toBeNull());
  return roleDialog()!;
}

describe('the member table’s actions for a lead', () => {
  it('offers Make lead or Remove as lead on each row, named for the member, and no Nudge on the caller’s own', async () => {
    const { page } = await table(LEAD_MEMBERS);
    expect(actionsOf(page, 'Megan Bowen')).toEqual(['Nudge Megan Bowen', 'Make lead (Megan Bowen)']);
    // Alex is the only lead: stepping down would leave the team without one, and nudging oneself is pointless.
    expect(actionsOf(page, 'Alex Wilber')).toEqual([]);
    expect(page.querySelectorAll('[data-testid="nudge-button"]')).toHaveLength(LEAD_MEMBERS.length - 1);
  });

  it('lets a lead step down, and remove another lead, when the team has another', async () => {
    const twoLeads = LEAD_MEMBERS.map((m) => (m.displayName === 'Megan Bowen' ? { ...m, role: 'lead' as const } : m));
    const { page } = await table(twoLeads);
    expect(actionsOf(page, 'Alex Wilber')).toEqual(['Remove as lead (Alex Wilber)']);
    expect(actionsOf(page, 'Megan Bowen')).toEqual(['Nudge Megan Bowen', 'Remove as lead (Megan Bowen)']);
    const dialog = await openRole(page, 'Alex Wilber');
    expect(dialog.querySelector('h2')?.textContent).toBe('Stop being a lead?');
    expect(dialog.textContent).toContain('You will see only the team’s totals and your own row.');
  });

  it('confirms first, then makes the member a lead, says so and gives focus back', async () => {
    const { page, onChanged, callsTo } = await table(LEAD_MEMBERS, {
      [MEGAN_ROLE]: { member: { userId: 'megan-bowen', displayName: 'Megan Bowen', role: 'lead' } },
    });
    const dialog = await openRole(page, 'Megan Bowen');
    const title = dialog.querySelector('h2');
    expect(title?.textContent).toBe('Make Megan Bowen a lead?');
    expect(dialog.getAttribute('aria-labelledby')).toBe(title?.id);
    expect(dialog.tagName).toBe('DIALOG');
    expect(callsTo('PUT', '/')).toEqual([]);
    await click(buttonNamed('Make lead', dialog));
    await settle(5);
    expect(callsTo('PUT', '/')).toEqual([{ method: 'PUT', path: MEGAN_ROLE.slice(4), body: { role: 'lead' } }]);
    expect(roleDialog()).toBeNull();
    expect(onChanged).toHaveBeenCalledWith('Megan Bowen is now a lead');
    expect(document.activeElement).toBe(rowOf(page, 'Megan Bowen').querySelector('[data-testid="role-button"]'));
  });

  it('shows the service’s refusal in its own words and changes nothing', async () => {
    const refusal = new ApiFailure(409, 'A team needs at least one lead: make someone else a lead first.', 'conflict');
    const twoLeads = LEAD_MEMBERS.map((m) => (m.displayName === 'Megan Bowen' ? { ...m, role: 'lead' as const } : m));
    const { page, onChanged } = await table(twoLeads, { [MEGAN_ROLE]: refusal });
    const dialog = await openRole(page, 'Megan Bowen');
    await click(buttonNamed('Remove as lead', dialog));
    await settle(5);
    expect(roleDialog()).toBe(dialog);
    expect(dialog.querySelector('[data-testid="role-refusal"]')?.textContent).toBe(
      'A team needs at least one lead: make someone else a lead first.',
    );
    expect(onChanged).not.toHaveBeenCalled();
  });

  it('offers Retry when the service could not be reached, and closes on Cancel without a change', async () => {
    const { page, callsTo } = await table(LEAD_MEMBERS, { [MEGAN_ROLE]: new ApiFailure(503, 'Storage is unavailable') });
    const dialog = await openRole(page, 'Megan Bowen');
    await click(buttonNamed('Make lead', dialog));
    await settle(5);
    expect(dialog.textContent).toContain('Storage is unavailable');
    expect(buttonNamed('Retry', dialog)).toBeDefined();
    await click(buttonNamed('Cancel', dialog));
    await settle(5);
    expect(roleDialog()).toBeNull();
    expect(callsTo('PUT', '/')).toHaveLength(1);
  });
});

describe('a role change on the dashboard page', () => {
  const DASHBOARD = `GET /api/v1/teams/${encodeURIComponent(TEAM_ID)}/dashboard`;

  it('loads the dashboard again, so the row shows Lead, and says so in a status message', async () => {
    const after = LEAD_MEMBERS.map((m) => (m.displayName === 'Megan Bowen' ? { ...m, role: 'lead' as const } : m));
    const service = fakeApiClient({
      ...NO_SHARES_ROUTES,
      [NUDGES_ROUTE]: { nudges: [] },
      [DASHBOARD]: [dashboard({ callerId: ALEX }), dashboard({ callerId: ALEX, members: after })],
      [MEGAN_ROLE]: { member: { userId: 'megan-bowen', displayName: 'Megan Bowen', role: 'lead' } },
    });
    const page = await renderInFluent(<DashboardPage client={service.client} locale="en-US" teamId={TEAM_ID} channelId={undefined} />);
    await eventually(() => expect(page.querySelector('[data-testid="member-row"]')).not.toBeNull());
    const status = page.querySelector('[data-testid="role-status"]');
    expect(status?.getAttribute('role')).toBe('status');
    expect(rowOf(page, 'Megan Bowen').textContent).not.toContain('Lead');
    await click(buttonNamed('Make lead', await openRole(page, 'Megan Bowen')));
    await eventually(() => expect(actionsOf(page, 'Megan Bowen')).toContain('Remove as lead (Megan Bowen)'));
    expect(rowOf(page, 'Megan Bowen').querySelector('[data-testid="member-name"]')?.nextElementSibling?.textContent).toBe('Lead');
    expect(status?.textContent).toBe('Megan Bowen is now a lead');
    expect(service.callsTo('GET', DASHBOARD.slice(4))).toHaveLength(2);
    // With a second lead, Alex may now step down.
    expect(actionsOf(page, 'Alex Wilber')).toEqual(['Remove as lead (Alex Wilber)']);
  });
});
