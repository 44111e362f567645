import { checkInCardFormOf } from '../../bot/teams/check-in-form.js';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PEOPLE, DEMO_TEAM, DEMO_TENANT_ID } from '../../bot/demo/demo-team.js';
import type { PlaygroundChat } from './support/playground-chat.js';
import type { LocalStack } from './support/local-stack.js';
import { startDemoChat } from './support/demo-chat.js';

const megan = DEMO_PEOPLE[1]!;

describe('learning shares in the team’s channel (Agents Playground)', { timeout: 90_000 }, () => {
  let stack: LocalStack;
  let page: Page;
  let chat: PlaygroundChat;

  beforeAll(async () => {
    // The demo team posts its shares to the Playground's "Learning shares" channel.
    ({ stack, page, chat } = await startDemoChat());
  }, 120_000);
  afterAll(async () => {
    await stack?.stop();
  });

  it('posts a check-in shared with the team to its learning channel, and Helpful updates the count on the card', async () => {
    // Opening the team installs the app there, as adding it to a team does in Teams.
    await page.getByText('General', { exact: true }).first().click();
    // The demo team already has its settings, so there is no welcome card: wait for the app to know the team's conversation.
    await expect
      .poll(async () => (await stack.service.stores.conversations.listFor(DEMO_TENANT_ID, 'channel', DEMO_TEAM.id)).length, {
        timeout: 20_000,
      })
      .toBeGreaterThan(0);

    await page.getByText('Personal Chat', { exact: true }).first().click();
    const card = await chat.send('check in');
    await chat.fill(card, 'What did you learn?', 'Writing *useful* PR descriptions');
    await chat.choose(card, 'What kind of source?', 'Article');
    await chat.fill(card, 'Link (optional)', 'https://example.com/pr-guide?utm_source=newsletter');
    await chat.choose(card, 'How useful was it?', '5 – Extremely useful');
    await chat.fill(card, 'Key insight', 'Say why the change is needed');
    await card.getByText('My team (learning channel)').click();
    await chat.press(card, 'Save');
    await chat.waitForCardText('Shared in Product Design’s learning channel');

    // Megan shares too, from her own check-in; Alex will find hers helpful.
    const fromMegan = await stack.service.services.capture.capture(
      { tenantId: DEMO_TENANT_ID, userId: megan.userId },
      checkInCardFormOf({
        cardId: 'megan-share-0001',
        what: 'Pairing on code review',
        sourceType: 'mentoring',
        rating: '4',
        insight: 'Ask questions, not orders',
        shareWithTeam: 'true',
        shareTeamId: DEMO_TEAM.id,
        shareParts: 'insight',
      }).command,
    );
    expect(fromMegan.status).toBe('saved');
    await stack.service.services.sharing.settled();

    await page.getByText('Learning shares', { exact: true }).first().click();
    const alexShare = await chat.waitForCardText('Alex Wilber shared a learning');
    expect(await alexShare.textContent()).toContain('Writing *useful* PR descriptions');
    expect(await alexShare.textContent()).toContain('Say why the change is needed');
    const meganShare = await chat.waitForCardText('Megan Bowen shared a learning');
    expect(await meganShare.textContent()).toContain('0 found this helpful');

    await chat.press(meganShare, 'Helpful');
    const updated = await chat.waitForCardText('1 found this helpful');
    expect(await updated.textContent()).toContain('Pairing on code review');
    const stored = await stack.service.stores.shares.get(DEMO_TENANT_ID, DEMO_TEAM.id, 'megan-share-0001');
    expect(stored?.share.tally.helpful).toBe(1);
  });
});
