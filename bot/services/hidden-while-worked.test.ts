import { pino } from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WorkQueue, queueClient } from '../store/work-queue.js';
import { freshTestStorage } from '../testing/test-storage.js';
import { HiddenWhileWorked } from './hidden-while-worked.js';

describe('HiddenWhileWorked (Azurite)', () => {
  afterEach(() => vi.useRealTimers());

  /** A fresh queue with one message, received for 30 s. */
  async function receivedMessage() {
    const { storage } = await freshTestStorage();
    const queue = new WorkQueue<{ n: number }>(queueClient(storage, 'hidden'));
    await queue.create();
    await queue.send({ n: 1 });
    const [message] = await queue.receive(1, 30);
    return { queue, message };
  }

  it('stops renewing a message whose pop receipt is no longer its own, instead of failing every few seconds', async () => {
    const { queue, message } = await receivedMessage();
    // Another renewal of the same message landed (as when a renewal's answer is lost and its retry
    // finds the receipt changed): the receipt held here is stale.
    const current = await queue.delay(message!, 30);
    const logger = pino({ level: 'silent' });
    const info = vi.spyOn(logger, 'info');
    const warn = vi.spyOn(logger, 'warn');
    const delay = vi.spyOn(queue, 'delay');
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const hidden = new HiddenWhileWorked(message!, queue, 30, logger);

    vi.advanceTimersByTime(10_000);
    await expect.poll(() => info.mock.calls.length, { timeout: 10_000 }).toBe(1);
    vi.advanceTimersByTime(30_000);
    expect(delay).toHaveBeenCalledTimes(1);
    expect(warn).not.toHaveBeenCalled();
    expect((await hidden.release()).popReceipt).toBe(message!.popReceipt);
    // The message itself is untouched by the failed renewal: still hidden under the other receipt.
    await queue.delete(current);
  });

  it('keeps renewing while each renewal lands', async () => {
    const { queue, message } = await receivedMessage();
    const delay = vi.spyOn(queue, 'delay');
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const hidden = new HiddenWhileWorked(message!, queue, 30, pino({ level: 'silent' }));
    for (let i = 1; i <= 3; i++) {
      vi.advanceTimersByTime(10_000);
      await expect.poll(async () => (await Promise.all(delay.mock.results.map((r) => r.value))).length, { timeout: 10_000 }).toBe(i);
    }
    const renewed = await hidden.release();
    expect(renewed.popReceipt).not.toBe(message!.popReceipt);
    await queue.delete(renewed);
  });
});
