import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PEOPLE, DEMO_TEAM } from '../../bot/demo/demo-team.js';
import { seedDemoData } from '../../bot/demo/seed-demo-data.js';
import { COACHING_ANSWER_VERB } from '../../bot/cards/coaching-cards.js';
import type { SharesResponse } from '../../bot/contract/api.js';
import type { CoachingView } from '../../bot/services/coaching-service.js';
import { cardActionActivity, messageActivity } from '../../bot/testing/activities.js';
import { expectValidTeamsCard } from '../../bot/testing/card-validation.js';
import { startFakeConnector } from '../../bot/testing/fake-connector.js';
import { asDemoPerson, postActivity } from '../../bot/testing/requests.js';
import { startTestService, type RunningTestService } from '../../bot/testing/test-service.js';
import { problemOf } from '../support/problem.js';

const [alex, megan, adele] = [DEMO_PEOPLE[0]!, DEMO_PEOPLE[1]!, DEMO_PEOPLE[2]!];
const account = (p: (typeof DEMO_PEOPLE)[number]) => ({ id: p.teamsUserId, aadObjectId: p.userId, name: p.displayName });
const team = `/teams/${encodeURIComponent(DEMO_TEAM.id)}`;

describe('coaching notes on shared learning (Azurite, local Bot Connector)', () => {
  let service: RunningTestService;
  let connector: Awaited<ReturnType<typeof startFakeConnector>>;
  let meganShare: string;
  const url = (path: string) => `${service.baseUrl}/api/v1${path}`;
  const as = (userId: string) => asDemoPerson(userId);
  const coach = (from: string, shareId: string, body: unknown) =>
    fetch(url(`${team}/shares/${shareId}/coaching`), { method: 'POST', headers: as(from), body: JSON.stringify(body) });
  const post = (activity: unknown) => postActivity(service.baseUrl, activity);

  beforeAll(async () => {
    connector = await startFakeConnector();
    service = await startTestService();
    await seedDemoData({ ...service, now: new Date() });
    for (const p of [alex, megan])
      await post(messageActivity('help', { serviceUrl: connector.serviceUrl, from: account(p), conversationId: `a:personal-${p.userId}` }));
    const feed = (await (await fetch(url(`${team}/shares`), { headers: as(alex.userId) })).json()) as SharesResponse;
    meganShare = feed.shares.find((s) => s.sharerName === megan.displayName)!.shareId;
  }, 60_000);
  afterAll(async () => {
    await service.stop();
    await connector.stop();
  });

  it('lets a lead coach a member on what they shared: the note arrives in the member’s chat, escaped', async () => {
    const res = await coach(alex.userId, meganShare, { note: 'Nice one. **Try** it on the next [sprint](https://evil.example)?' });
    expect(res.status).toBe(201);
    expect(((await res.json()) as { note: CoachingView & { delivered: boolean } }).note).toMatchObject({
      learnerId: megan.userId,
      leadName: alex.displayName,
      delivered: true,
      answer: null,
    });
    const card = connector.sent.filter((s) => s.conversationId === `a:personal-${megan.userId}`).at(-1)!.activity.attachments?.[0]?.content;
    const check = expectValidTeamsCard(card);
    expect(check.renderedText).toContain('Alex Wilber left you a coaching note');
    expect(check.renderedHtml).not.toMatch(/<a |<strong/);
  });

  it('records the member’s answer from the card, tells the lead, and shows the thread to both', async () => {
    const [note] = ((await (await fetch(url('/me/coaching'), { headers: as(megan.userId) })).json()) as { notes: CoachingView[] }).notes;
    const empty = await post(
      cardActionActivity(
        COACHING_ANSWER_VERB,
        { noteId: note!.noteId, answer: '  ' },
        { serviceUrl: connector.serviceUrl, from: account(megan) },
      ),
    );
    expect(expectValidTeamsCard(empty).renderedText).toContain('Your answer is empty');
    const forged = await post(
      cardActionActivity(
        COACHING_ANSWER_VERB,
        { noteId: note!.noteId, answer: 'Not mine' },
        { serviceUrl: connector.serviceUrl, from: account(adele) },
      ),
    );
    expect(expectValidTeamsCard(forged).renderedText).toContain('not yours to answer');
    const answered = await post(
      cardActionActivity(
        COACHING_ANSWER_VERB,
        { noteId: note!.noteId, answer: 'Will do, thanks' },
        { serviceUrl: connector.serviceUrl, from: account(megan) },
      ),
    );
    expect(expectValidTeamsCard(answered).renderedText).toContain('Your answer went to Alex Wilber');
    const toLead = connector.sent.filter((s) => s.conversationId === `a:personal-${alex.userId}`).at(-1)!.activity.attachments?.[0]
      ?.content;
    expect(expectValidTeamsCard(toLead).renderedText).toContain('Megan Bowen answered your coaching note');
    const thread = (
      (await (await fetch(url(`${team}/members/${megan.userId}/coaching`), { headers: as(alex.userId) })).json()) as {
        notes: CoachingView[];
      }
    ).notes;
    expect(thread[0]).toMatchObject({ noteId: note!.noteId, answer: { text: 'Will do, thanks' } });
  });

  it('keeps coaching to the team’s leads and its shares, and refuses a bad note without storing it', async () => {
    expect((await coach(megan.userId, meganShare, { note: 'Self-coaching' })).status).toBe(403);
    expect((await fetch(url(`${team}/members/${megan.userId}/coaching`), { headers: as(megan.userId) })).status).toBe(403);
    expect((await coach(alex.userId, '00000000-0000-4000-8000-000000000000', { note: 'Hello' })).status).toBe(404);
    for (const body of [{ note: '' }, { note: 'x'.repeat(1001) }, { note: 'hi', learnerId: adele.userId }, {}]) {
      const res = await coach(alex.userId, meganShare, body);
      expect(res.status).toBe(400);
      expect((await problemOf(res)).detail).toMatch(/^Invalid coaching note: /);
    }
    const notes = ((await (await fetch(url('/me/coaching'), { headers: as(megan.userId) })).json()) as { notes: CoachingView[] }).notes;
    expect(notes).toHaveLength(1);
  });
});
