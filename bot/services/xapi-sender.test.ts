import { pino } from 'pino';
import { describe, expect, it, vi } from 'vitest';
import type { OutboxRow } from '../store/xapi-outbox-store.js';
import type { LrsOutcome } from './lrs-client.js';
import { XapiSender, type XapiSenderDeps } from './xapi-sender.js';

const NOW = new Date('2026-11-29T12:00:00Z');
const row = (statementId: string, attempts: number): OutboxRow => ({
  statementId,
  statement: { id: statementId } as OutboxRow['statement'],
  status: 'pending',
  attempts,
  notBefore: NOW.toISOString(),
  lastError: null,
  updatedAt: NOW.toISOString(),
  actorId: 'u',
  instructorId: '',
  etag: '*',
});

/** One batch claimed, one answer from the LRS: what the sender then writes to the outbox. */
async function sendOnce(batch: OutboxRow[], outcome: LrsOutcome, maxAttempts = 4) {
  const marked: { ids: readonly string[]; retryAt: string | null }[] = [];
  const claims = [batch];
  const deps = {
    queue: { send: vi.fn(), delete: vi.fn(), delay: vi.fn() },
    settings: { get: async () => ({ endpoint: 'https://lrs.example.com/xapi', key: 'k', secret: 's', updatedAt: '' }) },
    outbox: {
      claimDue: async () => claims.shift() ?? [],
      markSent: vi.fn(),
      markAttemptFailed: async (_t: string, ids: readonly string[], _e: string, _at: string, retryAt: string | null) =>
        void marked.push({ ids, retryAt }),
      summary: async () => ({ sent: 0, pending: 0, failed: 0, latestFailure: null, nextDue: null }),
      migrateLegacy: async () => 0,
    },
    lrs: { send: async () => outcome },
    backfill: { runSlice: vi.fn() },
    clock: () => NOW,
    logger: pino({ level: 'silent' }),
    maxAttempts,
    random: () => 0.5,
  } as unknown as XapiSenderDeps;
  await new XapiSender(deps).handle({ body: { tenantId: 't', kind: 'send' }, messageId: 'm', popReceipt: 'p', dequeueCount: 1, text: '' });
  return marked;
}

describe('the xAPI sender after a failed POST', () => {
  it('gives up only on the statement out of attempts; the fresher ones in its batch go again', async () => {
    const marked = await sendOnce([row('tired', 4), row('fresh-1', 1), row('fresh-2', 2)], { kind: 'retry', message: '503 busy' });
    expect(marked).toEqual([
      { ids: ['tired'], retryAt: null },
      // The wait follows the most-tried of those going again: 2 attempts, base 10 s doubled once.
      { ids: ['fresh-1', 'fresh-2'], retryAt: new Date(NOW.getTime() + 20_000).toISOString() },
    ]);
  });

  it('waits at least as long as the LRS asks', async () => {
    const marked = await sendOnce([row('a', 1)], { kind: 'retry', message: '429', retryAfterMs: 120_000 });
    expect(marked).toEqual([{ ids: ['a'], retryAt: new Date(NOW.getTime() + 120_000).toISOString() }]);
  });

  it('marks a refused statement failed at once', async () => {
    expect(await sendOnce([row('bad', 1)], { kind: 'rejected', message: '400 invalid' })).toEqual([{ ids: ['bad'], retryAt: null }]);
  });
});
