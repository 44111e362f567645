import { buildDashboard } from '../domain/dashboard.js';
import type { DashboardPeriod, DashboardResponse } from '../domain/dashboard-view.js';
import type { RollupStore } from '../store/rollup-store.js';
import type { TeamStore } from '../store/team-store.js';
import { TeamRollupCopies } from './team-rollup-copies.js';
import type { Clock, Learner } from './learner.js';
import { NotAllowedError } from './team-service.js';

interface CachedView {
  version: string | undefined;
  stamp: string;
  minute: number;
  view: DashboardResponse;
}

/** Teams × periods whose lead view this instance keeps; the oldest is dropped first. */
const CACHE_LIMIT = 64;

/**
 * The team dashboard. Every call reads the team's partition (settings and roster, which decide
 * who may see what) and the version of its rollups, side by side. The view is rebuilt only when
 * that version, the roster or the minute has moved since this instance last built it, and then
 * from a copy of the rollups caught up with the rows written since: a team's rollups are
 * hundreds of rows, and decoding them all on a small instance costs more than both reads.
 */
export class DashboardService {
  private readonly cache = new Map<string, CachedView>();
  private readonly copies: TeamRollupCopies;

  constructor(private readonly deps: { teams: TeamStore; rollups: RollupStore; clock: Clock }) {
    this.copies = new TeamRollupCopies(deps.rollups);
  }

  async dashboardFor(caller: Learner, teamId: string, weeks: DashboardPeriod): Promise<DashboardResponse> {
    const [team, version] = await Promise.all([
      this.deps.teams.readTeam(caller.tenantId, teamId),
      this.deps.rollups.version(caller.tenantId, teamId),
    ]);
    const me = team.members.find((m) => m.userId === caller.userId);
    if (!team.settings || !me) throw new NotAllowedError('You are not a member of this team.');
    const now = this.deps.clock();
    // Open check-ins and long silences depend on the time: a view is good for the minute it was built in.
    const minute = Math.floor(now.getTime() / 60_000);
    const key = `${caller.tenantId}\n${teamId}\n${weeks}`;
    let cached = this.cache.get(key);
    if (!cached || cached.version !== version || cached.stamp !== team.stamp || cached.minute !== minute) {
      const rollups = await this.copies.current(caller.tenantId, teamId);
      const view = buildDashboard({ settings: team.settings, roster: team.members, rollups, caller: { userId: caller.userId, role: 'lead' }, weeks, now });
      // Keyed by the version read *before* the rollups: a write landing during the read moves it, and the next call rebuilds.
      cached = { version, stamp: team.stamp, minute, view };
      this.cache.delete(key);
      this.cache.set(key, cached);
      if (this.cache.size > CACHE_LIMIT) this.cache.delete(this.cache.keys().next().value!);
    }
    if (me.role === 'lead') return cached.view;
    // Members see the same team figures, and of the member table only their own row.
    return { ...cached.view, role: 'member', members: cached.view.members.filter((m) => m.userId === caller.userId) };
  }
}
