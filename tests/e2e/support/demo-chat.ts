import type { Page } from 'playwright-core';
import { seedDemoData } from '../../../bot/demo/seed-demo-data.js';
import { PlaygroundChat } from './playground-chat.js';
import { startLocalStack, type LocalStack } from './local-stack.js';

/** The local stack with the demo organisation seeded, and the Playground open in a page as Alex. */
export async function startDemoChat(): Promise<{ stack: LocalStack; page: Page; chat: PlaygroundChat }> {
  const stack = await startLocalStack();
  await seedDemoData({ ...stack.service, now: new Date() });
  const page = await stack.browser.newPage({ viewport: { width: 1280, height: 1100 } });
  const chat = new PlaygroundChat(page);
  await chat.open(stack.playground.url);
  return { stack, page, chat };
}
