import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PEOPLE, DEMO_TEAM, DEMO_TENANT_ID } from '../../bot/demo/demo-team.js';
import type { Nudge } from '../../bot/contract/nudge-rules.js';
import type { PlaygroundChat } from './support/playground-chat.js';
import type { LocalStack } from './support/local-stack.js';
import { startDemoChat } from './support/demo-chat.js';

const [alex, megan] = [DEMO_PEOPLE[0]!, DEMO_PEOPLE[1]!];

describe('goals and nudges in the Agents Playground', { timeout: 90_000 }, () => {
  let stack: LocalStack;
  let chat: PlaygroundChat;
  const api = (path: string, userId: string, init: RequestInit = {}) =>
    fetch(`${stack.service.baseUrl}/api/v1${path}`, {
      ...init,
      headers: { 'x-local-tenant-id': DEMO_TENANT_ID, 'x-local-user-id': userId, 'content-type': 'application/json' },
    });

  beforeAll(async () => {
    ({ stack, chat } = await startDemoChat());
  }, 120_000);
  afterAll(async () => {
    await stack?.stop();
  });

  it('a goal set by card appears in the next check-in', async () => {
    const form = await chat.send('goal add');
    await chat.fill(form, 'What do you want to learn?', 'Run a usability test on my own');
    await chat.fill(form, 'Why does it matter? (optional)', 'Stop guessing what users need');
    const nextYear = new Date().getUTCFullYear() + 1;
    await form.getByLabel('By when?').first().fill(`${nextYear}-03-31`);
    await chat.press(form, 'Save goal');
    await chat.waitForCardText('Goal saved');

    const checkIn = await chat.send('check in');
    expect(await checkIn.textContent()).toContain('How is your goal going?');
    expect(await checkIn.textContent()).toContain('Run a usability test on my own');
  });

  it('a nudge from a lead arrives in the learner’s chat, and the learner’s quick reply reaches the lead', async () => {
    // Alex leads the demo team and makes Megan a lead too; Megan nudges Alex.
    expect(
      (
        await api(`/teams/${encodeURIComponent(DEMO_TEAM.id)}/members/${alex.userId}/role`, alex.userId, {
          method: 'PUT',
          body: JSON.stringify({ role: 'lead' }),
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await api(`/teams/${encodeURIComponent(DEMO_TEAM.id)}/members/${megan.userId}/role`, alex.userId, {
          method: 'PUT',
          body: JSON.stringify({ role: 'lead' }),
        })
      ).status,
    ).toBe(200);
    const sent = await api(`/teams/${encodeURIComponent(DEMO_TEAM.id)}/members/${alex.userId}/nudges`, megan.userId, {
      method: 'POST',
      body: JSON.stringify({ note: 'How is the usability test going?' }),
    });
    expect(sent.status).toBe(201);
    expect(((await sent.json()) as { nudge: Nudge }).nudge.delivered).toBe(true);

    const nudge = await chat.waitForCardText('Megan Bowen is checking in on your learning');
    expect(await nudge.textContent()).toContain('How is the usability test going?');
    await chat.press(nudge, 'I need help');
    await chat.waitForCardText('You told Megan Bowen: I need help');

    const history = (await (await api(`/teams/${encodeURIComponent(DEMO_TEAM.id)}/nudges`, megan.userId)).json()) as { nudges: Nudge[] };
    expect(history.nudges[0]).toMatchObject({ learnerId: alex.userId, leadName: megan.displayName, reply: { answer: 'need-help' } });
  });
});
