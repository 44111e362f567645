import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AskToShareResponse } from '../../bot/contract/share-asks.js';
import { DEMO_PEOPLE, DEMO_TEAM, DEMO_TENANT_ID } from '../../bot/demo/demo-team.js';
import type { PlaygroundChat } from './support/playground-chat.js';
import type { LocalStack } from './support/local-stack.js';
import { startDemoChat } from './support/demo-chat.js';

const [alex, megan] = [DEMO_PEOPLE[0]!, DEMO_PEOPLE[1]!];
const team = `/teams/${encodeURIComponent(DEMO_TEAM.id)}`;

describe('share prompts in the Agents Playground', { timeout: 90_000 }, () => {
  let stack: LocalStack;
  let page: Page;
  let chat: PlaygroundChat;
  const api = (path: string, userId: string, init: RequestInit = {}) =>
    fetch(`${stack.service.baseUrl}/api/v1${path}`, {
      ...init,
      headers: { 'x-local-tenant-id': DEMO_TENANT_ID, 'x-local-user-id': userId, 'content-type': 'application/json' },
    });

  beforeAll(async () => {
    ({ stack, page, chat } = await startDemoChat());
  }, 120_000);
  afterAll(async () => {
    await stack?.stop();
  });

  it('offers to share an entry rated 5 on the saved card, and Share posts the share card in the team’s learning channel', async () => {
    // Opening the team installs the app there, as adding it to a team does in Teams.
    await page.getByText('General', { exact: true }).first().click();
    await expect
      .poll(async () => (await stack.service.stores.conversations.listFor(DEMO_TENANT_ID, 'channel', DEMO_TEAM.id)).length, {
        timeout: 20_000,
      })
      .toBeGreaterThan(0);

    await page.getByText('Personal Chat', { exact: true }).first().click();
    const card = await chat.send('check in');
    await chat.fill(card, 'What did you learn?', 'Running a design critique');
    await chat.choose(card, 'What kind of source?', 'Video');
    await chat.choose(card, 'How useful was it?', '5 – Extremely useful');
    await chat.fill(card, 'Key insight', 'Critique the work, not the person');
    await chat.press(card, 'Save');
    const saved = await chat.waitForCardText('Share this with your team?');
    expect(await saved.textContent()).toContain('Saved to your learning log');

    await chat.press(saved, 'Share');
    await chat.waitForCardText('Shared in Product Design’s learning channel. Thank you!');
    await stack.service.services.sharing.settled();

    await page.getByText('Learning shares', { exact: true }).first().click();
    const posted = await chat.waitForCardText('Running a design critique');
    expect(await posted.textContent()).toContain('Alex Wilber shared a learning');
    expect(await posted.textContent()).toContain('Critique the work, not the person');
  });

  it('a lead’s Ask to share reaches the learner, whose Share is counted for the lead', async () => {
    await page.getByText('Personal Chat', { exact: true }).first().click();
    const card = await chat.send('check in');
    await chat.fill(card, 'What did you learn?', 'Facilitating a retro remotely');
    await chat.choose(card, 'What kind of source?', 'Article');
    await chat.fill(card, 'Key insight', 'Give quiet people a written round first');
    await chat.press(card, 'Save');
    await chat.waitForCardText('Saved to your learning log');
    const entry = (await stack.service.stores.entries.listAll(DEMO_TENANT_ID, alex.userId)).find(
      (e) => e.what === 'Facilitating a retro remotely',
    )!;

    // Alex makes Megan a lead too; Megan asks Alex to share his entry.
    const role = await api(`${team}/members/${megan.userId}/role`, alex.userId, { method: 'PUT', body: JSON.stringify({ role: 'lead' }) });
    expect(role.status).toBe(200);
    const asked = await api(`${team}/members/${alex.userId}/entries/${entry.id}/ask-to-share`, megan.userId, { method: 'POST' });
    expect(asked.status).toBe(202);
    expect(((await asked.json()) as AskToShareResponse).delivered).toBe(true);

    const request = await chat.waitForCardText('Megan Bowen asks you to share this with Product Design');
    expect(await request.textContent()).toContain('Facilitating a retro remotely');
    await chat.press(request, 'Share');
    await chat.waitForCardText('Shared in Product Design’s learning channel. Thank you!');
    await stack.service.services.sharing.settled();

    // The saved answer, not the card's text, decides: an earlier card in this chat says the same words.
    const figures = async () => ((await (await api(`${team}/share-asks`, megan.userId)).json()) as { figures: unknown }).figures;
    await expect
      .poll(figures, { timeout: 15_000, message: 'the lead’s figures count the share' })
      .toEqual({ asked: 1, shared: 1, notNow: 0 });
    await page.getByText('Learning shares', { exact: true }).first().click();
    await chat.waitForCardText('Facilitating a retro remotely');
  });
});
