import { buildDashboard } from '../domain/dashboard.js';
import type { DashboardPeriod, DashboardResponse } from '../domain/dashboard-view.js';
import type { RollupStore } from '../store/rollup-store.js';
import type { TeamStore } from '../store/team-store.js';
import type { Clock, Learner } from './learner.js';
import { NotAllowedError } from './team-service.js';

/**
 * The team dashboard: two reads made side by side — the team's partition (settings and
 * roster) and its rollups — whatever the period or the team's size up to 1,000 members.
 */
export class DashboardService {
  constructor(private readonly deps: { teams: TeamStore; rollups: RollupStore; clock: Clock }) {}

  async dashboardFor(caller: Learner, teamId: string, weeks: DashboardPeriod): Promise<DashboardResponse> {
    const [team, rollups] = await Promise.all([
      this.deps.teams.readTeam(caller.tenantId, teamId),
      this.deps.rollups.listTeam(caller.tenantId, teamId),
    ]);
    const me = team.members.find((m) => m.userId === caller.userId);
    // Read first, decide after: the rollups are discarded unless the caller is on the roster.
    if (!team.settings || !me) throw new NotAllowedError('You are not a member of this team.');
    return buildDashboard({
      settings: team.settings,
      roster: team.members,
      rollups,
      caller: { userId: caller.userId, role: me.role },
      weeks,
      now: this.deps.clock(),
    });
  }
}
