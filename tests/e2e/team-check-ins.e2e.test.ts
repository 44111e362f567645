import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PEOPLE, DEMO_TENANT_ID } from '../../bot/demo/demo-team.js';
import { PlaygroundChat } from './support/playground-chat.js';
import { startLocalStack, type LocalStack } from './support/local-stack.js';

const alex = DEMO_PEOPLE[0]!;
const TEAM_ID = '19:learning-loop-demo@thread.tacv2';

describe('a lead installs the app in a team and check-ins arrive on time (Agents Playground)', { timeout: 60_000 }, () => {
  let stack: LocalStack;
  let page: Page;
  let chat: PlaygroundChat;
  let now = new Date('2026-11-25T10:00:00Z');

  beforeAll(async () => {
    stack = await startLocalStack({ clock: () => now });
    await stack.service.queues.sends.create();
    await stack.service.queues.poison.create();
    page = await stack.browser.newPage({ viewport: { width: 1280, height: 1000 } });
    chat = new PlaygroundChat(page);
    await chat.open(stack.playground.url);
  }, 120_000);
  afterAll(async () => {
    await stack?.stop();
  });

  it('installs in the team, sets up check-ins on the welcome card, and delivers the check-in at the set time', async () => {
    // Opening the team's channel installs the app there, as Teams does when a team adds it.
    await page.getByText('General', { exact: true }).first().click();
    const welcome = await chat.waitForCardText('Set up check-ins');
    await chat.press(welcome, 'Set up check-ins');
    const form = await chat.waitForCardText('Post learning shares in');
    await chat.choose(form, 'Team time zone', 'Europe/London');
    await chat.press(form, 'Save');
    await chat.waitForCardText('Check-ins are set up');
    const settings = await stack.service.stores.teams.getSettings(DEMO_TENANT_ID, TEAM_ID);
    expect(settings?.schedule).toMatchObject({ cadence: 'weekly', weekday: 5, localTime: '16:00', timeZone: 'Europe/London' });

    // Friday 16:01 in London: the scheduler and the worker run as they would in the background.
    now = new Date('2026-11-27T16:01:00Z');
    await stack.service.scheduler.tick();
    while ((await stack.service.worker.drainOnce()) > 0);
    const record = await stack.service.stores.sends.get(DEMO_TENANT_ID, alex.userId, '2026-W48', 'checkin');
    expect(record?.status).toBe('sent');

    await page.getByText('Personal Chat', { exact: true }).first().click();
    const checkIn = await chat.waitForCardText('Time for your check-in');
    await chat.press(checkIn, 'Nothing this week');
    await chat.waitForCardText('Noted: nothing this time');
    expect((await stack.service.stores.sends.get(DEMO_TENANT_ID, alex.userId, '2026-W48', 'checkin'))?.respondedAt).toBeTruthy();
  });
});
