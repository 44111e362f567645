import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PEOPLE, DEMO_TENANT_ID } from '../../bot/demo/demo-team.js';
import type { MemberEntriesResponse as EntryPage } from '../../bot/contract/api.js';
import { cardActionActivity, inTeamChannel, installActivity, messageActivity } from '../../bot/testing/activities.js';
import { expectValidTeamsCard } from '../../bot/testing/card-validation.js';
import { startFakeConnector } from '../../bot/testing/fake-connector.js';
import { startTestService, type RunningTestService } from '../../bot/testing/test-service.js';

const team = { id: '19:visibility-team@thread.tacv2', name: 'Visibility Team' };
/** A team the learner joins later, set up by their colleague. */
const laterTeam = { id: '19:visibility-later@thread.tacv2', name: 'Later Team' };
const sharesChannel = '19:visibility-team-shares@thread.tacv2';
const lead = { id: DEMO_PEOPLE[0]!.teamsUserId, aadObjectId: DEMO_PEOPLE[0]!.userId, name: DEMO_PEOPLE[0]!.displayName };
const learner = { id: '29:vis-learner', aadObjectId: 'a3000000-0000-4000-8000-000000000001', name: 'Vis Learner' };
const colleague = { id: '29:vis-colleague', aadObjectId: 'a3000000-0000-4000-8000-000000000002', name: 'Vis Colleague' };
const outsider = 'a3000000-0000-4000-8000-000000000099';

describe('visibility per entry: the leads’ view honours it, and taking an entry back withdraws its share (Azurite, local Bot Connector)', () => {
  let service: RunningTestService;
  let connector: Awaited<ReturnType<typeof startFakeConnector>>;

  beforeAll(async () => {
    connector = await startFakeConnector({
      [team.id]: { members: [lead, learner, colleague], channels: [{ id: team.id }, { id: sharesChannel, name: 'Learning shares' }] },
      [laterTeam.id]: { members: [colleague, learner], channels: [{ id: laterTeam.id }] },
    });
    service = await startTestService();
    await post(inTeamChannel(installActivity(from(lead)), team));
    const settings = await service.stores.teams.getSettings(DEMO_TENANT_ID, team.id);
    await service.stores.teams.saveSettings({ ...settings!, sharesChannelId: sharesChannel });
    await post(messageActivity('help', { ...from(learner), conversationId: 'a:personal-vis-learner' }));
    // The tab's local mode knows people the bot has seen.
    await service.services.people.noteSeen({
      tenantId: DEMO_TENANT_ID,
      userId: colleague.aadObjectId,
      displayName: colleague.name,
      teamsUserId: colleague.id,
    });
  }, 60_000);
  afterAll(async () => {
    await service.stop();
    await connector.stop();
  });

  async function post(activity: unknown): Promise<{ status: number; card: unknown }> {
    const res = await fetch(`${service.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
    const text = await res.text();
    return { status: res.status, card: text ? (JSON.parse(text) as { value?: unknown }).value : undefined };
  }
  const from = (who: { id: string; aadObjectId: string; name: string }) => ({ serviceUrl: connector.serviceUrl, from: who });
  const headers = (userId: string) => ({
    'x-local-tenant-id': DEMO_TENANT_ID,
    'x-local-user-id': userId,
    'content-type': 'application/json',
  });
  const api = (userId: string, path: string, init: RequestInit = {}) =>
    fetch(`${service.baseUrl}/api/v1${path}`, { ...init, headers: headers(userId) });
  const leadsView = (userId: string, memberId = learner.aadObjectId) =>
    api(userId, `/teams/${encodeURIComponent(team.id)}/members/${encodeURIComponent(memberId)}/entries`);

  async function checkIn(cardId: string, what: string, extra: Record<string, string>) {
    const reply = await post(
      cardActionActivity(
        'checkin.submit',
        { cardId, what, sourceType: 'article', shareTeamId: team.id, shareParts: 'insight', insight: 'Why it matters', ...extra },
        from(learner),
      ),
    );
    await service.services.sharing.settled();
    return reply;
  }

  it('keeps a private entry out of the lead’s view and shows a leads-visible one, as the learner chose on the card', async () => {
    await checkIn('vis-entry-private', 'Kept to myself', { visibility: 'private' });
    await checkIn('vis-entry-leads', 'For my leads', { visibility: 'leads' });
    await checkIn('vis-entry-default', 'Said nothing', {});

    const res = await leadsView(lead.aadObjectId);
    expect(res.status).toBe(200);
    const page = (await res.json()) as EntryPage;
    const whats = page.entries.map((e) => e.what);
    expect(whats).toContain('For my leads');
    expect(whats).toContain('Said nothing');
    expect(whats).not.toContain('Kept to myself');
    expect(page.entries.find((e) => e.what === 'Said nothing')?.visibility).toBe('leads');
    expect(JSON.stringify(page)).not.toContain(learner.aadObjectId);
    // Named, so the tab can head the list, by the name the team knows them by.
    expect(page.member).toEqual({ displayName: learner.name });

    // The learner's own log has everything, each with its visibility.
    const mine = (await (await api(learner.aadObjectId, '/me/entries')).json()) as EntryPage;
    expect(mine.entries.find((e) => e.what === 'Kept to myself')?.visibility).toBe('private');
  });

  it('refuses a bad choice on the card, keeping the words and saving nothing', async () => {
    const reply = await checkIn('vis-entry-bad', 'Odd choice', { visibility: 'everyone' });
    const card = expectValidTeamsCard(reply.card);
    expect(card.renderedText).toContain('Choose who can see this');
    expect(card.inputValues).toMatchObject({ what: 'Odd choice' });
    expect(await service.stores.entries.findBySubmission(DEMO_TENANT_ID, learner.aadObjectId, 'vis-entry-bad')).toBeUndefined();
  });

  it('shares when the learner chooses the team, and switching the entry to private withdraws the share, which the channel’s card says', async () => {
    const reply = await checkIn('vis-entry-team', 'For everyone', { visibility: 'team' });
    expect(expectValidTeamsCard(reply.card).renderedText).toContain('Shared in Visibility Team’s learning channel');
    const shared = await service.stores.shares.get(DEMO_TENANT_ID, team.id, 'vis-entry-team');
    expect(shared?.share.withdrawnAt).toBeNull();

    const res = await api(learner.aadObjectId, '/me/entries/vis-entry-team', {
      method: 'PATCH',
      body: JSON.stringify({ visibility: 'private' }),
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { entry: { visibility: string } }).entry.visibility).toBe('private');
    await service.services.sharing.settled();

    const stored = await service.stores.shares.get(DEMO_TENANT_ID, team.id, 'vis-entry-team');
    expect(stored?.share.withdrawnAt).toBeTruthy();
    const update = connector.updated.filter((u) => u.activityId === stored?.share.activityId).at(-1);
    expect(expectValidTeamsCard(update?.activity.attachments?.[0]?.content).renderedText).toContain('Vis Learner withdrew this share.');
    const view = (await (await leadsView(lead.aadObjectId)).json()) as EntryPage;
    expect(view.entries.map((e) => e.what)).not.toContain('For everyone');
  });

  it('refuses a cleared or unknown visibility on edit, changing nothing', async () => {
    for (const visibility of [null, '', 'everyone']) {
      const res = await api(learner.aadObjectId, '/me/entries/vis-entry-private', {
        method: 'PATCH',
        body: JSON.stringify({ visibility }),
      });
      expect(res.status).toBe(400);
    }
    const found = await service.stores.entries.getOwn(DEMO_TENANT_ID, learner.aadObjectId, 'vis-entry-private');
    expect(found?.entry.visibility).toBe('private');
  });

  it('lets only the team’s leads read the view: 403 for a member or the learner themself, 404 for someone not in the team', async () => {
    expect((await leadsView(colleague.aadObjectId)).status).toBe(403);
    expect((await leadsView(learner.aadObjectId)).status).toBe(403);
    expect((await leadsView(lead.aadObjectId, outsider)).status).toBe(404);
  });

  it('shows a team’s leads only what the learner wrote since joining it, in full pages, while their first team’s lead still sees everything', async () => {
    for (const n of [1, 2, 3]) await checkIn(`vis-before-${n}`, `Before the later team ${n}`, { visibility: 'leads' });
    // The colleague makes a team with the learner in it: they lead it, and the learner's log so far stays closed to them.
    await post(inTeamChannel(installActivity(from(colleague)), laterTeam));
    expect((await service.stores.teams.getMember(DEMO_TENANT_ID, laterTeam.id, colleague.aadObjectId))?.role).toBe('lead');
    for (const n of [1, 2, 3]) await checkIn(`vis-after-${n}`, `After joining ${n}`, { visibility: 'leads' });

    const later = (cursor?: string) =>
      api(
        colleague.aadObjectId,
        `/teams/${encodeURIComponent(laterTeam.id)}/members/${encodeURIComponent(learner.aadObjectId)}/entries?limit=2${
          cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''
        }`,
      );
    const first = (await (await later()).json()) as EntryPage;
    expect(first.entries.map((e) => e.what)).toEqual(['After joining 3', 'After joining 2']);
    expect(first.nextCursor).not.toBeNull();
    const second = (await (await later(first.nextCursor!)).json()) as EntryPage;
    expect(second.entries.map((e) => e.what)).toEqual(['After joining 1']);

    const firstTeam = (await (await leadsView(lead.aadObjectId)).json()) as EntryPage;
    expect(firstTeam.entries.map((e) => e.what)).toEqual(
      expect.arrayContaining(['After joining 1', 'Before the later team 1', 'For my leads']),
    );
  });
});
