import v8 from 'node:v8';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { NotAllowedError, NotFoundError } from '../domain/errors.js';
import type { NudgeStore } from '../store/nudge-store.js';
import type { RecommendationStore } from '../store/recommendation-store.js';
import type { RollupStore } from '../store/rollup-store.js';
import type { TeamStore } from '../store/team-store.js';
import { DashboardService } from './dashboard-service.js';
import { RecommendationService } from './recommendation-service.js';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

/**
 * Any signed-in person can ask for made-up team ids; each answer is a refusal, and none may leave
 * anything behind on the instance. The stores answer as storage does for a team that does not
 * exist (nothing there), instantly, so that 200,000 requests take seconds: what is measured is
 * what the services keep, not storage.
 */
describe('requests for teams that do not exist', () => {
  const nothing = {
    teams: {
      readTeam: async () => ({ settings: undefined, members: [], stamp: '' }),
      getMember: async () => undefined,
      teamsOf: async () => [],
    } as unknown as TeamStore,
    rollups: { readSince: async () => ({ rows: [] }) } as unknown as RollupStore,
    nudges: { listTeam: async () => [] } as unknown as NudgeStore,
    recommendations: { listTeam: async () => [], listDone: async () => [] } as unknown as RecommendationStore,
  };
  const clock = () => new Date('2026-12-06T10:00:00Z');
  const caller = { tenantId: 'tenant', userId: 'someone' };

  it('leave the heap within 10 MB of where it started after 200,000 of them', async () => {
    const dashboards = new DashboardService({ ...nothing, defaultCadence: async () => 'weekly', clock });
    const recommendations = new RecommendationService({ ...nothing, clock });
    const refusals = { dashboard: 0, recommendation: 0 };
    gc();
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < 100_000; i++) {
      await dashboards.dashboardFor(caller, `made-up-${i}`, 12).catch((e) => e instanceof NotAllowedError && refusals.dashboard++);
      await recommendations
        .setDone(caller, `made-up-${i}`, `rec-${i}-xxxxxxxx`, true)
        .catch((e) => e instanceof NotFoundError && refusals.recommendation++);
    }
    gc();
    const grownMb = (process.memoryUsage().heapUsed - before) / 1024 / 1024;
    expect(refusals).toEqual({ dashboard: 100_000, recommendation: 100_000 });
    expect(grownMb).toBeLessThan(10);
  });
});
