import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { startPlayground, type RunningPlayground } from '../../scripts/lib/playground.js';
import type { Nudge } from '../../bot/contract/nudge-rules.js';
import { FOLLOW_UP_EXPECTED_DAYS } from '../../bot/contract/follow-up-rules.js';
import { DEMO_PEOPLE, DEMO_TEAM, DEMO_TENANT_ID } from '../../bot/demo/demo-team.js';
import { seedDemoData } from '../../bot/demo/seed-demo-data.js';
import { freePort } from './support/free-port.js';
import { startLocalStack, type LocalStack } from './support/local-stack.js';
import { PlaygroundChat } from './support/playground-chat.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const [alex, megan] = [DEMO_PEOPLE[0]!, DEMO_PEOPLE[1]!];
const DAY_MS = 86_400_000;

type PlaygroundUser = { id: string; name: string; aadObjectId: string };

/** The demo tenant's Playground config as Megan sees it: she is the current user, Alex one of the others. */
function configAsMegan(): string {
  const config = parse(readFileSync(path.join(root, '.m365agentsplayground.yml'), 'utf8')) as {
    currentUser: PlaygroundUser;
    users: PlaygroundUser[];
    personalChat: { id: string };
  };
  const index = config.users.findIndex((u) => u.aadObjectId === megan.userId);
  [config.currentUser, config.users[index]] = [config.users[index]!, config.currentUser];
  config.personalChat = { id: 'a:learning-loop-demo-personal-megan' };
  return stringify(config);
}

/**
 * Two Teams clients on one service: Alex's (the stack's Playground) and Megan's (a second one). Megan
 * leads the team with Alex; Alex is the learner here. Time moves only when the test moves it.
 */
describe('a follow-up in the Agents Playground: answered, reminded once, closed from the card, told', { timeout: 120_000 }, () => {
  let now = new Date();
  let stack: LocalStack;
  let meganPlayground: RunningPlayground;
  let workDir: string;
  let alexChat: PlaygroundChat;
  let meganChat: PlaygroundChat;
  const api = (path: string, userId: string, init: RequestInit = {}) =>
    fetch(`${stack.service.baseUrl}/api/v1${path}`, {
      ...init,
      headers: { 'x-local-tenant-id': DEMO_TENANT_ID, 'x-local-user-id': userId, 'content-type': 'application/json' },
    });
  /** The scheduler and send worker, as the background jobs would run them at this moment. */
  const runJobsAt = async (at: Date) => {
    now = at;
    await stack.service.scheduler.tick();
    while ((await stack.service.worker.drainOnce()) > 0);
  };

  beforeAll(async () => {
    stack = await startLocalStack({ clock: () => now });
    await seedDemoData({ ...stack.service, now });
    workDir = mkdtempSync(path.join(tmpdir(), 'learning-loop-playground-megan-'));
    writeFileSync(path.join(workDir, '.m365agentsplayground.yml'), configAsMegan());
    meganPlayground = await startPlayground({
      botEndpoint: `${stack.service.baseUrl}/api/messages`,
      port: await freePort(),
      cwd: workDir,
      quiet: true,
    });
    alexChat = new PlaygroundChat(await stack.browser.newPage({ viewport: { width: 1280, height: 1100 } }));
    meganChat = new PlaygroundChat(await stack.browser.newPage({ viewport: { width: 1280, height: 1100 } }));
    await alexChat.open(stack.playground.url);
    await meganChat.open(meganPlayground.url);
  }, 150_000);
  afterAll(async () => {
    await meganPlayground?.stop();
    await stack?.stop();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  it('“I need help” → the lead’s reminder → Close on it → the learner is told', async () => {
    // Both say hello, so the bot knows each one's personal chat (and in which client it is).
    await alexChat.send('help');
    await meganChat.send('help');
    const madeLead = await api(`/teams/${encodeURIComponent(DEMO_TEAM.id)}/members/${megan.userId}/role`, alex.userId, {
      method: 'PUT',
      body: JSON.stringify({ role: 'lead' }),
    });
    expect(madeLead.status).toBe(200);

    // Megan nudges Alex; Alex answers "I need help" in his chat.
    const sent = await api(`/teams/${encodeURIComponent(DEMO_TEAM.id)}/members/${alex.userId}/nudges`, megan.userId, {
      method: 'POST',
      body: JSON.stringify({ note: 'How is the usability course going?' }),
    });
    expect(sent.status).toBe(201);
    const { nudge } = (await sent.json()) as { nudge: Nudge };
    const nudgeCard = await alexChat.waitForCardText('Megan Bowen is checking in on your learning');
    await alexChat.press(nudgeCard, 'I need help');
    await alexChat.waitForCardText('You told Megan Bowen: I need help');
    const answeredAt = now;

    // The scheduler has run all along; the follow-up waits past the expectation, and Megan is reminded.
    await runJobsAt(new Date(answeredAt.getTime() + FOLLOW_UP_EXPECTED_DAYS * DAY_MS - 60_000));
    await runJobsAt(new Date(answeredAt.getTime() + FOLLOW_UP_EXPECTED_DAYS * DAY_MS + 120_000));
    const reminder = await meganChat.waitForCardText(`A follow-up has waited ${FOLLOW_UP_EXPECTED_DAYS} days`);
    expect(await reminder.textContent()).toContain('Alex Wilber answered “I need help” to a nudge in Product Design.');
    await runJobsAt(new Date(now.getTime() + 60 * 60_000));
    expect(await meganChat.cards().filter({ hasText: 'A follow-up has waited' }).count()).toBe(1);
    // Alex asked; he is not reminded of his own follow-up.
    expect(await alexChat.cards().filter({ hasText: 'A follow-up has waited' }).count()).toBe(0);

    // Close on the card, with a note: the card turns to "closed" in place.
    await meganChat.fill(reminder, 'What was done? The learner sees this note.', 'We talked; I sent a *course*');
    await meganChat.press(reminder, 'Close');
    await meganChat.waitForCardText('Megan Bowen closed Alex Wilber’s follow-up');

    // Alex is told in his chat, the note as written (its stars not taken for formatting).
    const told = await alexChat.waitForCardText('Megan Bowen closed your follow-up');
    expect(await told.textContent()).toContain('We talked; I sent a *course*');
    const list = (await (await api(`/teams/${encodeURIComponent(DEMO_TEAM.id)}/follow-ups`, megan.userId)).json()) as {
      closed: { followUpId: string; closed: { note: string } }[];
    };
    expect(list.closed.find((f) => f.followUpId === nudge.nudgeId)?.closed.note).toBe('We talked; I sent a *course*');
  });
});
