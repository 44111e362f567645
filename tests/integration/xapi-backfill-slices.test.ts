import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PEOPLE, DEMO_TENANT_ID } from '../../bot/demo/demo-team.js';
import { seedDemoData } from '../../bot/demo/seed-demo-data.js';
import { startTestService, type RunningTestService } from '../../bot/testing/test-service.js';
import { buildService } from '../../bot/service.js';
import { pino } from 'pino';

const now = new Date('2026-11-28T12:00:00Z');

/** A service over fresh storage with the demo's history and a backfill asked for. */
async function withHistory(): Promise<RunningTestService> {
  const service = await startTestService({}, { clock: () => now });
  await seedDemoData({ ...service, now });
  // The people the app has met in chat (the first slices go through them; the rest come with their teams).
  for (const p of DEMO_PEOPLE.slice(0, 4))
    await service.services.people.noteSeen({
      tenantId: DEMO_TENANT_ID,
      userId: p.userId,
      displayName: p.displayName,
      teamsUserId: p.teamsUserId,
    });
  await service.stores.lrs.claimBackfill(DEMO_TENANT_ID, now.toISOString());
  return service;
}

const statementIds = async (service: RunningTestService) =>
  (await service.stores.xapiOutbox.listIds(DEMO_TENANT_ID)).map((r) => r.statementId).sort();

describe('the xAPI history backfill, a slice per message (Azurite, demo data)', () => {
  let whole: RunningTestService;
  let cut: RunningTestService;
  let expected: string[];

  beforeAll(async () => {
    // The same history twice: one backfilled at once, one cut short and taken up again.
    [whole, cut] = await Promise.all([withHistory(), withHistory()]);
    await whole.xapiBackfill.run(DEMO_TENANT_ID);
    expected = await statementIds(whole);
    expect(expected.length).toBeGreaterThan(20);
  }, 120_000);
  afterAll(async () => {
    await whole?.stop();
    await cut?.stop();
  });

  it('takes up after the last slice it finished when the instance doing it dies, and ends with the same statements', async () => {
    expect(await cut.xapiBackfill.runSlice(DEMO_TENANT_ID)).toBe('more');
    const afterOne = await statementIds(cut);
    expect(afterOne.length).toBeGreaterThan(0);
    expect(afterOne.length).toBeLessThan(expected.length);
    // The instance dies; another, over the same storage, carries on from the saved cursor.
    const other = buildService(cut.config, { logger: pino({ level: 'silent' }), clock: () => now, instanceId: 'other' });
    let slices = 0;
    for (let more = true; more; slices++) more = (await other.xapiBackfill.runSlice(DEMO_TENANT_ID)) === 'more';
    expect(slices).toBeGreaterThan(0);
    expect(await statementIds(cut)).toEqual(expected);
    const marker = await cut.stores.lrs.backfill(DEMO_TENANT_ID);
    expect(marker).toMatchObject({ status: 'done', written: expected.length });
  });

  it('does a slice once when its message is delivered twice at the same time', async () => {
    const fresh = await withHistory();
    try {
      const both = await Promise.all([fresh.xapiBackfill.runSlice(DEMO_TENANT_ID), fresh.xapiBackfill.runSlice(DEMO_TENANT_ID)]);
      // One moved the cursor on; the other found it moved and stood down.
      expect(both.sort()).toEqual(['done', 'more']);
      while ((await fresh.xapiBackfill.runSlice(DEMO_TENANT_ID)) === 'more');
      expect(await statementIds(fresh)).toEqual(expected);
      expect(await fresh.stores.lrs.backfill(DEMO_TENANT_ID)).toMatchObject({ status: 'done', written: expected.length });
    } finally {
      await fresh.stop();
    }
  });

  it('redoes a slice an instance was killed in the middle of, with no statement written twice', async () => {
    const fresh = await withHistory();
    try {
      const before = await fresh.stores.lrs.backfillCursor(DEMO_TENANT_ID);
      // An instance that dies as it sends the slice's second batch of statements: nothing of it talks to storage again.
      const doomed = buildService(fresh.config, {
        logger: pino({ level: 'silent' }),
        clock: () => now,
        instanceId: 'doomed',
        observeStorage: dieAt((r) => r.method === 'POST' && r.url.endsWith('/$batch'), 2),
      });
      await expect(doomed.xapiBackfill.runSlice(DEMO_TENANT_ID)).rejects.toThrow(KILLED);
      // Killed half way: some of the slice's statements are written, the cursor is where it was.
      expect((await statementIds(fresh)).length).toBeGreaterThan(0);
      expect(await fresh.stores.lrs.backfillCursor(DEMO_TENANT_ID)).toMatchObject({ cursor: before!.cursor, written: before!.written });
      const other = buildService(fresh.config, { logger: pino({ level: 'silent' }), clock: () => now, instanceId: 'other' });
      await other.xapiBackfill.run(DEMO_TENANT_ID);
      const ids = await statementIds(fresh);
      expect(ids).toHaveLength(expected.length);
      expect(ids).toEqual(expected);
      expect(await fresh.stores.lrs.backfill(DEMO_TENANT_ID)).toMatchObject({ status: 'done', written: expected.length });
    } finally {
      await fresh.stop();
    }
  });
});

const KILLED = 'the instance was killed';

/** A storage observer that kills its instance at the `nth` request `matches` picks: that one and every later request fail. */
function dieAt(matches: (request: { method: string; url: string }) => boolean, nth: number) {
  let seen = 0;
  return (request: { method: string; url: string }) => {
    if (seen >= nth || (matches(request) && ++seen >= nth)) throw new Error(KILLED);
  };
}
