import { describe, expect, it } from 'vitest';
import { CONVERSATION_LIMITS, RequestWindows, TENANT_LIMITS } from './limits.js';

describe('request windows', () => {
  it('are Teams’ published limits', () => {
    expect(TENANT_LIMITS.map((l) => [l.windowMs, l.max])).toEqual([[1_000, 50]]);
    expect(CONVERSATION_LIMITS.map((l) => [l.windowMs, l.max])).toEqual([
      [1_000, 7],
      [2_000, 8],
      [30_000, 60],
      [3_600_000, 1_800],
    ]);
  });

  it('put two requests exactly a window apart in different windows', () => {
    const windows = new RequestWindows([{ name: 'conversation1s', windowMs: 1_000, max: 1 }]);
    windows.add(0);
    expect(windows.exceeded(999)).toHaveLength(1);
    expect(windows.exceeded(1_000)).toEqual([]);
  });

  it('say how long until the window has room for one more', () => {
    const windows = new RequestWindows([{ name: 'conversation2s', windowMs: 2_000, max: 3 }]);
    for (const t of [0, 100, 900, 1_500]) windows.add(t);
    // Four in the window, three allowed: the two oldest must leave, the second at 2,100 ms.
    expect(windows.exceeded(1_600)).toEqual([{ limit: expect.objectContaining({ name: 'conversation2s' }), roomInMs: 500 }]);
  });

  it('keep counting right while forgetting requests older than the longest window', () => {
    const windows = new RequestWindows(CONVERSATION_LIMITS);
    // One request every 2 s for five hours is exactly 1,800 an hour: never over, however long it goes on.
    const over = new Set<string>();
    for (let t = 0; t < 5 * 3_600_000; t += 2_000) {
      for (const e of windows.exceeded(t)) over.add(e.limit.name);
      windows.add(t);
    }
    expect(over).toEqual(new Set());
    expect(windows.exceeded(5 * 3_600_000 - 1).map((e) => e.limit.name)).toEqual(['conversation1h']);
    expect(windows.countWithin(30_000, 5 * 3_600_000)).toBe(14);
    expect(windows.countWithin(3_600_000, 5 * 3_600_000 - 1)).toBe(1_800);
  });

  it('count a request added a little out of order (its body took longer to read) where it belongs', () => {
    const windows = new RequestWindows(TENANT_LIMITS);
    for (const t of [100, 300, 200]) windows.add(t);
    expect(windows.countWithin(1_000, 1_250)).toBe(1);
    expect(windows.countWithin(1_000, 1_150)).toBe(2);
  });
});
