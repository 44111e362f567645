import { vi } from 'vitest';
import type { StorageConfig } from '../../bot/config.js';
import { SendStore } from '../../bot/store/send-store.js';
import { tableClients } from '../../bot/store/table-clients.js';
import { DUE_TENANT_ID } from '../../bot/testing/due-learners.js';

/**
 * The check-in records of a round over `count` learners filed by `fileDueLearners`, read straight
 * from `storage`: how a test knows a round's end by its records rather than by waiting a while.
 */
export function dueRound(storage: StorageConfig, count: number) {
  const sends = new SendStore(tableClients(storage).sends);
  const learners = Array.from({ length: count }, (_, i) => i);
  const recordOf = (i: number) => sends.get(DUE_TENANT_ID, `learner-${i}`, '2026-W48', 'checkin');
  return {
    /** The conversations of the check-ins claimed and not recorded: the only ones a crash or an outage can send twice. */
    async claimedNotRecorded(): Promise<Set<string>> {
      const statuses = await Promise.all(learners.map(async (i) => [i, (await recordOf(i))?.status] as const));
      return new Set(statuses.filter(([, status]) => status === 'sending').map(([i]) => `a:learner-${i}`));
    },
    /**
     * Resolves once every check-in is recorded as sent. No worker sends a record again after that, so
     * what the connector has is final, including the second send of a claim whose outcome was lost,
     * which comes only once the claim has run out.
     */
    async allSent(timeoutMs: number): Promise<void> {
      const notYetSent = new Set(learners);
      await vi.waitUntil(
        async () => {
          const statuses = await Promise.all([...notYetSent].map(async (i) => [i, (await recordOf(i))?.status] as const));
          for (const [i, status] of statuses) if (status === 'sent') notYetSent.delete(i);
          return notYetSent.size === 0;
        },
        { timeout: timeoutMs, interval: 250, message: 'waiting until every check-in is recorded as sent' },
      );
    },
  };
}
