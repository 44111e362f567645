import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PEOPLE, DEMO_TENANT_ID } from '../../bot/demo/demo-team.js';
import { PlaygroundChat } from './support/playground-chat.js';
import { startLocalStack, type LocalStack } from './support/local-stack.js';

const alex = DEMO_PEOPLE[0]!;

describe('a check-in, end to end: Agents Playground → bot → Table Storage → tab', { timeout: 60_000 }, () => {
  let stack: LocalStack;
  let chatPage: Page;
  let chat: PlaygroundChat;

  beforeAll(async () => {
    stack = await startLocalStack();
    chatPage = await stack.browser.newPage({ viewport: { width: 1280, height: 1000 } });
    chat = new PlaygroundChat(chatPage);
    await chat.open(stack.playground.url);
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
  });

  async function entriesInStore(): Promise<string[]> {
    const page = await stack.service.stores.entries.listForUser(DEMO_TENANT_ID, alex.userId, { limit: 100 });
    return page.entries.map((e) => e.what);
  }

  it('logs learning from the card, replaces the card with what was saved, and the tab shows it', async () => {
    const tabPage = await stack.browser.newPage();
    await tabPage.goto(`${stack.service.baseUrl}/personal?user=${alex.userId}`);
    await tabPage.getByRole('heading', { name: 'My learning' }).waitFor();

    const card = await chat.send('check in');
    expect(await card.textContent()).toContain('What did you learn?');
    await chat.fill(card, 'What did you learn?', 'Contract testing with Pact');
    await chat.choose(card, 'What kind of source?', 'Video');
    await chat.fill(card, 'Link (optional)', 'https://docs.pact.io/');
    await chat.fill(card, 'Minutes spent', '25');
    await chat.choose(card, 'How useful was it?', '4 – Very useful');
    await chat.fill(card, 'Key insight', 'Consumers define the contract');
    await chat.fill(card, 'What will you do with it?', 'Add a contract test to the billing client');
    const cardsBefore = await chat.cards().count();
    await chat.press(card, 'Save');

    const saved = await chat.waitForCardText('Saved to your learning log');
    const text = (await saved.textContent()) ?? '';
    for (const expected of [
      'Contract testing with Pact',
      'Video',
      'https://docs.pact.io/',
      '25 min',
      '4/5',
      'Consumers define the contract',
    ]) {
      expect(text).toContain(expected);
    }
    // Replaced in place: no new card was posted, and the form is gone.
    expect(await chat.cards().count()).toBe(cardsBefore);
    expect(await chat.cards().filter({ hasText: 'What did you learn?' }).count()).toBe(0);

    expect(await entriesInStore()).toContain('Contract testing with Pact');

    const submittedAt = Date.now();
    const entry = tabPage.getByTestId('entry').filter({ hasText: 'Contract testing with Pact' });
    await entry.waitFor({ state: 'visible', timeout: 10_000 });
    console.log(`the tab showed the new entry ${Date.now() - submittedAt} ms after the confirmation card`);
    expect(await entry.textContent()).toContain('Consumers define the contract');
    await tabPage.close();
  });

  it('returns a bad submission on the same card with each problem stated and the values kept, storing nothing', async () => {
    const before = await entriesInStore();
    const card = await chat.send('log');
    await chat.fill(card, 'What did you learn?', 'Something with a bad link');
    await chat.fill(card, 'Link (optional)', 'ftp://files.example.com/notes.txt');
    await chat.fill(card, 'Key insight', 'This insight must survive');
    await chat.press(card, 'Save');

    const rejected = await chat.waitForCardText('The link must be a web address starting with http:// or https://');
    expect(await rejected.textContent()).toContain('Please fix this before saving');
    expect(await chat.inputValue(rejected, 'What did you learn?')).toBe('Something with a bad link');
    expect(await chat.inputValue(rejected, 'Link (optional)')).toBe('ftp://files.example.com/notes.txt');
    expect(await chat.inputValue(rejected, 'Key insight')).toBe('This insight must survive');
    expect(await entriesInStore()).toEqual(before);

    // Fixing the link on the same card saves it once.
    await chat.fill(rejected, 'Link (optional)', 'https://example.com/notes');
    const savedBefore = await chat.cards().filter({ hasText: 'Saved to your learning log' }).count();
    await chat.press(rejected, 'Save');
    // The earlier test left a confirmation in the chat too: wait for this card's own.
    await expect.poll(() => chat.cards().filter({ hasText: 'Saved to your learning log' }).count()).toBe(savedBefore + 1);
    const after = await entriesInStore();
    expect(after.filter((w) => w === 'Something with a bad link')).toHaveLength(1);
  });

  it('answers help with the list of commands', async () => {
    const card = await chat.send('help');
    expect(await card.textContent()).toContain('check in, checkin, log');
  });
});
