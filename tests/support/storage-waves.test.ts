import { describe, expect, it } from 'vitest';
import { storageWaves } from './storage-waves.js';

describe('storage waves', () => {
  it('counts requests sent side by side as one wave, and a request sent after an answer as the next', async () => {
    const waves = storageWaves(20);
    waves.record();
    await Promise.all([waves.sleep(1), waves.sleep(1)]);
    await waves.sleep(1);
    await Promise.all([waves.sleep(1), (async () => (await waves.sleep(1), await waves.sleep(1)))()]);
    expect(waves.stop()).toEqual({ waves: 4, requestsByWave: [2, 1, 2, 1] });
  });

  it('passes requests through when not recording', async () => {
    const waves = storageWaves(10_000);
    await waves.sleep(1);
    expect(waves.stop()).toEqual({ waves: 0, requestsByWave: [] });
  });
});
