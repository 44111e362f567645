import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHARE_PROMPT_VERB } from '../../bot/cards/share-prompt-card.js';
import type { AskToShareResponse, ShareAsksResponse } from '../../bot/contract/share-asks.js';
import type { LearningEntry } from '../../bot/contract/learning-entry.js';
import { DEMO_PEOPLE, DEMO_TEAM, DEMO_TENANT_ID } from '../../bot/demo/demo-team.js';
import { DEMO_SHARES_CHANNEL } from '../../bot/demo/seed-demo-shares.js';
import { seedDemoData } from '../../bot/demo/seed-demo-data.js';
import { QUIET_DAYS } from '../../bot/domain/share-prompt.js';
import { buildService } from '../../bot/service.js';
import { cardActionActivity, inTeamChannel, messageActivity } from '../../bot/testing/activities.js';
import { expectValidTeamsCard } from '../../bot/testing/card-validation.js';
import { startFakeConnector } from '../../bot/testing/fake-connector.js';
import { asDemoPerson, postActivity } from '../../bot/testing/requests.js';
import { startTestService, type RunningTestService } from '../../bot/testing/test-service.js';

const [alex, megan] = [DEMO_PEOPLE[0]!, DEMO_PEOPLE[1]!];
/** A member of the demo team with no demo history: every entry of hers is one this test wrote. */
const nia = {
  tenantId: DEMO_TENANT_ID,
  userId: 'f1000000-0000-4000-8000-0000000000b2',
  teamsUserId: '29:nia-sp',
  displayName: 'Nia Okafor',
};
const account = (p: { teamsUserId: string; userId: string; displayName: string }) => ({
  id: p.teamsUserId,
  aadObjectId: p.userId,
  name: p.displayName,
});
const DAY = 86_400_000;
const team = `/teams/${encodeURIComponent(DEMO_TEAM.id)}`;

type CardJson = { actions?: Array<{ id?: string; verb?: string; data: Record<string, unknown> }> };

describe('share prompts (Azurite, local Bot Connector)', () => {
  let service: RunningTestService;
  let connector: Awaited<ReturnType<typeof startFakeConnector>>;
  let now = Date.parse('2026-11-02T09:00:00.000Z');
  const clock = () => new Date(now);
  const post = (activity: unknown) => postActivity(service.baseUrl, activity);
  const asNia = { serviceUrl: '', from: account(nia), conversationId: `a:personal-${nia.userId}` };
  const api = async <T>(userId: string, path: string, init: RequestInit = {}): Promise<{ status: number; body: T }> => {
    const res = await fetch(`${service.baseUrl}/api/v1${path}`, { ...init, headers: asDemoPerson(userId) });
    return { status: res.status, body: (await res.json()) as T };
  };
  const channelPosts = () => connector.sent.filter((s) => s.conversationId === DEMO_SHARES_CHANNEL);
  const niasLog = (): Promise<LearningEntry[]> => service.stores.entries.listAll(DEMO_TENANT_ID, nia.userId);
  const press = async (data: Record<string, unknown>) => {
    const reply = await post(cardActionActivity(SHARE_PROMPT_VERB, data, asNia));
    await service.services.sharing.settled();
    return reply;
  };
  const button = (card: CardJson, id: string) => card.actions?.find((a) => a.id === id);

  /** A check-in from Nia's personal chat: the card she gets back. */
  async function checkIn(fields: Record<string, string>): Promise<CardJson> {
    await post(messageActivity('check in', asNia));
    const card = connector.sent.filter((s) => s.conversationId === asNia.conversationId).at(-1)?.activity.attachments?.[0]
      ?.content as CardJson;
    return (await post(
      cardActionActivity('checkin.submit', { ...card.actions![0]!.data, sourceType: 'article', visibility: 'leads', ...fields }, asNia),
    )) as CardJson;
  }

  beforeAll(async () => {
    connector = await startFakeConnector();
    asNia.serviceUrl = connector.serviceUrl;
    service = await startTestService({}, { clock });
    await seedDemoData({ ...service, now: new Date(now) });
    await service.stores.teams.upsertMember({
      tenantId: DEMO_TENANT_ID,
      teamId: DEMO_TEAM.id,
      userId: nia.userId,
      teamsUserId: nia.teamsUserId,
      displayName: nia.displayName,
      role: 'member',
      joinedAt: new Date(now - 60 * DAY).toISOString(),
    });
    await post(messageActivity('help', asNia));
    // A message in the team's channel, so the app knows where to reach the team.
    await post(inTeamChannel(messageActivity('help', { serviceUrl: connector.serviceUrl, from: account(alex) }), DEMO_TEAM));
  }, 90_000);
  afterAll(async () => {
    await service.stop();
    await connector.stop();
  });

  it('offers to share an entry rated 5 with an insight on the saved card; Share posts the share card in the learning channel, once however often it is pressed', async () => {
    const saved = await checkIn({
      what: 'Feature flags in practice',
      rating: '5',
      insight: 'Ship dark first',
      link: 'https://example.com/ff',
    });
    const check = expectValidTeamsCard(saved);
    expect(check.renderedText).toContain('Share this with your team?');
    expect(check.inputIds).toContain('shareParts');
    const share = button(saved, 'share-prompt-share')!;
    expect(share.data).toMatchObject({ answer: 'share', shareTeamId: DEMO_TEAM.id });
    const before = channelPosts().length;

    const reply = await press({ ...share.data, shareParts: 'insight' });
    expect(expectValidTeamsCard(reply).renderedText).toContain(`Shared in ${DEMO_TEAM.name}’s learning channel`);
    const posted = channelPosts().slice(before);
    expect(posted).toHaveLength(1);
    const card = expectValidTeamsCard(posted[0]!.activity.attachments?.[0]?.content);
    expect(card.renderedText).toContain('Feature flags in practice');
    expect(card.renderedText).toContain('Ship dark first');
    expect(card.renderedText).not.toContain('example.com/ff');

    const again = await press({ ...share.data, shareParts: 'insight' });
    expect(expectValidTeamsCard(again).renderedText).toContain('Shared in');
    expect(channelPosts().slice(before)).toHaveLength(1);
  });

  it('offers nothing for an entry rated 3, or rated 5 without an insight', async () => {
    for (const fields of <Record<string, string>[]>[
      { what: 'An average talk', rating: '3', insight: 'Some of it' },
      { what: 'A good talk', rating: '5' },
    ]) {
      const saved = await checkIn(fields);
      expect(expectValidTeamsCard(saved).renderedText).not.toContain('Share this with your team?');
      expect(button(saved, 'share-prompt-share')).toBeUndefined();
    }
  });

  it('offers to share what was saved with a goal marked done', async () => {
    const goal = await service.services.goals.add(nia, { what: 'Learn SQL window functions', targetDate: '2027-03-31' });
    expect(goal.status).toBe('saved');
    const goalId = goal.status === 'saved' ? goal.goal.goalId : '';
    const saved = await checkIn({ what: 'Finished the SQL course', [`goal.${goalId}.state`]: 'done' });
    const check = expectValidTeamsCard(saved);
    expect(check.renderedText).toContain('You reached a goal');
    expect(button(saved, 'share-prompt-not-now')).toBeDefined();
  });

  it('refuses a forged or stale entry id with an error card naming it, and writes nothing', async () => {
    const before = { posts: channelPosts().length, prompt: await service.stores.users.getSharePrompt(DEMO_TENANT_ID, nia.userId) };
    for (const answer of ['share', 'notNow']) {
      const reply = await press({ entryId: 'no-such-entry-0001', answer, shareTeamId: DEMO_TEAM.id });
      expect(expectValidTeamsCard(reply).renderedText).toContain('There is no entry “no-such-entry-0001” in your learning log');
    }
    // Someone else's entry is not in the presser's log either.
    const alexs = (await service.stores.entries.listAll(DEMO_TENANT_ID, alex.userId))[0]!;
    const reply = await press({ entryId: alexs.id, answer: 'share', shareTeamId: DEMO_TEAM.id });
    expect(expectValidTeamsCard(reply).renderedText).toContain(`There is no entry “${alexs.id}”`);
    const malformed = await press({ entryId: '<b>x</b>', answer: 'share' });
    expect(expectValidTeamsCard(malformed).renderedText).toContain('There is no entry “<b>x</b>”');
    expect(channelPosts().length).toBe(before.posts);
    expect(await service.stores.users.getSharePrompt(DEMO_TENANT_ID, nia.userId)).toEqual(before.prompt);
  });

  it('stops offering after three "not now" in a row, for a month, kept across a restart; then offers again', async () => {
    for (let i = 1; i <= 3; i++) {
      const saved = await checkIn({ what: `Useful read ${i}`, rating: '4', insight: `Idea ${i}` });
      const notNow = button(saved, 'share-prompt-not-now')!;
      const reply = expectValidTeamsCard(await press(notNow.data)).renderedText;
      expect(reply).toContain(i < 3 ? 'No problem: nothing was shared.' : 'we won’t offer to share again for a month');
    }
    const quiet = await checkIn({ what: 'Another useful read', rating: '5', insight: 'Still good' });
    expect(expectValidTeamsCard(quiet).renderedText).not.toContain('Share this with your team?');

    // Another instance, or this one after a restart, reads the same answer from storage.
    const restarted = buildService(service.config, { logger: pino({ level: 'silent' }), clock });
    const entry = (await niasLog()).find((e) => e.what === 'Another useful read')!;
    expect(await restarted.services.sharePrompts.offerAfterSave(nia, entry, { goalDone: false, shared: false })).toBeUndefined();

    now += (QUIET_DAYS + 1) * DAY;
    const later = await checkIn({ what: 'A month later', rating: '5', insight: 'Worth it' });
    expect(expectValidTeamsCard(later).renderedText).toContain('Share this with your team?');
  });

  it('lets a lead Ask to share an entry they may see: the card reaches the learner, Share posts it, and requests and answers are counted', async () => {
    const leads = await checkIn({ what: 'Running a retro', visibility: 'leads', insight: 'Start with the data' });
    const privateOne = await checkIn({ what: 'Private notes', visibility: 'private' });
    expect(leads && privateOne).toBeTruthy();
    const log = await niasLog();
    const shown = log.find((e) => e.what === 'Running a retro')!;
    const hidden = log.find((e) => e.what === 'Private notes')!;
    const path = (entryId: string) => `${team}/members/${encodeURIComponent(nia.userId)}/entries/${entryId}/ask-to-share`;

    expect((await api(alex.userId, path(hidden.id), { method: 'POST' })).status).toBe(404);
    expect((await api(megan.userId, path(shown.id), { method: 'POST' })).status).toBe(403);
    expect((await api(megan.userId, `${team}/share-asks`)).status).toBe(403);

    // The demo's own requests are counted too.
    const demo = (await api<ShareAsksResponse>(alex.userId, `${team}/share-asks`)).body.figures;
    const sentBefore = connector.sent.length;
    const asked = await api<AskToShareResponse>(alex.userId, path(shown.id), { method: 'POST' });
    expect(asked).toEqual({ status: 202, body: { delivered: true, figures: { ...demo, asked: demo.asked + 1 } } });
    // The request is in the audit trail: the lead acted on an entry of the member's log.
    const recorded = [];
    for await (const e of service.stores.auditTrail.stream(DEMO_TENANT_ID, { kind: 'share_asked' })) recorded.push(e);
    expect(recorded[0]).toMatchObject({
      kind: 'share_asked',
      actor: { userId: alex.userId, displayName: alex.displayName },
      subject: { userId: nia.userId, displayName: nia.displayName },
      teamId: DEMO_TEAM.id,
      detail: { entryId: shown.id },
    });
    expect((await api(alex.userId, path(shown.id), { method: 'POST' })).status).toBe(409);
    const delivered = connector.sent.slice(sentBefore).filter((s) => s.conversationId === asNia.conversationId);
    expect(delivered).toHaveLength(1);
    const card = delivered[0]!.activity.attachments?.[0]?.content as CardJson;
    const check = expectValidTeamsCard(card);
    expect(check.renderedText).toContain(`Alex Wilber asks you to share this with ${DEMO_TEAM.name}`);
    expect(check.renderedText).toContain('“Running a retro”');

    // A request from a lead who did not make it is not one to answer.
    const share = button(card, 'share-prompt-share')!;
    const forged = await press({ ...share.data, leadId: megan.userId });
    expect(expectValidTeamsCard(forged).renderedText).toContain(`Nobody asked you to share the entry “${shown.id}”`);

    const postsBefore = channelPosts().length;
    const reply = await press({ ...share.data, shareParts: 'insight' });
    expect(expectValidTeamsCard(reply).renderedText).toContain(`Shared in ${DEMO_TEAM.name}’s learning channel`);
    expect(channelPosts().slice(postsBefore)).toHaveLength(1);
    const figures = await api<ShareAsksResponse>(alex.userId, `${team}/share-asks`);
    expect(figures.status).toBe(200);
    expect(figures.body.figures).toEqual({ asked: demo.asked + 1, shared: demo.shared + 1, notNow: demo.notNow });
    expect(figures.body.asks.filter((a) => a.userId === nia.userId)).toEqual([
      { userId: nia.userId, entryId: shown.id, askedAt: new Date(now).toISOString(), answer: 'shared' },
    ]);
  });

  it('counts a learner’s "not now" to a lead’s request for the lead, without quieting the bot’s own offers', async () => {
    await checkIn({ what: 'Pairing notes', visibility: 'team', insight: 'Swap often' });
    const entry = (await niasLog()).find((e) => e.what === 'Pairing notes')!;
    const promptBefore = await service.stores.users.getSharePrompt(DEMO_TENANT_ID, nia.userId);
    const figuresBefore = (await api<ShareAsksResponse>(alex.userId, `${team}/share-asks`)).body.figures;
    const sentBefore = connector.sent.length;
    await api(alex.userId, `${team}/members/${encodeURIComponent(nia.userId)}/entries/${entry.id}/ask-to-share`, { method: 'POST' });
    const card = connector.sent.slice(sentBefore).find((s) => s.conversationId === asNia.conversationId)!.activity.attachments?.[0]
      ?.content as CardJson;
    const reply = await press(button(card, 'share-prompt-not-now')!.data);
    expect(expectValidTeamsCard(reply).renderedText).toContain('No problem: nothing was shared.');
    expect((await api<ShareAsksResponse>(alex.userId, `${team}/share-asks`)).body.figures).toEqual({
      ...figuresBefore,
      asked: figuresBefore.asked + 1,
      notNow: figuresBefore.notNow + 1,
    });
    expect(await service.stores.users.getSharePrompt(DEMO_TENANT_ID, nia.userId)).toEqual(promptBefore);
  });
});
