import type { DashboardPeriod } from '../contract/dashboard-view.js';
import type { LeadLine, ReportExpectations, ReportPage, ReportResponse, ReportRow, TeamReportResponse } from '../contract/report.js';
import { REPORT_CSV_COLUMNS, reportCsvRow } from '../contract/report-csv.js';
import type { CsvValue } from '../contract/csv-cell.js';
import type { AdminStore } from '../store/admin-store.js';
import type { FiguresPointer, OrgFiguresStore } from '../store/org-figures-store.js';
import type { OrgFiguresJob } from './org-figures-job.js';
import type { Clock, Learner } from './learner.js';
import { ConflictError, NotAllowedError, NotFoundError } from '../domain/errors.js';
import type { AuditLog } from './audit-log.js';
import { actorOf } from './audit-service.js';

/** How many teams, or leads, a page of the report's tables holds. */
export const REPORT_PAGE_SIZE = 50;

/**
 * The L&D admin's view across teams. Admins are named by the deployment's configuration or by an
 * existing admin; nobody else reads the cross-team report. The figures are the organisation figures
 * job's (org-figures-job.ts): each answer reads a few stored rows, whatever the organisation's size,
 * and says when they were computed.
 */
export class ReportService {
  constructor(
    private readonly deps: {
      admins: AdminStore;
      configured: readonly { tenantId: string; userId: string }[];
      figures: OrgFiguresStore;
      job: Pick<OrgFiguresJob, 'prepare'>;
      audit: AuditLog;
      clock: Clock;
      pageSize?: number;
      /** What L&D asks of leaders in the tenant (the L&D settings), shown against the figures. */
      expectations: (tenantId: string) => Promise<ReportExpectations>;
    },
  ) {}

  private get pageSize(): number {
    return this.deps.pageSize ?? REPORT_PAGE_SIZE;
  }

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

  /**
   * An admin removes an admin named in the app. Admins named by the deployment's configuration
   * stay, and the tenant's last admin is never removed: someone must be able to name the next.
   */
  async removeAdmin(caller: Learner & { displayName?: string }, userId: string): Promise<void> {
    await this.requireAdmin(caller);
    if (this.deps.configured.some((a) => a.tenantId === caller.tenantId && a.userId === userId))
      throw new ConflictError("This admin is named in the deployment's configuration and stays an admin.");
    const named = await this.deps.admins.list(caller.tenantId);
    if (!named.some((a) => a.userId === userId)) throw new NotFoundError('No such L&D admin.');
    const configured = this.deps.configured.filter((a) => a.tenantId === caller.tenantId).length;
    if (configured + named.length <= 1) throw new ConflictError('The last L&D admin cannot be removed.');
    await this.deps.admins.remove(caller.tenantId, userId);
    await this.deps.audit.record({ tenantId: caller.tenantId, kind: 'admin_removed', actor: actorOf(caller), subject: { userId } });
  }

  /** The organisation's totals and the first page of the team and lead tables, or "being prepared". */
  async report(caller: Learner, weeks: DashboardPeriod): Promise<ReportResponse> {
    await this.requireAdmin(caller);
    const current = await this.current(caller.tenantId);
    if (!current) {
      await this.deps.job.prepare(caller.tenantId);
      return { weeks, status: 'preparing' };
    }
    const { tenantId } = caller;
    const [totals, teams, leads, settings] = await Promise.all([
      this.deps.figures.totals(tenantId, current.generation, weeks),
      this.deps.figures.teamPage(tenantId, current.generation, weeks, this.pageSize),
      this.deps.figures.leadPage(tenantId, current.generation, weeks, this.pageSize),
      this.deps.expectations(tenantId),
    ]);
    // Totals are written before the generation is published, so a published one always has them.
    if (!totals) throw new Error(`organisation figures ${current.generation} have no totals for ${weeks} weeks`);
    const expectations = { followUpDays: settings.followUpDays, flagResponseBelow: settings.flagResponseBelow };
    return { weeks, status: 'ready', asOf: current.asOf, totals, teams, leads, expectations };
  }

  /** More of the team table, from where the last page ended. */
  async reportTeams(caller: Learner, weeks: DashboardPeriod, cursor: string): Promise<ReportPage<ReportRow>> {
    const current = await this.readable(caller);
    return this.deps.figures.teamPage(caller.tenantId, current.generation, weeks, this.pageSize, cursor);
  }

  /** More of the lead table, from where the last page ended. */
  async reportLeads(caller: Learner, weeks: DashboardPeriod, cursor: string): Promise<ReportPage<LeadLine>> {
    const current = await this.readable(caller);
    return this.deps.figures.leadPage(caller.tenantId, current.generation, weeks, this.pageSize, cursor);
  }

  /** One team's rows for the period: the whole period, then each week. */
  async teamReport(caller: Learner, weeks: DashboardPeriod, teamId: string): Promise<TeamReportResponse> {
    const current = await this.readable(caller);
    const rows = await this.deps.figures.teamRows(caller.tenantId, current.generation, weeks, teamId);
    if (!rows) throw new NotFoundError('The report has no such team.');
    return { weeks, asOf: current.asOf, rows };
  }

  /** The whole report as CSV rows (the header first), read from storage a page at a time. */
  async reportCsv(
    caller: Learner & { displayName?: string },
    weeks: DashboardPeriod,
  ): Promise<{ filename: string; rows: AsyncIterable<readonly CsvValue[]> }> {
    const current = await this.readable(caller);
    // Recorded before it is made, so no copy leaves unaccounted for.
    await this.deps.audit.record({
      tenantId: caller.tenantId,
      kind: 'export_downloaded',
      actor: actorOf(caller),
      detail: { export: 'report', weeks },
    });
    const rows = this.deps.figures.allTeamRows(caller.tenantId, current.generation, weeks);
    async function* lines(): AsyncGenerator<readonly CsvValue[]> {
      yield REPORT_CSV_COLUMNS;
      for await (const row of rows) yield reportCsvRow(row);
    }
    return { filename: `learning-loop-report-${weeks}-weeks.csv`, rows: lines() };
  }

  /**
   * The figures an admin reads beyond the report's first answer; before there are any it is a
   * conflict to retry later (the report itself starts their computation).
   */
  private async readable(caller: Learner): Promise<{ generation: string; asOf: string }> {
    await this.requireAdmin(caller);
    const current = await this.current(caller.tenantId);
    if (!current) throw new ConflictError('The organisation’s figures are being prepared; try again in a few minutes.');
    return current;
  }

  /** The published figures, if there are any yet. */
  private async current(tenantId: string): Promise<{ generation: string; asOf: string } | undefined> {
    const pointer: FiguresPointer | undefined = await this.deps.figures.pointer(tenantId);
    return pointer?.generation && pointer.asOf ? { generation: pointer.generation, asOf: pointer.asOf } : undefined;
  }

  private async requireAdmin(caller: Learner): Promise<void> {
    if (!(await this.isAdmin(caller))) throw new NotAllowedError('Only L&D admins can do this.');
  }
}
