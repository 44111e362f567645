import type { ReportRow } from '../contract/report.js';
import type { ResourceView } from '../contract/share-view.js';
import { accountabilityReport } from '../domain/accountability-report.js';
import { nudgeFact } from '../domain/leader-metrics.js';
import { figuresOf, mostSaved, resourcesOf, topRated, type RankedResource } from '../domain/resource-ranking.js';
import type { FollowUpStore } from '../store/follow-up-store.js';
import type { NudgeStore } from '../store/nudge-store.js';
import type { RollupStore } from '../store/rollup-store.js';
import type { ShareStore } from '../store/share-store.js';
import type { TeamStore } from '../store/team-store.js';

/**
 * The organisation figures as the service once computed them on every request: every team of the
 * tenant read at once, the whole report built in memory, every share and mark of the tenant scanned.
 * Kept only as the reference the figures job is checked against; it does not scale.
 */
export interface OracleStores {
  teams: TeamStore;
  rollups: RollupStore;
  shares: ShareStore;
  nudges: NudgeStore;
  followUps: FollowUpStore;
}

const DAY_MS = 86_400_000;

export async function wholeTenantReport(
  stores: OracleStores,
  tenantId: string,
  weeks: number,
  now: Date,
  followUpDays = 7,
): Promise<ReportRow[]> {
  const teams = await stores.teams.listTenantTeams(tenantId);
  const inputs = await Promise.all(
    teams.map(async (settings) => {
      const [team, rollups, votes, nudges] = await Promise.all([
        stores.teams.readTeam(tenantId, settings.teamId),
        stores.rollups.listTeam(tenantId, settings.teamId),
        stores.shares.listTeamVotes(tenantId, settings.teamId),
        stores.nudges.listTeam(tenantId, settings.teamId, 1000),
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
  const rows = accountabilityReport(inputs, weeks, now);
  return Promise.all(rows.map((row) => (row.week === 'all' ? againstExpectation(stores, tenantId, row, now, followUpDays) : row)));
}

/**
 * Every follow-up of the team read, open or closed, and counted the plainest way: one is overdue
 * when still open more than `days` after it opened; a lead's are those not about them.
 */
async function againstExpectation(stores: OracleStores, tenantId: string, row: ReportRow, now: Date, days: number): Promise<ReportRow> {
  const all = [
    ...(await stores.followUps.listTeam(tenantId, row.teamId, 'open', 100_000)),
    ...(await stores.followUps.listTeam(tenantId, row.teamId, 'closed', 100_000)),
  ];
  const overdue = all.filter((f) => f.closed === null && now.getTime() - Date.parse(f.openedAt) > days * DAY_MS);
  const leads = (row.leads ?? []).map((l) => ({ ...l, overdue: overdue.filter((f) => f.learnerId !== l.leadId).length }));
  return { ...row, leads, expectation: { overdue: overdue.length, leadsBehind: leads.filter((l) => l.overdue > 0).length } };
}

export async function wholeTenantTopResources(
  shareStore: ShareStore,
  tenantId: string,
  limit: number,
): Promise<{ topRated: ResourceView[]; mostSaved: ResourceView[] }> {
  const { shares, votes } = await shareStore.listTenant(tenantId);
  const live = new Map(shares.filter((s) => !s.withdrawnAt && s.resourceKey).map((s) => [`${s.teamId}\u0000${s.shareId}`, s]));
  const teamOfVote = (v: { teamKey: string }) => decodeURIComponent(v.teamKey.split('|')[1] ?? '');
  const facts = votes
    .filter((v) => live.has(`${teamOfVote(v)}\u0000${v.shareId}`) && v.resourceKey)
    .map((v) => ({ resourceKey: v.resourceKey!, userId: v.userId, rating: v.rating, saved: v.saved, at: Date.parse(v.at) }));
  const figures = figuresOf(facts);
  const about = resourcesOf([...live.values()]);
  const view = (r: RankedResource): ResourceView[] => {
    const known = about.get(r.resourceKey);
    return known
      ? [
          {
            resourceKey: r.resourceKey,
            ...known,
            averageRating: r.averageRating,
            ratingCount: r.ratingCount,
            score: r.score,
            saves: r.saves,
          },
        ]
      : [];
  };
  return { topRated: topRated(figures, limit).flatMap(view), mostSaved: mostSaved(figures, limit).flatMap(view) };
}
