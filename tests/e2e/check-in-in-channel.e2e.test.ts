import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PEOPLE, DEMO_TEAM, DEMO_TENANT_ID } from '../../bot/demo/demo-team.js';
import type { PlaygroundChat } from './support/playground-chat.js';
import type { LocalStack } from './support/local-stack.js';
import { startDemoChat } from './support/demo-chat.js';

const alex = DEMO_PEOPLE[0]!;
const GOAL = 'Facilitate a design critique';

describe('"check in" typed in a team’s channel (Agents Playground)', { timeout: 90_000 }, () => {
  let stack: LocalStack;
  let page: Page;
  let chat: PlaygroundChat;

  beforeAll(async () => {
    ({ stack, page, chat } = await startDemoChat());
    // Alex has an open goal: the check-in form asks about it, so it must not appear in the channel.
    const added = await stack.service.services.goals.add(
      { tenantId: DEMO_TENANT_ID, userId: alex.userId },
      { what: GOAL, targetDate: `${new Date().getUTCFullYear() + 1}-03-31` },
    );
    expect(added.status).toBe('saved');
  }, 120_000);
  afterAll(async () => {
    await stack?.stop();
  });

  it('posts only a button that opens the check-in privately; nothing of the learner’s goals shows in the channel', async () => {
    await page.getByText('General', { exact: true }).first().click();
    await expect
      .poll(async () => (await stack.service.stores.conversations.listFor(DEMO_TENANT_ID, 'channel', DEMO_TEAM.id)).length, {
        timeout: 20_000,
      })
      .toBeGreaterThan(0);
    // In a channel the bot hears only messages that mention it.
    await chat.composeBox().click();
    await chat.composeBox().pressSequentially('@');
    await page.getByText('Learning Loop', { exact: true }).last().click();
    await expect.poll(() => chat.composeBox().textContent()).toContain('Learning Loop');
    await chat.composeBox().pressSequentially(' check in');
    await page.keyboard.press('Enter');
    // Found by what it says, not by counting cards: while the view changes from the personal chat
    // to the channel, a count can still include the chat's cards.
    const card = await chat.waitForCardText('The check-in opens just for you');
    expect(await card.textContent()).toContain('The check-in opens just for you');
    expect(await card.textContent()).not.toContain(GOAL);
    expect(await page.getByText(GOAL).count()).toBe(0);
    // The Playground does not open dialogs (task/fetch); tests/integration/check-in-privately.test.ts presses this button.
    expect(await card.getByRole('button', { name: 'Check in', exact: true }).count()).toBe(1);
  });
});
