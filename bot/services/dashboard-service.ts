import { buildDashboard } from '../domain/dashboard.js';
import type { DashboardPeriod, DashboardResponse } from '../domain/dashboard-view.js';
import type { RollupStore } from '../store/rollup-store.js';
import type { TeamStore } from '../store/team-store.js';
import type { Clock, Learner } from './learner.js';
import { NotAllowedError } from './team-service.js';
import { TeamRollupCopies } from './team-rollup-copies.js';

interface CachedView {
  generation: number;
  stamp: string;
  minute: number;
  view: DashboardResponse;
}

/** Teams × periods whose lead view this instance keeps; the oldest is dropped first. */
const CACHE_LIMIT = 64;

/**
 * The team dashboard, from two reads made side by side: the team's partition (settings and
 * roster, which decide who may see what) and the team's rollups written since this instance
 * last read them, caught up into its decoded copy. The view is rebuilt only when the rollups,
 * the roster or the minute have moved since it was last built.
 */
export class DashboardService {
  private readonly cache = new Map<string, CachedView>();
  private readonly copies: TeamRollupCopies;

  constructor(private readonly deps: { teams: TeamStore; rollups: RollupStore; clock: Clock }) {
    this.copies = new TeamRollupCopies(deps.rollups);
  }

  async dashboardFor(caller: Learner, teamId: string, weeks: DashboardPeriod): Promise<DashboardResponse> {
    const [team, current] = await Promise.all([this.deps.teams.readTeam(caller.tenantId, teamId), this.copies.current(caller.tenantId, teamId)]);
    const me = team.members.find((m) => m.userId === caller.userId);
    // Read first, decide after: nothing read is shown unless the caller is on the roster.
    if (!team.settings || !me) throw new NotAllowedError('You are not a member of this team.');
    const now = this.deps.clock();
    // Open check-ins and long silences depend on the time: a view is good for the minute it was built in.
    const minute = Math.floor(now.getTime() / 60_000);
    const key = `${caller.tenantId}\n${teamId}\n${weeks}`;
    let cached = this.cache.get(key);
    if (!cached || cached.generation !== current.generation || cached.stamp !== team.stamp || cached.minute !== minute) {
      const view = buildDashboard({ settings: team.settings, roster: team.members, rollups: current.rollups, caller: { userId: caller.userId, role: 'lead' }, weeks, now });
      cached = { generation: current.generation, stamp: team.stamp, minute, view };
      this.cache.delete(key);
      this.cache.set(key, cached);
      if (this.cache.size > CACHE_LIMIT) this.cache.delete(this.cache.keys().next().value!);
    }
    if (me.role === 'lead') return cached.view;
    // Members see the same team figures, and of the member table only their own row.
    return { ...cached.view, role: 'member', members: cached.view.members.filter((m) => m.userId === caller.userId) };
  }
}
