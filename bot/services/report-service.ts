import { accountabilityReport } from '../domain/accountability-report.js';
import type { ReportRow } from '../contract/report.js';
import { reportCsv } from '../contract/report-csv.js';
import { nudgeFact } from '../domain/leader-metrics.js';
import type { DashboardPeriod } from '../contract/dashboard-view.js';
import type { AdminStore } from '../store/admin-store.js';
import type { NudgeStore } from '../store/nudge-store.js';
import type { RollupStore } from '../store/rollup-store.js';
import type { ShareStore } from '../store/share-store.js';
import type { TeamStore } from '../store/team-store.js';
import type { Clock, Learner } from './learner.js';
import { NotAllowedError } from '../domain/errors.js';
import type { AuditLog } from './audit-log.js';
import { actorOf } from './audit-service.js';

const NUDGE_HISTORY = 1000;

/**
 * The L&D admin's view across teams. Admins are named by the deployment's configuration or by an
 * existing admin; nobody else reads the cross-team report.
 */
export class ReportService {
  constructor(
    private readonly deps: {
      admins: AdminStore;
      configured: readonly { tenantId: string; userId: string }[];
      teams: TeamStore;
      rollups: RollupStore;
      shares: ShareStore;
      nudges: NudgeStore;
      audit: AuditLog;
      clock: Clock;
    },
  ) {}

  async isAdmin(caller: Learner): Promise<boolean> {
    if (this.deps.configured.some((a) => a.tenantId === caller.tenantId && a.userId === caller.userId)) return true;
    return this.deps.admins.isAdmin(caller.tenantId, caller.userId);
  }

  /** An admin names another admin in their own tenant. */
  async addAdmin(caller: Learner & { displayName?: string }, userId: string): Promise<void> {
    await this.requireAdmin(caller);
    await this.deps.admins.add(caller.tenantId, userId, caller.userId, this.deps.clock().toISOString());
    await this.deps.audit.record({ tenantId: caller.tenantId, kind: 'admin_granted', actor: actorOf(caller), subject: { userId } });
  }

  async report(caller: Learner, weeks: DashboardPeriod): Promise<ReportRow[]> {
    await this.requireAdmin(caller);
    const teams = await this.deps.teams.listTenantTeams(caller.tenantId);
    const inputs = await Promise.all(
      teams.map(async (settings) => {
        const [team, rollups, votes, nudges] = await Promise.all([
          this.deps.teams.readTeam(caller.tenantId, settings.teamId),
          this.deps.rollups.listTeam(caller.tenantId, settings.teamId),
          this.deps.shares.listTeamVotes(caller.tenantId, settings.teamId),
          this.deps.nudges.listTeam(caller.tenantId, settings.teamId, NUDGE_HISTORY),
        ]);
        return {
          teamId: settings.teamId,
          name: settings.name,
          zone: settings.schedule?.timeZone ?? 'UTC',
          members: team.members.map((m) => ({ userId: m.userId, displayName: m.displayName, role: m.role, joinedAt: m.joinedAt })),
          rollups,
          ratingTimes: votes.filter((v) => v.rating !== null).map((v) => Date.parse(v.at)),
          nudges: nudges.map(nudgeFact),
        };
      }),
    );
    return accountabilityReport(inputs, weeks, this.deps.clock());
  }

  /** The report as a file: recorded before it is made, so no copy leaves unaccounted for. */
  async reportCsv(caller: Learner & { displayName?: string }, weeks: DashboardPeriod): Promise<string> {
    await this.requireAdmin(caller);
    await this.deps.audit.record({
      tenantId: caller.tenantId,
      kind: 'export_downloaded',
      actor: actorOf(caller),
      detail: { export: 'report', weeks },
    });
    return reportCsv(await this.report(caller, weeks));
  }

  private async requireAdmin(caller: Learner): Promise<void> {
    if (!(await this.isAdmin(caller))) throw new NotAllowedError('Only L&D admins can do this.');
  }
}
