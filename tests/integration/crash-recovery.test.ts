import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, inject, it, vi } from 'vitest';
import type { StorageConfig } from '../../bot/config.js';
import { ensureTables } from '../../bot/store/table-clients.js';
import { fileDueLearners } from '../../bot/testing/due-learners.js';
import { startFakeConnector } from '../../bot/testing/fake-connector.js';
import { dueRound } from '../support/due-round.js';

const jobsProcess = fileURLToPath(new URL('../../bot/jobs/jobs-process.ts', import.meta.url));
const LEARNERS = 150;

describe('a crash in the middle of a round (Azurite, local Bot Connector, SIGKILL)', () => {
  const children: ChildProcess[] = [];
  afterAll(() => children.forEach((c) => c.kill('SIGKILL')));

  it('after a restart every due learner has their check-in, and none is lost', async () => {
    const connector = await startFakeConnector({}, { delayMs: 15 });
    const storage: StorageConfig = {
      kind: 'connectionString',
      connectionString: inject('storageConnectionString'),
      tablePrefix: `c${randomBytes(5).toString('hex')}`,
    };
    await ensureTables(storage);
    await fileDueLearners(storage, connector.serviceUrl, LEARNERS);
    const start = (n: number) => {
      const child = fork(jobsProcess, [], {
        execArgv: ['--import', 'tsx'],
        env: {
          ...process.env,
          LEARNING_LOOP_MODE: 'local',
          STORAGE_CONNECTION_STRING: storage.connectionString,
          TABLE_PREFIX: storage.tablePrefix,
          LOG_LEVEL: 'silent',
          INSTANCE_ID: `crash-${n}`,
          SCHEDULER_EVERY_MS: '500',
        },
        stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      });
      children.push(child);
      return child;
    };
    const delivered = () => new Set(connector.sent.map((s) => s.conversationId)).size;
    const round = dueRound(storage, LEARNERS);

    const first = start(1);
    await vi.waitUntil(() => delivered() >= LEARNERS / 3, { timeout: 120_000, interval: 20, message: 'waiting for a third of the round' });
    first.kill('SIGKILL');
    await new Promise((r) => first.once('exit', r));
    const killedAt = Date.now();
    const atCrash = delivered();
    expect(atCrash).toBeGreaterThan(0);
    expect(atCrash).toBeLessThan(LEARNERS);
    // What the dead worker had claimed but not recorded as sent: the only sends that can go out twice.
    const claimedAtKill = await round.claimedNotRecorded();

    start(2);
    await round.allSent(150_000);
    const perConversation = new Map<string, number>();
    for (const s of connector.sent) perConversation.set(s.conversationId, (perConversation.get(s.conversationId) ?? 0) + 1);
    const duplicates = [...perConversation.values()].reduce((sum, n) => sum + n - 1, 0);
    console.log(`crash after ${atCrash} of ${LEARNERS}; delivered ${perConversation.size}, duplicates ${duplicates}`);
    expect(perConversation.size).toBe(LEARNERS);
    // A send caught by the crash between Teams accepting it and our record of it can only be
    // sent again: every duplicate is one the dead worker had claimed and not yet recorded. Both
    // cards carry the same card id, so answering either saves one entry.
    console.log(`claimed but not recorded at the kill: ${claimedAtKill.size}`);
    expect(duplicates).toBeLessThanOrEqual(claimedAtKill.size);
    for (const [conversation, n] of perConversation) {
      if (n === 1) continue;
      // When each copy reached the connector, from the kill: says which process sent a stray one.
      const at = connector.sent.filter((s) => s.conversationId === conversation).map((s) => `${(s.receivedAt ?? 0) - killedAt} ms`);
      expect(claimedAtKill.has(conversation), `${conversation} was sent ${n} times, at ${at.join(', ')} from the kill`).toBe(true);
    }
    await connector.stop();
  }, 300_000);
});
