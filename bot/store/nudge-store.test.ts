import { describe, expect, it } from 'vitest';
import type { Nudge } from '../domain/nudge.js';
import { freshTestStorage } from '../testing/test-storage.js';
import { newestFirstTimeKey } from './keys.js';
import { NudgeStore } from './nudge-store.js';

const teamId = '19:team/with?odd#chars@thread.tacv2';
const nudgeAt = (sentAt: string, suffix: string): Nudge => ({
  tenantId: 't1',
  teamId,
  // As NudgeService names them: a newest-first time key, then a random tail.
  nudgeId: `${newestFirstTimeKey(new Date(sentAt))}-${suffix}`,
  learnerId: 'bo',
  learnerName: 'Bo',
  leadId: 'alex',
  leadName: 'Alex',
  note: null,
  reason: null,
  flaggedSince: null,
  sentAt,
  delivered: true,
  reply: null,
});

describe('NudgeStore (Azurite)', () => {
  it('lists a team’s nudges newest first, and from a moment on: that moment included, the one before it not', async () => {
    const store = new NudgeStore((await freshTestStorage()).tables.nudges);
    const sent = ['2026-11-01T09:59:59.999Z', '2026-11-01T10:00:00.000Z', '2026-11-01T10:00:00.000Z', '2026-11-20T08:00:00.000Z'];
    for (const [i, at] of sent.entries()) await store.create(nudgeAt(at, `0000000${i}`));
    expect((await store.listTeam('t1', teamId, 10)).map((n) => n.sentAt)).toEqual([...sent].reverse());
    const since = (await store.listTeam('t1', teamId, 10, new Date('2026-11-01T10:00:00.000Z'))).map((n) => n.sentAt);
    expect(since).toEqual(['2026-11-20T08:00:00.000Z', '2026-11-01T10:00:00.000Z', '2026-11-01T10:00:00.000Z']);
    expect(await store.listTeam('t1', teamId, 10, new Date('2026-11-21T00:00:00.000Z'))).toEqual([]);
    expect(await store.listTeam('t1', 'another team', 10)).toEqual([]);
  });

  it('keeps why the learner was flagged as data beside the English reason, and reads older nudges without it', async () => {
    const store = new NudgeStore((await freshTestStorage()).tables.nudges);
    const flagged = {
      ...nudgeAt('2026-11-20T08:00:00.000Z', 'flagged1'),
      reason: 'No answer to the last 2 check-ins',
      why: { kind: 'no-answer' as const, count: 2 },
    };
    await store.create(flagged);
    await store.create(nudgeAt('2026-11-19T08:00:00.000Z', 'older001'));
    const [newest, older] = await store.listTeam('t1', teamId, 10);
    expect(newest).toMatchObject({ reason: 'No answer to the last 2 check-ins', why: { kind: 'no-answer', count: 2 } });
    expect(older?.why ?? null).toBeNull();
  });

  it('records a reply only on the nudge as read: one changed or removed meanwhile answers false, for the caller to read again', async () => {
    const store = new NudgeStore((await freshTestStorage()).tables.nudges);
    const nudge = nudgeAt('2026-11-20T08:00:00.000Z', 'reply001');
    await store.create(nudge);
    const read = (await store.get('t1', teamId, nudge.nudgeId))!;
    expect(await store.setReply(nudge, read.etag, 'on-it', '2026-11-20T09:00:00.000Z')).toBe(true);
    expect(await store.setReply(nudge, read.etag, 'need-help', '2026-11-20T09:01:00.000Z')).toBe(false);
    const now = (await store.get('t1', teamId, nudge.nudgeId))!;
    expect(now.nudge.reply).toEqual({ answer: 'on-it', at: '2026-11-20T09:00:00.000Z' });
    await store.remove(nudge);
    expect(await store.setReply(nudge, now.etag, 'need-help', '2026-11-20T09:02:00.000Z')).toBe(false);
    expect(await store.get('t1', teamId, nudge.nudgeId)).toBeUndefined();
  });
});
