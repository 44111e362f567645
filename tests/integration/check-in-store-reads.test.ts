import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PEOPLE, DEMO_TEAM } from '../../bot/demo/demo-team.js';
import { DEMO_SHARES_CHANNEL } from '../../bot/demo/seed-demo-shares.js';
import { seedDemoData } from '../../bot/demo/seed-demo-data.js';
import { cardActionActivity } from '../../bot/testing/activities.js';
import { startFakeConnector } from '../../bot/testing/fake-connector.js';
import { startTestService, type RunningTestService } from '../../bot/testing/test-service.js';

const megan = DEMO_PEOPLE.find((p) => p.displayName.startsWith('Megan'))!;

/**
 * How often one check-in submission reads the store: every store method called while the bot
 * answers one press, counted by name. A submission reads the learner's teams and settings once,
 * and a refused form is checked once.
 */
describe('store reads for one check-in submission (Azurite, local Bot Connector)', () => {
  let service: RunningTestService;
  let connector: Awaited<ReturnType<typeof startFakeConnector>>;
  const counts = new Map<string, number>();

  beforeAll(async () => {
    connector = await startFakeConnector({
      [DEMO_TEAM.id]: { members: [], channels: [{ id: DEMO_TEAM.id }, { id: DEMO_SHARES_CHANNEL, name: 'Learning shares' }] },
    });
    service = await startTestService();
    await seedDemoData({ ...service, now: new Date() });
    // Every method of every store counts its calls; the services hold these same objects.
    for (const [storeName, store] of Object.entries(service.stores as unknown as Record<string, object>)) {
      let proto: object | null = Object.getPrototypeOf(store);
      const names = new Set<string>();
      while (proto && proto !== Object.prototype) {
        for (const name of Object.getOwnPropertyNames(proto)) if (name !== 'constructor') names.add(name);
        proto = Object.getPrototypeOf(proto);
      }
      for (const name of names) {
        const method = (store as Record<string, unknown>)[name];
        if (typeof method !== 'function') continue;
        (store as Record<string, unknown>)[name] = (...args: unknown[]) => {
          const key = `${storeName}.${name}`;
          counts.set(key, (counts.get(key) ?? 0) + 1);
          return (method as (...a: unknown[]) => unknown).apply(store, args);
        };
      }
    }
  }, 120_000);
  afterAll(async () => {
    await service?.stop();
    await connector?.stop();
  });

  async function press(data: Record<string, unknown>): Promise<{ text: string; reads: Record<string, number> }> {
    await service.services.sharing.settled();
    counts.clear();
    const res = await fetch(`${service.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(
        cardActionActivity('checkin.submit', data, {
          serviceUrl: connector.serviceUrl,
          from: { id: megan.teamsUserId, aadObjectId: megan.userId, name: megan.displayName },
        }),
      ),
    });
    const text = await res.text();
    const reads = Object.fromEntries([...counts.entries()].sort());
    await service.services.sharing.settled();
    return { text, reads };
  }

  const teamReads = (reads: Record<string, number>) =>
    (reads['teams.teamsOf'] ?? 0) + (reads['teams.getSettings'] ?? 0) + (reads['teams.getMember'] ?? 0);

  it('a check-in shared with the team reads the learner’s teams once and each team’s settings once, besides the share’s own check', async () => {
    const { text, reads } = await press({
      cardId: 'reads-0000-0001',
      what: 'Counting reads',
      sourceType: 'article',
      visibility: 'team',
      shareTeamId: DEMO_TEAM.id,
      shareParts: 'insight',
      insight: 'Fewer is faster',
    });
    expect(text).toContain('Shared in');
    console.info(`store calls, saved and shared: ${JSON.stringify(reads)}; team reads ${teamReads(reads)}`);
    // Measured before the edge was typed: teamsOf 2, getMember 2, getSettings 5 (9 team reads) — the learner's
    // teams were read for the share's check, again for the team's name, and the share checked at the write.
    // Now the share targets are read once (teamsOf + each team's settings) and the write checks its own:
    // the second teamsOf is the roll-ups' own, on every new entry.
    expect(reads['teams.teamsOf']).toBe(2);
    expect(reads['teams.getMember']).toBe(1);
    expect(teamReads(reads)).toBe(7);
  });

  it('a refused form (a field wrong and a team the learner cannot share with) is checked once, its teams read once', async () => {
    const { text, reads } = await press({
      cardId: 'reads-0000-0002',
      what: '',
      sourceType: 'article',
      visibility: 'team',
      shareTeamId: 'not-a-team-of-hers',
    });
    expect(text).toContain('Tell us what you learned');
    console.info(`store calls, refused: ${JSON.stringify(reads)}; team reads ${teamReads(reads)}`);
    // One teamsOf for the share targets, one for the open recommendations the form shows again (5 team reads, as before).
    expect(reads['teams.teamsOf']).toBe(2);
    expect(teamReads(reads)).toBe(5);
    expect(reads['entries.addOnce'] ?? 0).toBe(0);
  });
});
