import { describe, expect, it } from 'vitest';
import { CoalescedRuns } from './coalesced-runs.js';

describe('CoalescedRuns', () => {
  it('gives every caller a run that started after it asked, sharing runs within a burst', async () => {
    const runs = new CoalescedRuns<number>();
    let started = 0;
    let value = 0;
    const gates: Array<() => void> = [];
    const work = () =>
      new Promise<number>((resolve) => {
        started++;
        const seen = value;
        gates.push(() => resolve(seen));
      });
    value = 1;
    const first = runs.run('k', work);
    value = 2;
    // Asked while the first run is going: both share the next run, which sees value 2 or later.
    const second = runs.run('k', work);
    const third = runs.run('k', work);
    expect(second).toBe(third);
    expect(started).toBe(1);
    gates.shift()!();
    expect(await first).toBe(1);
    await new Promise((r) => setTimeout(r, 0));
    expect(started).toBe(2);
    value = 3;
    const fourth = runs.run('k', work);
    gates.shift()!();
    expect(await second).toBe(2);
    await new Promise((r) => setTimeout(r, 0));
    gates.shift()!();
    expect(await fourth).toBe(3);
    expect(started).toBe(3);
  });

  it('keeps keys apart and carries on after a failed run', async () => {
    const runs = new CoalescedRuns<string>();
    const failed = runs.run('a', async () => {
      throw new Error('storage said no');
    });
    const other = runs.run('b', async () => 'b');
    const after = runs.run('a', async () => 'a again');
    await expect(failed).rejects.toThrow('storage said no');
    expect(await other).toBe('b');
    expect(await after).toBe('a again');
  });
});
