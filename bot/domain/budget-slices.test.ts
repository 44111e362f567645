import { describe, expect, it } from 'vitest';
import { RowAges, fairShare, takeableSlices } from './budget-slices.js';

describe('fairShare', () => {
  it('splits the slices evenly, the first instances by id taking what does not divide', () => {
    expect(fairShare(10, [], 'a')).toBe(10);
    expect(['a', 'b', 'c'].map((me) => fairShare(10, ['a', 'b', 'c'], me))).toEqual([4, 3, 3]);
    expect(['b', 'a'].map((me) => fairShare(10, ['a', 'b'], me))).toEqual([5, 5]);
  });

  it('gives targets that add up to the slices for any live set, whoever computes them', () => {
    for (let n = 1; n <= 14; n++) {
      const ids = Array.from({ length: n }, (_, i) => `instance-${String(i).padStart(2, '0')}`);
      const total = ids.reduce(
        (sum, me) =>
          sum +
          fairShare(
            10,
            ids.filter((id) => id !== me),
            me,
          ),
        0,
      );
      expect(total, `${n} instances`).toBe(10);
    }
  });
});

describe('RowAges', () => {
  it('measures from when a row was first seen as it is, and starts again when it changes', () => {
    const ages = new RowAges();
    ages.observe([{ key: 'x', etag: '1' }], 1000);
    ages.observe([{ key: 'x', etag: '1' }], 1800);
    expect(ages.unchangedFor('x', 2000)).toBe(1000);
    ages.observe([{ key: 'x', etag: '2' }], 2100);
    expect(ages.unchangedFor('x', 2200)).toBe(100);
  });

  it('forgets a row that is gone, so one written again later is aged from then', () => {
    const ages = new RowAges();
    ages.observe([{ key: 'x', etag: '1' }], 0);
    ages.observe([], 500);
    expect(ages.unchangedFor('x', 5000)).toBe(0);
    ages.observe([{ key: 'x', etag: '1' }], 6000);
    expect(ages.unchangedFor('x', 6500)).toBe(500);
  });
});

describe('takeableSlices', () => {
  it('offers free slices before lapsed ones, and never one held here or renewed by a live holder', () => {
    const rows = [
      { index: 0, holder: 'a', etag: 'e0' },
      { index: 1, holder: '', etag: 'e1' },
      { index: 2, holder: 'b', etag: 'e2' },
      { index: 3, holder: 'c', etag: 'e3' },
      { index: 4, holder: 'me', etag: 'e4' },
    ];
    const lapsed = new Set([2, 3]);
    for (let run = 0; run < 20; run++) {
      const offered = takeableSlices(
        6,
        rows,
        (i) => i === 4,
        (i) => lapsed.has(i),
      );
      // Slice 5 was never written and 1 was given back: both free, in either order, with their ETags to write under.
      expect(offered.slice(0, 2).sort((x, y) => x.index - y.index)).toEqual([{ index: 1, etag: 'e1' }, { index: 5 }]);
      expect(offered.slice(2).sort((x, y) => x.index - y.index)).toEqual([
        { index: 2, etag: 'e2' },
        { index: 3, etag: 'e3' },
      ]);
    }
  });
});
