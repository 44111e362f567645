import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PEOPLE, DEMO_TEAM } from '../../bot/demo/demo-team.js';
import { seedDemoData } from '../../bot/demo/seed-demo-data.js';
import { NUDGE_REPLY_VERB } from '../../bot/cards/nudge-cards.js';
import type { Nudge } from '../../bot/contract/nudge-rules.js';
import { cardActionActivity, messageActivity } from '../../bot/testing/activities.js';
import { expectValidTeamsCard } from '../../bot/testing/card-validation.js';
import { startFakeConnector } from '../../bot/testing/fake-connector.js';
import { asDemoPerson, postActivity } from '../../bot/testing/requests.js';
import { startTestService, type RunningTestService } from '../../bot/testing/test-service.js';
import { problemOf } from '../support/problem.js';

const [alex, megan, adele, isaiah] = [DEMO_PEOPLE[0]!, DEMO_PEOPLE[1]!, DEMO_PEOPLE[2]!, DEMO_PEOPLE[3]!];
const account = (p: (typeof DEMO_PEOPLE)[number]) => ({ id: p.teamsUserId, aadObjectId: p.userId, name: p.displayName });
const team = `/teams/${encodeURIComponent(DEMO_TEAM.id)}`;
type NudgeView = Omit<Nudge, 'tenantId'>;

describe('nudges and leads (Azurite, local Bot Connector)', () => {
  let service: RunningTestService;
  let connector: Awaited<ReturnType<typeof startFakeConnector>>;
  const url = (path: string) => `${service.baseUrl}/api/v1${path}`;
  const as = (userId: string) => asDemoPerson(userId);
  const nudge = (from: string, to: string, body: unknown = { note: 'How is the accessibility course going?' }) =>
    fetch(url(`${team}/members/${encodeURIComponent(to)}/nudges`), { method: 'POST', headers: as(from), body: JSON.stringify(body) });
  const history = async (userId: string) => await fetch(url(`${team}/nudges`), { headers: as(userId) });
  const setRole = (from: string, who: string, role: string) =>
    fetch(url(`${team}/members/${encodeURIComponent(who)}/role`), { method: 'PUT', headers: as(from), body: JSON.stringify({ role }) });
  const post = (activity: unknown) => postActivity(service.baseUrl, activity);

  beforeAll(async () => {
    connector = await startFakeConnector();
    service = await startTestService();
    await seedDemoData({ ...service, now: new Date() });
    // Each has chatted with the app, so it can reach them in their personal chat.
    for (const p of [alex, megan])
      await post(messageActivity('help', { serviceUrl: connector.serviceUrl, from: account(p), conversationId: `a:personal-${p.userId}` }));
  }, 60_000);
  afterAll(async () => {
    await service.stop();
    await connector.stop();
  });

  it('lets a lead nudge a member: the card with the lead’s note arrives in the member’s personal chat', async () => {
    const res = await nudge(alex.userId, megan.userId);
    expect(res.status).toBe(201);
    const { nudge: sent } = (await res.json()) as { nudge: NudgeView };
    expect(sent).toMatchObject({
      learnerId: megan.userId,
      leadName: alex.displayName,
      note: 'How is the accessibility course going?',
      delivered: true,
      reply: null,
    });
    const card = connector.sent.filter((s) => s.conversationId === `a:personal-${megan.userId}`).at(-1);
    const check = expectValidTeamsCard(card?.activity.attachments?.[0]?.content);
    expect(check.renderedText).toContain('Alex Wilber is checking in on your learning');
    expect(check.renderedText).toContain('How is the accessibility course going?');
  });

  it('records the member’s quick reply, tells the lead, and shows it in the lead’s nudge history', async () => {
    const [latest] = ((await (await history(alex.userId)).json()) as { nudges: NudgeView[] }).nudges;
    // Only the nudged member can answer.
    const forged = await post(
      cardActionActivity(
        NUDGE_REPLY_VERB,
        { teamId: DEMO_TEAM.id, nudgeId: latest!.nudgeId, answer: 'on-it' },
        { serviceUrl: connector.serviceUrl, from: account(adele) },
      ),
    );
    expect(expectValidTeamsCard(forged).renderedText).toContain('not yours to answer');
    const answered = await post(
      cardActionActivity(
        NUDGE_REPLY_VERB,
        { teamId: DEMO_TEAM.id, nudgeId: latest!.nudgeId, answer: 'need-help' },
        { serviceUrl: connector.serviceUrl, from: account(megan) },
      ),
    );
    expect(expectValidTeamsCard(answered).renderedText).toContain('You told Alex Wilber: I need help');
    const toLead = connector.sent.filter((s) => s.conversationId === `a:personal-${alex.userId}`).at(-1);
    expect(expectValidTeamsCard(toLead?.activity.attachments?.[0]?.content).renderedText).toContain(
      'Megan Bowen answered your nudge: I need help',
    );
    const [after] = ((await (await history(alex.userId)).json()) as { nudges: NudgeView[] }).nudges;
    expect(after).toMatchObject({ nudgeId: latest!.nudgeId, reply: { answer: 'need-help' } });
  });

  it('keeps nudging to the team’s leads, one nudge per member per 12 hours, and refuses bad input without recording anything', async () => {
    expect((await nudge(megan.userId, adele.userId)).status).toBe(403);
    expect((await history(megan.userId)).status).toBe(403);
    expect((await nudge(alex.userId, 'someone-not-in-the-team')).status).toBe(404);
    expect((await nudge(alex.userId, megan.userId)).status).toBe(409);
    const before = ((await (await history(alex.userId)).json()) as { nudges: NudgeView[] }).nudges.length;
    for (const body of [{ note: 42 }, { note: 'x'.repeat(501) }, { note: 'hi', learnerId: alex.userId }]) {
      const res = await nudge(alex.userId, isaiah.userId, body);
      expect(res.status).toBe(400);
      expect((await problemOf(res)).detail).toMatch(/^Invalid nudge: /);
    }
    expect(((await (await history(alex.userId)).json()) as { nudges: NudgeView[] }).nudges).toHaveLength(before);
  });

  it('lets leads add leads, and never leaves a team without one', async () => {
    expect((await setRole(megan.userId, megan.userId, 'lead')).status).toBe(403);
    expect((await setRole(alex.userId, megan.userId, 'boss')).status).toBe(400);
    expect((await setRole(alex.userId, megan.userId, 'lead')).status).toBe(200);
    // Megan now leads too: she can nudge and read the team's nudges.
    expect((await nudge(megan.userId, adele.userId, {})).status).toBe(201);
    expect((await history(megan.userId)).status).toBe(200);
    expect((await setRole(megan.userId, alex.userId, 'member')).status).toBe(200);
    const last = await setRole(megan.userId, megan.userId, 'member');
    expect(last.status).toBe(409);
    expect((await problemOf(last)).detail).toContain('at least one lead');
    expect((await setRole(megan.userId, alex.userId, 'lead')).status).toBe(200);
  });
});
