import { describe, expect, it } from 'vitest';
import { freshTestStorage } from '../testing/test-storage.js';
import { DueIndexStore } from './due-index-store.js';

const teamId = '19:team/with?odd#chars@thread.tacv2';
const digestAt = (minute: string, cycle: string) => ({ minute, tenantId: 't1', teamId, cycle, dueAt: `${minute}Z` });

describe('DueIndexStore: a team’s digest (Azurite)', () => {
  it('files one digest entry per team, moved when the team’s window moves, beside its round-up', async () => {
    const index = new DueIndexStore((await freshTestStorage()).tables.dueIndex);
    await index.putRoundup(digestAt('202612040900', '2026-W49'));
    await index.putDigest(digestAt('202612070900', '2026-W49'));
    expect(await index.digestMinute('t1', teamId)).toBe('202612070900');
    expect(await index.listMinute('202612070900')).toEqual([
      { kind: 'digest', minute: '202612070900', tenantId: 't1', userId: teamId, teamId, cycle: '2026-W49', dueAt: '202612070900Z' },
    ]);
    // Another time zone: the entry moves, the old minute is left empty.
    await index.putDigest(digestAt('202612071400', '2026-W49'));
    expect(await index.listMinute('202612070900')).toEqual([]);
    expect((await index.listMinute('202612071400')).map((e) => e.kind)).toEqual(['digest']);
    expect(await index.digestMinute('t1', teamId)).toBe('202612071400');
    // The round-up is the team's other entry: untouched by the digest's moves.
    expect(await index.hasRoundup('t1', teamId)).toBe(true);
    expect((await index.listMinute('202612040900')).map((e) => e.kind)).toEqual(['roundup']);
  });

  it('moves the pointer to next week’s entry when a planned one is done', async () => {
    const index = new DueIndexStore((await freshTestStorage()).tables.dueIndex);
    await index.putDigest(digestAt('202612070900', '2026-W49'));
    await index.putDigest({ ...digestAt('202612070900', '2026-W49'), teamId: 'other' });
    const [planned] = (await index.listMinute('202612070900')).filter((e) => e.teamId === 'other');
    // As the scheduler does: next week's filed while planning, then the planned entry done.
    await index.putDigest({ ...digestAt('202612140900', '2026-W50'), teamId: 'other' });
    await index.done(planned!);
    expect((await index.listMinute('202612070900')).map((e) => e.teamId)).toEqual([teamId]);
    expect(await index.digestMinute('t1', 'other')).toBe('202612140900');
    expect(await index.digestMinute('t1', teamId)).toBe('202612070900');
  });
});
