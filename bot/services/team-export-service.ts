import type { CsvValue } from '../contract/csv-cell.js';
import { leadsOfTeamMaySee, writtenSinceJoining } from '../domain/entry-visibility.js';
import { periodWeeks, weekSpan } from '../domain/member-rollup.js';
import {
  TEAM_EXPORT_COLUMNS,
  entryExportRow,
  followUpExportRow,
  goalExportRow,
  participationRows,
  type ExportMember,
} from '../domain/team-export-csv.js';
import { teamExportFilename, type TeamExportKind } from '../contract/team-export.js';
import type { EntryStore } from '../store/entry-store.js';
import type { GoalStore } from '../store/goal-store.js';
import type { NudgeStore } from '../store/nudge-store.js';
import type { RollupStore } from '../store/rollup-store.js';
import type { TeamStore } from '../store/team-store.js';
import type { Clock, Learner } from './learner.js';
import { NotAllowedError } from '../domain/errors.js';
import type { AuditLog } from './audit-log.js';

export interface TeamExport {
  filename: string;
  /** The header, then one row at a time as storage yields them: nothing holds the whole file. */
  rows: AsyncIterable<readonly CsvValue[]>;
}

/** A team's nudges are a few a week at most: a year of them reads whole. */
const MAX_FOLLOW_UPS = 100_000;

/**
 * A team's records for its leads as CSV rows: entries (only those each member let leads see),
 * weekly participation, goals and follow-ups, over the dashboard's periods. Entries and goals are
 * only those written since the member joined the team. Whether the caller may have it is settled
 * before the first row, so a refusal is a clean 403, never a cut file.
 */
export class TeamExportService {
  constructor(
    private readonly deps: {
      teams: Pick<TeamStore, 'readTeam'>;
      entries: Pick<EntryStore, 'streamBetween'>;
      rollups: Pick<RollupStore, 'listTeam'>;
      goals: Pick<GoalStore, 'listForUser'>;
      nudges: Pick<NudgeStore, 'listTeam'>;
      audit: AuditLog;
      clock: Clock;
    },
  ) {}

  async open(lead: Learner, teamId: string, kind: TeamExportKind, weeks: number): Promise<TeamExport> {
    const { settings, members } = await this.deps.teams.readTeam(lead.tenantId, teamId);
    const caller = members.find((m) => m.userId === lead.userId);
    if (!settings || caller?.role !== 'lead') throw new NotAllowedError('Only the team’s leads can export its records.');
    // Recorded before the first row is made: no export leaves unaccounted for.
    await this.deps.audit.record({
      tenantId: lead.tenantId,
      kind: 'export_downloaded',
      actor: { userId: lead.userId, displayName: caller.displayName },
      teamId,
      detail: { export: kind, weeks },
    });
    const now = this.deps.clock();
    const zone = settings.schedule?.timeZone ?? 'UTC';
    const period = periodWeeks(now, weeks, zone);
    const from = weekSpan(period[0]!.week, zone).start;
    // Each member's joining time stays with them: the team's leads see only what was written since.
    const roster: (ExportMember & { joinedAt: string })[] = members
      .map((m) => ({ userId: m.userId, displayName: m.displayName, joinedAt: m.joinedAt }))
      .sort((a, b) => a.displayName.localeCompare(b.displayName));
    const { tenantId } = lead;
    const d = this.deps;

    async function* body(): AsyncGenerator<readonly CsvValue[]> {
      yield TEAM_EXPORT_COLUMNS[kind];
      if (kind === 'entries') {
        for (const m of roster) {
          const since = new Date(Math.max(from.getTime(), Date.parse(m.joinedAt) || now.getTime()));
          for await (const e of d.entries.streamBetween(tenantId, m.userId, since, now))
            if (leadsOfTeamMaySee(e.visibility, e.createdAt, m.joinedAt)) yield entryExportRow(m, e);
        }
      } else if (kind === 'participation') {
        const rollups = new Map((await d.rollups.listTeam(tenantId, teamId)).map((r) => [r.userId, r]));
        for (const m of roster) yield* participationRows(m, rollups.get(m.userId), period, now);
      } else if (kind === 'goals') {
        // A goal belongs to the learner, not the team: those made before the period and still open count too.
        for (const m of roster) {
          for (const goal of await d.goals.listForUser(tenantId, m.userId)) {
            if (!writtenSinceJoining(goal.createdAt, m.joinedAt)) continue;
            if (goal.closedAt === null || Date.parse(goal.closedAt) >= from.getTime()) yield goalExportRow(m, goal, now, zone);
          }
        }
      } else {
        for (const n of await d.nudges.listTeam(tenantId, teamId, MAX_FOLLOW_UPS, from)) yield followUpExportRow(n);
      }
    }
    return { filename: teamExportFilename(kind, settings.name, weeks), rows: body() };
  }
}
