import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildService } from '../../bot/service.js';
import { DEMO_PEOPLE, DEMO_TENANT_ID } from '../../bot/demo/demo-team.js';
import { SHARE_HELPFUL_VERB, SHARE_RATE_VERB, SHARE_SAVE_VERB } from '../../bot/cards/share-card.js';
import type { SavedSharesResponse, SharesResponse } from '../../bot/contract/api.js';
import { tallyOf } from '../../bot/domain/share.js';
import { cardActionActivity, inTeamChannel, installActivity, messageActivity } from '../../bot/testing/activities.js';
import { expectValidTeamsCard } from '../../bot/testing/card-validation.js';
import { startFakeConnector } from '../../bot/testing/fake-connector.js';
import { middayClock } from '../../bot/testing/midday-clock.js';
import { startTestService, type RunningTestService } from '../../bot/testing/test-service.js';
import { keyOf } from '../../bot/store/keys.js';
import { tableClients } from '../../bot/store/table-clients.js';

const team = { id: '19:big-team@thread.tacv2', name: 'Big Team' };
const sharesChannel = '19:big-team-shares@thread.tacv2';
const person = (i: number) => ({
  id: `29:person-${i}`,
  aadObjectId: `a2000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  name: `Person ${i}`,
});
const lead = { id: DEMO_PEOPLE[0]!.teamsUserId, aadObjectId: DEMO_PEOPLE[0]!.userId, name: DEMO_PEOPLE[0]!.displayName };
const sharer = person(0);
const voters = Array.from({ length: 100 }, (_, i) => person(i + 1));

describe('learning shares: posting, counting marks and keeping them true (Azurite, local Bot Connector)', () => {
  let service: RunningTestService;
  let connector: Awaited<ReturnType<typeof startFakeConnector>>;

  beforeAll(async () => {
    connector = await startFakeConnector({
      [team.id]: { members: [lead, sharer, ...voters], channels: [{ id: team.id }, { id: sharesChannel, name: 'Learning shares' }] },
    });
    // The sharer is told once a day: a run that crossed midnight UTC would be told twice.
    service = await startTestService({}, { clock: middayClock() });
    await post(inTeamChannel(installActivity(from(lead)), team));
    const settings = await service.stores.teams.getSettings(DEMO_TENANT_ID, team.id);
    await service.stores.teams.saveSettings({ ...settings!, sharesChannelId: sharesChannel });
    // The sharer has chatted with the app, so it can reach them in their personal chat.
    await post(messageActivity('help', { ...from(sharer), conversationId: 'a:personal-sharer' }));
    // The tab's local mode knows people the bot has seen.
    for (const p of [voters[0]!, voters[3]!]) {
      await service.services.people.noteSeen({ tenantId: DEMO_TENANT_ID, userId: p.aadObjectId, displayName: p.name, teamsUserId: p.id });
    }
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
  const headers = (who: { aadObjectId: string }) => ({
    'x-local-tenant-id': DEMO_TENANT_ID,
    'x-local-user-id': who.aadObjectId,
    'content-type': 'application/json',
  });
  const onCard = (verb: string, who: typeof sharer, data: Record<string, unknown>) =>
    post(inTeamChannel(cardActionActivity(verb, data, from(who)), team, sharesChannel));

  /** A check-in from the sharer's personal chat with "Share with my team" ticked. */
  async function shareCheckIn(cardId: string, what: string, extra: Record<string, string> = {}) {
    const reply = await post(
      cardActionActivity(
        'checkin.submit',
        {
          cardId,
          shareTeamId: team.id,
          what,
          sourceType: 'article',
          link: 'http://WWW.Example.com/guide/?utm_source=x',
          rating: '4',
          insight: 'Say why',
          action: 'Try it',
          shareWithTeam: 'true',
          shareParts: 'insight,link',
          ...extra,
        },
        from(sharer),
      ),
    );
    await service.services.sharing.settled();
    return reply;
  }

  it('posts a share card to the team’s learning channel when a check-in is shared, attributed and escaped', async () => {
    const reply = await shareCheckIn('share-entry-0001', 'PR **descriptions**');
    expect(expectValidTeamsCard(reply.card).renderedText).toContain('Shared in Big Team’s learning channel');
    const posted = connector.sent.filter((s) => s.conversationId === sharesChannel);
    expect(posted).toHaveLength(1);
    const card = expectValidTeamsCard(posted[0]!.activity.attachments?.[0]?.content);
    expect(card.renderedText).toContain('Person 0 shared a learning');
    expect(card.renderedText).toContain('PR **descriptions**');
    expect(card.renderedText).toContain('Say why');
    expect(card.renderedText).not.toContain('Try it');
    expect(card.renderedHtml).not.toContain('<strong');
    const stored = await service.stores.shares.get(DEMO_TENANT_ID, team.id, 'share-entry-0001');
    expect(stored?.share.activityId).toBeTruthy();
    expect(stored?.share.link).toBe('http://WWW.Example.com/guide/?utm_source=x');
  });

  it('counts 100 people pressing Helpful at once as exactly 100, one vote row each, and the channel’s card ends showing 100', async () => {
    const replies = await Promise.all(voters.map((v) => onCard(SHARE_HELPFUL_VERB, v, { teamId: team.id, shareId: 'share-entry-0001' })));
    expect(replies.every((r) => r.status === 200)).toBe(true);
    const stored = await service.stores.shares.get(DEMO_TENANT_ID, team.id, 'share-entry-0001');
    expect(stored?.share.tally.helpful).toBe(100);
    const votes = await service.stores.shares.listShareVotes(DEMO_TENANT_ID, team.id, 'share-entry-0001');
    expect(votes.filter((v) => v.helpful)).toHaveLength(100);
    // The counters always equal a recount of the vote rows (the sharer's own rating included).
    expect(tallyOf(votes)).toEqual(stored?.share.tally);
    await service.services.sharing.settled();
    const last = connector.updated.filter((u) => u.conversationId === sharesChannel).at(-1);
    expect(expectValidTeamsCard(last?.activity.attachments?.[0]?.content).renderedText).toContain('100 found this helpful');
    // A burst of clicks is a handful of card updates, not one per click.
    expect(connector.updated.length).toBeLessThan(100);
    // The sharer is told once today, however many people found it helpful.
    const told = connector.sent.filter((s) => JSON.stringify(s.activity).includes('Your learning share helped'));
    expect(told.map((t) => t.conversationId)).toEqual(['a:personal-sharer']);
  }, 60_000);

  it('counts exactly when the clicks land on two instances of the service at once (their recounts race through ETags)', async () => {
    const second = buildService(service.config, { logger: pino({ level: 'silent' }) });
    const server = second.app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const secondUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/messages`;
    try {
      await shareCheckIn('share-entry-0005', 'Shared once, liked on two servers');
      const data = { teamId: team.id, shareId: 'share-entry-0005' };
      await Promise.all(
        voters.map((v, i) =>
          fetch(i % 2 === 0 ? `${service.baseUrl}/api/messages` : secondUrl, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(inTeamChannel(cardActionActivity(SHARE_HELPFUL_VERB, data, from(v)), team, sharesChannel)),
          }).then((r) => r.text()),
        ),
      );
      const stored = await service.stores.shares.get(DEMO_TENANT_ID, team.id, 'share-entry-0005');
      expect(stored?.share.tally.helpful).toBe(100);
      expect(tallyOf(await service.stores.shares.listShareVotes(DEMO_TENANT_ID, team.id, 'share-entry-0005'))).toEqual(stored?.share.tally);
      await second.services.sharing.settled();
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  }, 60_000);

  it('treats a second press as undoing the first: Helpful twice is 0, and the person who pressed sees their own marks', async () => {
    await shareCheckIn('share-entry-0002', 'Second share');
    const data = { teamId: team.id, shareId: 'share-entry-0002' };
    const first = await onCard(SHARE_HELPFUL_VERB, voters[0]!, data);
    expect(expectValidTeamsCard(first.card).renderedText).toContain('For you: you found it helpful');
    const second = await onCard(SHARE_HELPFUL_VERB, voters[0]!, data);
    expect(expectValidTeamsCard(second.card).renderedText).toContain('0 found this helpful');
    expect((await service.stores.shares.get(DEMO_TENANT_ID, team.id, 'share-entry-0002'))?.share.tally.helpful).toBe(0);
  });

  it('keeps one rating per person, changes it on a new rating and clears it on the same one; refuses the sharer’s own Helpful', async () => {
    const data = { teamId: team.id, shareId: 'share-entry-0002' };
    await onCard(SHARE_RATE_VERB, voters[1]!, { ...data, rating: '2' });
    const changed = await onCard(SHARE_RATE_VERB, voters[1]!, { ...data, rating: '5' });
    // The sharer rated 4 on their check-in; voter 1's 5 replaces their 2.
    expect(expectValidTeamsCard(changed.card).renderedText).toContain('rated 4.5 of 5 by 2 people');
    const cleared = await onCard(SHARE_RATE_VERB, voters[1]!, { ...data, rating: '5' });
    expect(expectValidTeamsCard(cleared.card).renderedText).toContain('rated 4.0 of 5 by 1 person');
    const bad = await onCard(SHARE_RATE_VERB, voters[1]!, { ...data, rating: '9' });
    expect(expectValidTeamsCard(bad.card).renderedText).toContain('Choose a rating from 1 to 5');
    // A second share helped today: the sharer is not told again until tomorrow.
    await onCard(SHARE_HELPFUL_VERB, voters[2]!, data);
    await onCard(SHARE_HELPFUL_VERB, voters[2]!, data);
    await service.services.sharing.settled();
    expect(connector.sent.filter((s) => JSON.stringify(s.activity).includes('Your learning share helped'))).toHaveLength(1);
    const own = await onCard(SHARE_HELPFUL_VERB, sharer, data);
    expect(expectValidTeamsCard(own.card).renderedText).toContain('This is your own share');
    expect((await service.stores.shares.get(DEMO_TENANT_ID, team.id, 'share-entry-0002'))?.share.tally).toMatchObject({
      helpful: 0,
      ratingCount: 1,
    });
  });

  it('refuses marks from someone outside the team and on a share card it does not know, changing nothing', async () => {
    const outsider = { id: '29:outsider', aadObjectId: 'a3000000-0000-4000-8000-000000000001', name: 'Outsider' };
    const before = await service.stores.shares.get(DEMO_TENANT_ID, team.id, 'share-entry-0001');
    const refused = await onCard(SHARE_HELPFUL_VERB, outsider, { teamId: team.id, shareId: 'share-entry-0001' });
    expect(expectValidTeamsCard(refused.card).renderedText).toContain('Only members of this team');
    const forged = await onCard(SHARE_HELPFUL_VERB, voters[2]!, { teamId: team.id, shareId: '../../etc' });
    expect(expectValidTeamsCard(forged.card).renderedText).toContain('not one we recognise');
    expect((await service.stores.shares.get(DEMO_TENANT_ID, team.id, 'share-entry-0001'))?.share.tally).toEqual(before?.share.tally);
  });

  it('saves to the person’s own list from the card, and lists it on their personal page until they unsave it', async () => {
    const data = { teamId: team.id, shareId: 'share-entry-0001' };
    await onCard(SHARE_SAVE_VERB, voters[3]!, data);
    const saved = (await (
      await fetch(`${service.baseUrl}/api/v1/me/saved`, { headers: headers(voters[3]!) })
    ).json()) as SavedSharesResponse;
    expect(saved.saved.map((s) => [s.what, s.teamName, s.sharerName])).toEqual([['PR **descriptions**', 'Big Team', 'Person 0']]);
    const unsave = await fetch(`${service.baseUrl}/api/v1/teams/${encodeURIComponent(team.id)}/shares/share-entry-0001/my-vote`, {
      method: 'PUT',
      headers: headers(voters[3]!),
      body: JSON.stringify({ saved: false }),
    });
    expect(unsave.status).toBe(200);
    expect(((await unsave.json()) as { mine: { saved: boolean } }).mine.saved).toBe(false);
    const after = (await (
      await fetch(`${service.baseUrl}/api/v1/me/saved`, { headers: headers(voters[3]!) })
    ).json()) as SavedSharesResponse;
    expect(after.saved).toEqual([]);
  });

  it('carries an edit of the shared entry to its share: the new words on the card, the sharer’s new rating in the average', async () => {
    const before = (await service.stores.shares.get(DEMO_TENANT_ID, team.id, 'share-entry-0001'))!.share;
    const res = await fetch(`${service.baseUrl}/api/v1/me/entries/share-entry-0001`, {
      method: 'PATCH',
      headers: headers(sharer),
      body: JSON.stringify({ what: 'PR descriptions that say why', rating: 2, action: 'Kept to myself' }),
    });
    expect(res.status).toBe(200);
    await service.services.sharing.settled();
    const after = (await service.stores.shares.get(DEMO_TENANT_ID, team.id, 'share-entry-0001'))!.share;
    expect(after.what).toBe('PR descriptions that say why');
    // The action was not shared, so it stays private; the counts are untouched but for the sharer's rating.
    expect(after.action).toBeNull();
    expect(after.tally).toEqual({ ...before.tally, ratingSum: before.tally.ratingSum - 2 });
    const card = connector.updated.filter((u) => u.activityId === after.activityId).at(-1);
    expect(expectValidTeamsCard(card?.activity.attachments?.[0]?.content).renderedText).toContain('PR descriptions that say why');
  });

  it('rejects a share to a team the learner is not in without saving the entry, keeping what they typed', async () => {
    const reply = await post(
      cardActionActivity(
        'checkin.submit',
        {
          cardId: 'share-entry-0003',
          what: 'Kept words',
          sourceType: 'video',
          shareWithTeam: 'true',
          shareTeamId: '19:not-mine@thread.tacv2',
        },
        from(sharer),
      ),
    );
    const card = expectValidTeamsCard(reply.card);
    expect(card.renderedText).toContain('You can only share with a team you are a member of');
    expect(card.inputValues).toMatchObject({ what: 'Kept words', sourceType: 'video', visibility: 'team' });
    expect(await service.stores.entries.findBySubmission(DEMO_TENANT_ID, sharer.aadObjectId, 'share-entry-0003')).toBeUndefined();
  });

  it('withdraws the share when the entry is deleted: the channel’s card says so and the feed drops it', async () => {
    const res = await fetch(`${service.baseUrl}/api/v1/me/entries/share-entry-0002`, { method: 'DELETE', headers: headers(sharer) });
    expect(res.status).toBe(204);
    await service.services.sharing.settled();
    const stored = await service.stores.shares.get(DEMO_TENANT_ID, team.id, 'share-entry-0002');
    expect(stored?.share.withdrawnAt).toBeTruthy();
    const update = connector.updated.filter((u) => u.activityId === stored?.share.activityId).at(-1);
    expect(expectValidTeamsCard(update?.activity.attachments?.[0]?.content).renderedText).toContain('Person 0 withdrew this share.');
    const feed = (await (
      await fetch(`${service.baseUrl}/api/v1/teams/${encodeURIComponent(team.id)}/shares`, { headers: headers(voters[0]!) })
    ).json()) as SharesResponse;
    expect(feed.shares.map((s) => s.shareId)).toContain('share-entry-0001');
    expect(feed.shares.map((s) => s.shareId)).not.toContain('share-entry-0002');
    const late = await onCard(SHARE_HELPFUL_VERB, voters[5]!, { teamId: team.id, shareId: 'share-entry-0002' });
    expect(expectValidTeamsCard(late.card).renderedText).toContain('withdrew this share');
  });

  it('keeps none of a withdrawn share’s words in storage: its row holds no title, words or link, only what its card needs', async () => {
    const row = await tableClients(service.config.storage).shares.getEntity<Record<string, unknown>>(
      keyOf(DEMO_TENANT_ID, team.id),
      keyOf('s', 'share-entry-0002'),
    );
    expect(row).toMatchObject({ sharerName: 'Person 0', withdrawnAt: expect.any(String), activityId: expect.any(String), what: '' });
    for (const field of ['link', 'insight', 'action', 'resourceKey']) expect(row).not.toHaveProperty(field);
    const stored = JSON.stringify(row);
    for (const words of ['Second share', 'Say why', 'Try it', 'example.com']) expect(stored).not.toContain(words);
  });

  it('answers an unsave from someone outside the team without anything of the share', async () => {
    // Known to the app (it has written to the bot), but in no team here.
    const outsider = { aadObjectId: 'a2000000-0000-4000-8000-000000009999' };
    await service.services.people.noteSeen({ tenantId: DEMO_TENANT_ID, userId: outsider.aadObjectId, displayName: 'Outsider' });
    const res = await fetch(`${service.baseUrl}/api/v1/teams/${encodeURIComponent(team.id)}/shares/share-entry-0001/my-vote`, {
      method: 'PUT',
      headers: headers(outsider),
      body: JSON.stringify({ saved: false }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ shareId: 'share-entry-0001', mine: { helpful: false, saved: false, rating: null } });
    // Anything more than taking it off their own list is refused.
    const helpful = await fetch(`${service.baseUrl}/api/v1/teams/${encodeURIComponent(team.id)}/shares/share-entry-0001/my-vote`, {
      method: 'PUT',
      headers: headers(outsider),
      body: JSON.stringify({ helpful: true }),
    });
    expect(helpful.status).toBe(403);
  });

  it('lets someone who saved a share keep it, marked withdrawn and without its content, until they unsave it', async () => {
    const data = { teamId: team.id, shareId: 'share-entry-0004' };
    await shareCheckIn('share-entry-0004', 'Soon withdrawn');
    await onCard(SHARE_SAVE_VERB, voters[0]!, data);
    expect(
      (await fetch(`${service.baseUrl}/api/v1/me/entries/share-entry-0004`, { method: 'DELETE', headers: headers(sharer) })).status,
    ).toBe(204);
    const saved = (await (
      await fetch(`${service.baseUrl}/api/v1/me/saved`, { headers: headers(voters[0]!) })
    ).json()) as SavedSharesResponse;
    expect(saved.saved).toEqual([expect.objectContaining({ shareId: 'share-entry-0004', withdrawn: true, insight: null, link: null })]);
    const helpful = await fetch(`${service.baseUrl}/api/v1/teams/${encodeURIComponent(team.id)}/shares/share-entry-0004/my-vote`, {
      method: 'PUT',
      headers: headers(voters[0]!),
      body: JSON.stringify({ helpful: true }),
    });
    expect(helpful.status).toBe(409);
    const unsave = await fetch(`${service.baseUrl}/api/v1/teams/${encodeURIComponent(team.id)}/shares/share-entry-0004/my-vote`, {
      method: 'PUT',
      headers: headers(voters[0]!),
      body: JSON.stringify({ saved: false }),
    });
    expect(unsave.status).toBe(200);
    // A withdrawn share's words never come back, not even to someone taking it off their list.
    expect(await unsave.json()).toEqual({ shareId: 'share-entry-0004', mine: expect.objectContaining({ saved: false }) });
    expect(
      ((await (await fetch(`${service.baseUrl}/api/v1/me/saved`, { headers: headers(voters[0]!) })).json()) as SavedSharesResponse).saved,
    ).toEqual([]);
  });
});
