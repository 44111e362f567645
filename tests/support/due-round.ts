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
      const notYetSent = new Map(learners.map((i) => [i, 'not read yet']));
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const statuses = await Promise.all([...notYetSent.keys()].map(async (i) => [i, (await recordOf(i))?.status ?? 'missing'] as const));
        for (const [i, status] of statuses) {
          if (status === 'sent') notYetSent.delete(i);
          else notYetSent.set(i, status);
        }
        if (notYetSent.size === 0) return;
        if (Date.now() > deadline) {
          const counts = new Map<string, number>();
          for (const status of notYetSent.values()) counts.set(status, (counts.get(status) ?? 0) + 1);
          throw new Error(
            `${notYetSent.size} check-ins not recorded as sent after ${timeoutMs} ms: ${[...counts].map(([status, n]) => `${n} ${status}`).join(', ')}`,
          );
        }
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    },
  };
}
