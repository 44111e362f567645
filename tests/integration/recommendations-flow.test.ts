import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PEOPLE, DEMO_TEAM } from '../../bot/demo/demo-team.js';
import { seedDemoData } from '../../bot/demo/seed-demo-data.js';
import { recommendationInputId } from '../../bot/domain/recommendation.js';
import type { MyRecommendation, RecommendationView, TeamRecommendation } from '../../bot/services/recommendation-service.js';
import { cardActionActivity, messageActivity } from '../../bot/testing/activities.js';
import { expectValidTeamsCard } from '../../bot/testing/card-validation.js';
import { startFakeConnector } from '../../bot/testing/fake-connector.js';
import { asDemoPerson, postActivity } from '../../bot/testing/requests.js';
import { startTestService, type RunningTestService } from '../../bot/testing/test-service.js';
import { fieldsOf, problemOf } from '../support/problem.js';

const [alex, megan, adele] = [DEMO_PEOPLE[0]!, DEMO_PEOPLE[1]!, DEMO_PEOPLE[2]!];
const account = (p: (typeof DEMO_PEOPLE)[number]) => ({ id: p.teamsUserId, aadObjectId: p.userId, name: p.displayName });
const team = `/teams/${encodeURIComponent(DEMO_TEAM.id)}`;

describe('recommendations: a lead recommends, the learner sees it at the next check-in and ticks it off (Azurite)', () => {
  let service: RunningTestService;
  let connector: Awaited<ReturnType<typeof startFakeConnector>>;
  const url = (path: string) => `${service.baseUrl}/api/v1${path}`;
  const as = (userId: string) => asDemoPerson(userId);
  const recommend = (from: string, body: unknown) =>
    fetch(url(`${team}/recommendations`), { method: 'POST', headers: as(from), body: JSON.stringify(body) });
  const mine = async (userId: string) =>
    ((await (await fetch(url('/me/recommendations'), { headers: as(userId) })).json()) as { recommendations: MyRecommendation[] })
      .recommendations;
  const post = (activity: unknown) => postActivity(service.baseUrl, activity);

  beforeAll(async () => {
    connector = await startFakeConnector();
    service = await startTestService();
    await seedDemoData({ ...service, now: new Date() });
  }, 60_000);
  afterAll(async () => {
    await service.stop();
    await connector.stop();
  });

  it('shows a recommendation to the member it names, and one to the whole team to everyone', async () => {
    expect(
      (
        await recommend(alex.userId, {
          title: 'SBI feedback',
          link: 'https://www.ccl.org/sbi',
          note: 'Before our 1:1',
          learnerId: megan.userId,
        })
      ).status,
    ).toBe(201);
    expect((await recommend(alex.userId, { title: 'Inspired', link: 'https://www.svpg.com/inspired/' })).status).toBe(201);
    expect((await mine(megan.userId)).map((r) => r.title)).toEqual(['Inspired', 'SBI feedback']);
    expect((await mine(adele.userId)).map((r) => r.title)).toEqual(['Inspired']);
  });

  it('asks about open recommendations at the next check-in, and a tick there marks it done', async () => {
    await post(messageActivity('check in', { serviceUrl: connector.serviceUrl, from: account(megan) }));
    const card = connector.sent.at(-1)!.activity.attachments?.[0]?.content as { actions: Array<{ data: { cardId: string } }> };
    const check = expectValidTeamsCard(card);
    expect(check.renderedText).toContain('Recommended for you');
    expect(check.renderedText).toContain('SBI feedback — from Alex Wilber');
    const sbi = (await mine(megan.userId)).find((r) => r.title === 'SBI feedback')!;
    const toggle = recommendationInputId(sbi.teamId, sbi.recId);
    expect(check.inputIds).toContain(toggle);
    await post(
      cardActionActivity(
        'checkin.submit',
        { cardId: card.actions[0]!.data.cardId, what: 'Read about SBI', sourceType: 'article', [toggle]: 'true' },
        { serviceUrl: connector.serviceUrl, from: account(megan) },
      ),
    );
    expect((await mine(megan.userId)).find((r) => r.recId === sbi.recId)).toMatchObject({ done: true });
    const forTeam = (
      (await (await fetch(url(`${team}/recommendations`), { headers: as(alex.userId) })).json()) as {
        recommendations: TeamRecommendation[];
      }
    ).recommendations;
    expect(forTeam.find((r) => r.recId === sbi.recId)).toMatchObject({ for: 1, doneBy: 1 });
    expect(forTeam.find((r) => r.title === 'Inspired')).toMatchObject({ for: DEMO_PEOPLE.length, doneBy: 0 });
  });

  it('lets the learner mark one done or not done from the tab, and only their own', async () => {
    const inspired = (await mine(adele.userId))[0]!;
    const put = (userId: string, done: unknown) =>
      fetch(url(`/me/recommendations/${encodeURIComponent(inspired.teamId)}/${inspired.recId}`), {
        method: 'PUT',
        headers: as(userId),
        body: JSON.stringify({ done }),
      });
    expect((await put(adele.userId, true)).status).toBe(200);
    expect((await mine(adele.userId))[0]!.done).toBe(true);
    expect((await put(adele.userId, 'yes')).status).toBe(400);
    expect((await put(adele.userId, false)).status).toBe(200);
    expect((await mine(adele.userId))[0]!.done).toBe(false);
    const sbi = (await mine(megan.userId)).find((r) => r.title === 'SBI feedback')!;
    const notAdeles = await fetch(url(`/me/recommendations/${encodeURIComponent(sbi.teamId)}/${sbi.recId}`), {
      method: 'PUT',
      headers: as(adele.userId),
      body: JSON.stringify({ done: true }),
    });
    expect(notAdeles.status).toBe(404);
  });

  it('keeps recommending to the team’s leads and refuses a bad one without storing it', async () => {
    const before = (await mine(megan.userId)).length;
    expect((await recommend(megan.userId, { title: 'x', link: 'https://x.example' })).status).toBe(403);
    expect((await recommend(alex.userId, { title: 'x', link: 'https://x.example', learnerId: 'not-a-member' })).status).toBe(404);
    const bad = await recommend(alex.userId, { title: '', link: 'javascript:alert(1)' });
    expect(bad.status).toBe(400);
    expect(fieldsOf(await problemOf(bad))).toEqual(['link', 'title']);
    expect((await mine(megan.userId)).length).toBe(before);
    expect((await fetch(url(`${team}/recommendations`), { headers: as(megan.userId) })).status).toBe(403);
    const created = (await (await recommend(alex.userId, { title: 'Ok', link: 'https://ok.example' })).json()) as {
      recommendation: RecommendationView;
    };
    expect(created.recommendation).toMatchObject({ leadName: alex.displayName, learnerId: null });
  });
});
