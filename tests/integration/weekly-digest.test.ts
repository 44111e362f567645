import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PEOPLE, DEMO_TEAM, DEMO_TENANT_ID } from '../../bot/demo/demo-team.js';
import { seedDemoData } from '../../bot/demo/seed-demo-data.js';
import { DIGEST_NUDGE_VERB } from '../../bot/cards/digest-card.js';
import { cardActionActivity, messageActivity } from '../../bot/testing/activities.js';
import { expectValidTeamsCard } from '../../bot/testing/card-validation.js';
import { startFakeConnector } from '../../bot/testing/fake-connector.js';
import { startTestService, type RunningTestService } from '../../bot/testing/test-service.js';

const [alex, megan] = [DEMO_PEOPLE[0]!, DEMO_PEOPLE[1]!];
const TEAMS_APP_ID = '5f1c9a3e-2b7d-4e8a-9c61-0d2f4b8e7a15';
const account = (p: (typeof DEMO_PEOPLE)[number]) => ({ id: p.teamsUserId, aadObjectId: p.userId, name: p.displayName });

describe('the weekly digest to each lead (Azurite, local Bot Connector)', () => {
  let service: RunningTestService;
  let connector: Awaited<ReturnType<typeof startFakeConnector>>;
  // Monday 30 November 2026, 09:10 in London: the demo team's digest hour.
  let now = new Date('2026-11-30T09:10:00Z');
  const digestsToAlex = () =>
    connector.sent.filter((s) => s.conversationId === `a:personal-${alex.userId}` && JSON.stringify(s.activity).includes('Your week in'));
  async function post(activity: unknown): Promise<unknown> {
    const res = await fetch(`${service.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
    const text = await res.text();
    return text ? (JSON.parse(text) as { value?: unknown }).value : undefined;
  }

  beforeAll(async () => {
    connector = await startFakeConnector();
    service = await startTestService({ teamsAppId: TEAMS_APP_ID }, { clock: () => now });
    await seedDemoData({ ...service, now: new Date('2026-11-28T12:00:00Z') });
    for (const p of [alex, megan])
      await post(messageActivity('help', { serviceUrl: connector.serviceUrl, from: account(p), conversationId: `a:personal-${p.userId}` }));
  }, 60_000);
  afterAll(async () => {
    await service.stop();
    await connector.stop();
  });

  it('sends each lead one digest at the team’s digest hour, and only then', async () => {
    now = new Date('2026-11-30T08:40:00Z');
    expect(await service.services.digests.sendDue()).toBe(0);
    now = new Date('2026-11-30T09:10:00Z');
    expect(await service.services.digests.sendDue()).toBe(1);
    expect(await service.services.digests.sendDue()).toBe(0);
    const [digest] = digestsToAlex();
    const check = expectValidTeamsCard(digest!.activity.attachments?.[0]?.content);
    expect(check.renderedText).toContain('Your week in Product Design');
    expect(check.renderedText).toContain('Week 2026-W48');
    expect(check.renderedText).toContain('Most helpful shares');
    expect(check.renderedText).toContain('Needs a follow-up');
    // The last button opens the team's dashboard tab in Teams, the team named in the deep link's context.
    const open = (
      digest!.activity.attachments?.[0]?.content as { actions: Array<{ type: string; title: string; url?: string }> }
    ).actions.at(-1)!;
    expect(open).toMatchObject({ type: 'Action.OpenUrl', title: 'Open the dashboard' });
    const link = new URL(open.url!);
    expect(`${link.origin}${link.pathname}`).toBe(`https://teams.microsoft.com/l/entity/${TEAMS_APP_ID}/team-dashboard`);
    expect(JSON.parse(link.searchParams.get('context')!)).toEqual({ subEntityId: DEMO_TEAM.id });
  });

  it('nudges a member straight from the digest, and the digest says so', async () => {
    const card = digestsToAlex()[0]!.activity.attachments?.[0]?.content as {
      actions?: Array<{ title: string; data: { teamId: string; userId: string } }>;
    };
    const target = card.actions?.[0] ?? { title: `Nudge ${megan.displayName}`, data: { teamId: DEMO_TEAM.id, userId: megan.userId } };
    const answered = await post(
      cardActionActivity(DIGEST_NUDGE_VERB, target.data, { serviceUrl: connector.serviceUrl, from: account(alex) }),
    );
    expect(expectValidTeamsCard(answered).renderedText).toMatch(/Nudge (sent to|recorded;)/);
    const history = await service.services.nudges.historyFor({ tenantId: DEMO_TENANT_ID, userId: alex.userId }, DEMO_TEAM.id);
    expect(history[0]).toMatchObject({ learnerId: target.data.userId, leadId: alex.userId });
    // Pressed again at once: the 12-hour rule answers on the digest instead of a second nudge.
    const again = await post(cardActionActivity(DIGEST_NUDGE_VERB, target.data, { serviceUrl: connector.serviceUrl, from: account(alex) }));
    expect(expectValidTeamsCard(again).renderedText).toContain('less than 12 hours ago');
    // A member cannot nudge through a forged button.
    const forged = await post(
      cardActionActivity(
        DIGEST_NUDGE_VERB,
        { teamId: DEMO_TEAM.id, userId: alex.userId },
        { serviceUrl: connector.serviceUrl, from: account(megan) },
      ),
    );
    expect(expectValidTeamsCard(forged).renderedText).toContain('Only the team’s leads can nudge');
  });
});
