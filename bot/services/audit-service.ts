import type { AuditPageResponse } from '../contract/api.js';
import { AUDIT_PAGE_SIZE, auditCsvFilename, type AuditEventView } from '../contract/audit.js';
import type { CsvValue } from '../contract/csv-cell.js';
import { AUDIT_CSV_COLUMNS, auditCsvRow } from '../domain/audit-trail.js';
import { NotAllowedError } from '../domain/errors.js';
import type { AuditFilter, AuditRecord, AuditStore } from '../store/audit-store.js';
import type { TeamStore } from '../store/team-store.js';
import type { AuditEvent, AuditKind, AuditLog, AuditPerson, RecentAudit } from './audit-log.js';
import type { Clock, Learner } from './learner.js';

/**
 * When to record, relative to the action (every hook follows this):
 * - an action that shows or hands over other people's data (an export, a lead reading a member's
 *   entries, the report's CSV) records first: if the record cannot be written, nothing is shown
 *   and the caller gets 503, so nothing is ever read unaccounted for;
 * - a change (admins, LRS settings, an erasure) records once it has happened, so the trail never
 *   claims a change that failed. Should the record then fail, the caller gets 503 for a change that
 *   did happen; the change is safe to repeat, and repeating it records it.
 * Recording is part of the action, never fire-and-forget: a trail that silently misses events
 * when storage hiccups accounts for nothing.
 */
export class AuditService implements AuditLog, RecentAudit {
  constructor(
    private readonly deps: {
      trail: Pick<AuditStore, 'add' | 'page' | 'stream' | 'recentBy'>;
      admins: { isAdmin(caller: Learner): Promise<boolean> };
      teams: Pick<TeamStore, 'getSettings'>;
      clock: Clock;
    },
  ) {}

  async record(event: AuditEvent): Promise<void> {
    await this.deps.trail.add(event, this.deps.clock());
  }

  recentBy(tenantId: string, actorId: string, kind: AuditKind, since: Date): AsyncIterable<AuditRecord> {
    return this.deps.trail.recentBy(tenantId, actorId, kind, since);
  }

  /** A page of the tenant's trail, newest first, for its L&D admins. */
  async list(caller: Learner, filter: AuditFilter & { cursor?: string }): Promise<AuditPageResponse> {
    await this.requireAdmin(caller);
    const { cursor, ...only } = filter;
    const page = await this.deps.trail.page(caller.tenantId, only, { limit: AUDIT_PAGE_SIZE, ...(cursor ? { cursor } : {}) });
    const names = new TeamNames(this.deps.teams, caller.tenantId);
    return { events: await Promise.all(page.events.map((e) => names.view(e))), nextCursor: page.nextCursor };
  }

  /** The filtered trail as CSV rows; whether the caller may have it is settled before the first row. */
  async csv(caller: Learner, filter: AuditFilter): Promise<{ filename: string; rows: AsyncIterable<readonly CsvValue[]> }> {
    await this.requireAdmin(caller);
    const events = this.deps.trail.stream(caller.tenantId, filter);
    const names = new TeamNames(this.deps.teams, caller.tenantId);
    async function* rows(): AsyncGenerator<readonly CsvValue[]> {
      yield AUDIT_CSV_COLUMNS;
      for await (const event of events) yield auditCsvRow(await names.view(event));
    }
    return { filename: auditCsvFilename(this.deps.clock()), rows: rows() };
  }

  private async requireAdmin(caller: Learner): Promise<void> {
    if (!(await this.deps.admins.isAdmin(caller))) throw new NotAllowedError('Only L&D admins can read the audit trail.');
  }
}

/** The caller as an event names them: the name the sign-in gave, when the route had one. */
export function actorOf(caller: Learner & { displayName?: string }): AuditPerson {
  return { userId: caller.userId, ...(caller.displayName ? { displayName: caller.displayName } : {}) };
}

/** Teams' current names, each read once per listing: a tenant has thousands of teams at most, a page names a few. */
class TeamNames {
  private readonly names = new Map<string, Promise<string | undefined>>();
  constructor(
    private readonly teams: Pick<TeamStore, 'getSettings'>,
    private readonly tenantId: string,
  ) {}

  async view(event: AuditRecord): Promise<AuditEventView> {
    if (!event.teamId) return event;
    let name = this.names.get(event.teamId);
    if (!name) {
      name = this.teams.getSettings(this.tenantId, event.teamId).then((s) => s?.name);
      this.names.set(event.teamId, name);
    }
    const teamName = await name;
    return teamName ? { ...event, teamName } : event;
  }
}
