import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PEOPLE, DEMO_TEAM, DEMO_TENANT_ID } from '../../bot/demo/demo-team.js';
import { seedDemoData } from '../../bot/demo/seed-demo-data.js';
import { COACHING_ANSWER_VERB } from '../../bot/cards/coaching-cards.js';
import type { CoachingView, SentCoaching } from '../../bot/services/coaching-service.js';
import { cardActionActivity, messageActivity } from '../../bot/testing/activities.js';
import { expectValidTeamsCard } from '../../bot/testing/card-validation.js';
import { startFakeConnector } from '../../bot/testing/fake-connector.js';
import { asDemoPerson, postActivity } from '../../bot/testing/requests.js';
import { startTestService, type RunningTestService } from '../../bot/testing/test-service.js';
import { problemOf } from '../support/problem.js';

const [alex, megan, adele] = [DEMO_PEOPLE[0]!, DEMO_PEOPLE[1]!, DEMO_PEOPLE[2]!];
const account = (p: (typeof DEMO_PEOPLE)[number]) => ({ id: p.teamsUserId, aadObjectId: p.userId, name: p.displayName });
const team = `/teams/${encodeURIComponent(DEMO_TEAM.id)}`;

describe('coaching on an entry of a member’s log (Azurite, local Bot Connector)', () => {
  let service: RunningTestService;
  let connector: Awaited<ReturnType<typeof startFakeConnector>>;
  const url = (path: string) => `${service.baseUrl}/api/v1${path}`;
  const as = (userId: string) => asDemoPerson(userId);
  const coach = (from: string, memberId: string, entryId: string, body: unknown) =>
    fetch(url(`${team}/members/${encodeURIComponent(memberId)}/entries/${entryId}/coaching`), {
      method: 'POST',
      headers: as(from),
      body: JSON.stringify(body),
    });
  const post = (activity: unknown) => postActivity(service.baseUrl, activity);
  const entryOf = async (visibility: 'private' | 'leads' | 'team') => {
    const result = await service.services.checkIns.submit(
      { tenantId: DEMO_TENANT_ID, userId: megan.userId },
      {
        cardId: crypto.randomUUID(),
        what: `Pairing on *${visibility}* tests`,
        sourceType: 'on-the-job',
        visibility,
      },
    );
    if (result.status !== 'saved') throw new Error(JSON.stringify(result.errors));
    return result.entry.id;
  };

  beforeAll(async () => {
    connector = await startFakeConnector();
    service = await startTestService();
    await seedDemoData({ ...service, now: new Date() });
    for (const p of [alex, megan])
      await post(messageActivity('help', { serviceUrl: connector.serviceUrl, from: account(p), conversationId: `a:personal-${p.userId}` }));
  }, 60_000);
  afterAll(async () => {
    await service.stop();
    await connector.stop();
  });

  it('reaches the learner’s chat with an answer box; the answer goes to the lead, and both read the thread', async () => {
    const entryId = await entryOf('leads');
    const res = await coach(alex.userId, megan.userId, entryId, { note: 'Could you **pair** with Adele next?' });
    expect(res.status).toBe(201);
    const { note } = (await res.json()) as { note: SentCoaching };
    expect(note).toMatchObject({
      entryId,
      learnerId: megan.userId,
      leadName: alex.displayName,
      about: 'Pairing on *leads* tests',
      delivered: true,
    });
    expect(note.shareId).toBeUndefined();

    const card = connector.sent.filter((s) => s.conversationId === `a:personal-${megan.userId}`).at(-1)!.activity.attachments?.[0]?.content;
    const check = expectValidTeamsCard(card);
    expect(check.renderedText).toContain('Alex Wilber left you a coaching note');
    expect(check.renderedText).toContain('On what you learned');
    expect(check.renderedHtml).not.toMatch(/<strong|<em/);

    const answered = await post(
      cardActionActivity(
        COACHING_ANSWER_VERB,
        { noteId: note.noteId, answer: 'Yes, on Thursday' },
        { serviceUrl: connector.serviceUrl, from: account(megan) },
      ),
    );
    expect(expectValidTeamsCard(answered).renderedText).toContain('Your answer went to Alex Wilber');
    const toLead = connector.sent.filter((s) => s.conversationId === `a:personal-${alex.userId}`).at(-1)!.activity.attachments?.[0]
      ?.content;
    expect(expectValidTeamsCard(toLead).renderedText).toContain('Megan Bowen answered your coaching note');

    const mine = ((await (await fetch(url('/me/coaching'), { headers: as(megan.userId) })).json()) as { notes: CoachingView[] }).notes;
    expect(mine.find((n) => n.noteId === note.noteId)).toMatchObject({ entryId, answer: { text: 'Yes, on Thursday' } });
    const forLead = (
      (await (await fetch(url(`${team}/members/${megan.userId}/coaching`), { headers: as(alex.userId) })).json()) as {
        notes: CoachingView[];
      }
    ).notes;
    expect(forLead.find((n) => n.noteId === note.noteId)?.answer?.text).toBe('Yes, on Thursday');
  });

  it('coaches only on entries the lead may see: “only me” is answered as no such entry, and nothing is stored', async () => {
    const before = (await service.stores.coaching.listForLearner(DEMO_TENANT_ID, megan.userId)).length;
    const privateEntry = await entryOf('private');
    const res = await coach(alex.userId, megan.userId, privateEntry, { note: 'Tell me more' });
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('Pairing on');
    expect((await coach(alex.userId, megan.userId, '00000000-0000-4000-8000-000000000000', { note: 'Hello' })).status).toBe(404);
    // Another member's id with Megan's entry finds nothing: the entry is looked up in the named member's log.
    expect((await coach(alex.userId, adele.userId, await entryOf('team'), { note: 'Hello' })).status).toBe(404);
    expect((await service.stores.coaching.listForLearner(DEMO_TENANT_ID, megan.userId)).length).toBe(before);
  });

  it('refuses a member who is not a lead, and a bad note naming the field', async () => {
    const entryId = await entryOf('team');
    const refused = await coach(adele.userId, megan.userId, entryId, { note: 'Peer coaching' });
    expect(refused.status).toBe(403);
    for (const body of [{ note: '' }, { note: 'x'.repeat(1001) }, { note: 'hi', shareId: 'x' }, {}]) {
      const res = await coach(alex.userId, megan.userId, entryId, body);
      expect(res.status).toBe(400);
      expect((await problemOf(res)).detail).toMatch(/^Invalid coaching note: /);
    }
  });
});
