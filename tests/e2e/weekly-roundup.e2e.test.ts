import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALOG_KEY } from '../../bot/cards/learning-dialog-card.js';
import { DEMO_PEOPLE, DEMO_TEAM, DEMO_TENANT_ID } from '../../bot/demo/demo-team.js';
import { seedDemoData } from '../../bot/demo/seed-demo-data.js';
import { seedDemoRoundup } from '../../bot/demo/seed-demo-roundup.js';
import { DEMO_SHARES_CHANNEL } from '../../bot/demo/seed-demo-shares.js';
import { inTeamChannel, messageActivity } from '../../bot/testing/activities.js';
import { expectValidTeamsCard } from '../../bot/testing/card-validation.js';
import { PlaygroundChat } from './support/playground-chat.js';
import { startLocalStack, type LocalStack } from './support/local-stack.js';

const alex = DEMO_PEOPLE[0]!;
type Button = { type: string; title: string; data: Record<string, unknown> };
type Recorded = { request?: { body?: { conversation?: { id?: string }; attachments?: Array<{ content?: { actions?: Button[] } }> } } };
type TaskResponse = { task?: { type: string; value: { title: string; card: { content: unknown } } } };

describe('the weekly round-up in the team’s learning channel (Agents Playground)', { timeout: 120_000 }, () => {
  let stack: LocalStack;
  let page: Page;
  let chat: PlaygroundChat;
  // The service's clock: the test moves time through it, never waits on it.
  const now = new Date();

  beforeAll(async () => {
    stack = await startLocalStack({ clock: () => now });
    // What `npm start` does on an empty store: the demo organisation, and its round-up due now.
    await seedDemoData({ ...stack.service, now });
    expect(await seedDemoRoundup(stack.service.stores, now)).toMatch(/^\d{4}-W\d{2}$/);
    page = await stack.browser.newPage({ viewport: { width: 1280, height: 1100 } });
    chat = new PlaygroundChat(page);
    await chat.open(stack.playground.url);
  }, 120_000);
  afterAll(async () => {
    await stack?.stop();
  });

  it('posts the round-up in the learning channel, and its Share yours opens the share form in a dialog', async () => {
    // Opening the team installs the app there: the app learns the team's conversation, through which it posts.
    await page.getByText('General', { exact: true }).first().click();
    await expect
      .poll(async () => (await stack.service.stores.conversations.listFor(DEMO_TENANT_ID, 'channel', DEMO_TEAM.id)).length, {
        timeout: 20_000,
      })
      .toBeGreaterThan(0);
    // What the background jobs do: the scheduler finds the round-up due, the send worker posts it through the pacer.
    await stack.service.scheduler.tick();
    while ((await stack.service.worker.drainOnce()) > 0);

    await page.getByText('Learning shares', { exact: true }).first().click();
    const roundup = await chat.waitForCardText('What Product Design learned this week');
    expect(await roundup.textContent()).toContain('Most helpful shares');
    expect(await roundup.textContent()).toMatch(/\d+ (person|people) logged learning this week/);
    expect(await roundup.textContent()).toContain('found it helpful');

    // Share yours asks Teams for a dialog (task/fetch); the Playground says it does not open dialogs yet.
    await chat.press(roundup, 'Share yours');
    await page.getByText('(task/fetch) is not supported yet').first().waitFor({ state: 'visible' });

    // So the invoke Teams sends for that button, with the button's data as the bot posted it, is made here.
    const posted = (stack.playground.recordedEvents() as Recorded[])
      .map((e) => e.request?.body)
      .find((b) => b?.conversation?.id === DEMO_SHARES_CHANNEL && JSON.stringify(b).includes('learned this week'));
    const button = posted?.attachments?.[0]?.content?.actions?.find((a) => a.title === 'Share yours');
    expect(button).toMatchObject({ type: 'Action.Submit', data: { msteams: { type: 'task/fetch' }, [DIALOG_KEY]: 'share' } });
    const from = { id: alex.teamsUserId, aadObjectId: alex.userId, name: alex.displayName };
    const invoke = inTeamChannel(
      { ...messageActivity('', { serviceUrl: `${stack.playground.url}/_connector`, from }), type: 'invoke', name: 'task/fetch' },
      { id: DEMO_TEAM.id, name: DEMO_TEAM.name },
      DEMO_SHARES_CHANNEL,
    );
    const sentBefore = stack.playground.recordedEvents().length;
    const res = await fetch(`${stack.service.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...invoke, text: undefined, value: { data: button!.data, context: { theme: 'default' } } }),
    });
    const opened = (await res.json()) as TaskResponse;
    expect(opened.task?.type).toBe('continue');
    expect(opened.task?.value.title).toBe('Share learning');
    const form = expectValidTeamsCard(opened.task?.value.card.content);
    expect(form.inputIds).toContain('what');
    expect(form.renderedText).toContain('Product Design');
    // The dialog is the answer to the presser's own invoke: nothing new is posted in the channel.
    expect(stack.playground.recordedEvents().length).toBe(sentBefore);
  });
});
