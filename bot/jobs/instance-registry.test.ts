import { describe, expect, it } from 'vitest';
import { freshTestStorage } from '../testing/test-storage.js';
import { InstanceRegistry } from './instance-registry.js';

describe('InstanceRegistry (Azurite)', () => {
  it('lets each live instance see how many share the send budget, and forgets the dead', async () => {
    const { tables } = await freshTestStorage();
    const a = new InstanceRegistry(tables.leases, 'a', 15_000);
    const b = new InstanceRegistry(tables.leases, 'b', 15_000);
    const t0 = new Date('2026-11-28T10:00:00Z');
    expect(await a.heartbeat(t0)).toBe(1);
    expect(await b.heartbeat(t0)).toBe(2);
    expect(await a.heartbeat(new Date(t0.getTime() + 5_000))).toBe(2);
    // b stops beating (crashed): after the stale window a has the whole budget again.
    expect(await a.heartbeat(new Date(t0.getTime() + 16_000))).toBe(1);
    // A clean shutdown hands the share back at once.
    await b.heartbeat(new Date(t0.getTime() + 17_000));
    await b.leave();
    expect(await a.heartbeat(new Date(t0.getTime() + 18_000))).toBe(1);
  });
});
