import { randomBytes } from 'node:crypto';
import { describe, expect, inject, it, vi } from 'vitest';
import { WorkQueue, queueClient } from './work-queue.js';

describe('WorkQueue (Azurite)', () => {
  it('round-trips messages, and a delayed message comes back intact after its delay', async () => {
    const storage = {
      kind: 'connectionString' as const,
      connectionString: inject('storageConnectionString'),
      tablePrefix: `q${randomBytes(4).toString('hex')}`,
    };
    const queue = new WorkQueue<{ n: number; text: string }>(queueClient(storage, 'work'));
    await queue.create();
    await queue.send({ n: 1, text: 'héllo "quoted"' });
    const [first] = await queue.receive(5, 30);
    expect(first?.body).toEqual({ n: 1, text: 'héllo "quoted"' });
    // Two seconds, so the look straight after is well inside the delay even on a busy machine.
    await queue.delay(first!, 2);
    expect(await queue.receive(5, 30)).toHaveLength(0);
    // Back once the delay has passed: looked for until then, however slow the machine.
    const [again] = await vi.waitUntil(
      async () => {
        const batch = await queue.receive(5, 30);
        return batch.length > 0 ? batch : undefined;
      },
      { timeout: 15_000, interval: 100, message: 'waiting for the delayed message to come back' },
    );
    expect(again?.body).toEqual({ n: 1, text: 'héllo "quoted"' });
    expect(again?.dequeueCount).toBe(2);
    await queue.delete(again!);
    expect(await queue.receive(5, 1)).toHaveLength(0);
  });

  it('removes the messages a test picks from the whole queue, past one batch, and shows the others again at once', async () => {
    const storage = {
      kind: 'connectionString' as const,
      connectionString: inject('storageConnectionString'),
      tablePrefix: `q${randomBytes(4).toString('hex')}`,
    };
    const queue = new WorkQueue<{ n: number; userId: string }>(queueClient(storage, 'parked'));
    await queue.create();
    for (let n = 0; n < 40; n++) await queue.send({ n, userId: n % 13 === 0 ? 'erased-person' : `person-${n}` });
    expect(await queue.removeWhere((body) => body.userId === 'erased-person')).toBe(4);
    const left: number[] = [];
    for (let batch = await queue.receive(32, 30); batch.length > 0; batch = await queue.receive(32, 30))
      left.push(...batch.map((m) => m.body.n));
    expect(left.sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, n) => n).filter((n) => n % 13 !== 0));
  });
});
