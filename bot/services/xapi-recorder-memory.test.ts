import v8 from 'node:v8';
import vm from 'node:vm';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import type { LearningEntry } from '../contract/learning-entry.js';
import type { LrsSettingsStore } from '../store/lrs-settings-store.js';
import type { TeamStore } from '../store/team-store.js';
import type { WorkQueue } from '../store/work-queue.js';
import type { XapiOutboxStore } from '../store/xapi-outbox-store.js';
import type { XapiWork } from './xapi-work.js';
import { OutboxRecorder } from './xapi-recorder.js';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

/**
 * One instance serves every tenant of a large deployment: what the recorder remembers per tenant
 * (whether it has an LRS) must not grow with the number of tenants it has ever seen. Storage answers
 * instantly that no tenant has an LRS, so what is measured is what the recorder keeps.
 */
describe('the xAPI recorder across many tenants', () => {
  it('keeps the heap within 10 MB of where it started after entries from 200,000 tenants', async () => {
    let settingsRead = 0;
    const recorder = new OutboxRecorder({
      settings: { get: async () => void settingsRead++ } as unknown as LrsSettingsStore,
      outbox: {} as XapiOutboxStore,
      queue: {} as WorkQueue<XapiWork>,
      teams: {} as TeamStore,
      clock: () => new Date('2026-12-06T10:00:00Z'),
      logger: pino({ level: 'silent' }),
    });
    const entry = (tenantId: string) => ({ tenantId, userId: 'someone', id: 'entry' }) as LearningEntry;
    gc();
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < 200_000; i++) await recorder.record({ kind: 'entry', entry: entry(`tenant-${i}-${'x'.repeat(36)}`) });
    gc();
    const grownMb = (process.memoryUsage().heapUsed - before) / 1024 / 1024;
    expect(settingsRead).toBe(200_000);
    expect(grownMb).toBeLessThan(10);
  });
});
