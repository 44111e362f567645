import type { ReportResponse } from '../bot/contract/report.js';
import type { TopResourcesResponse } from '../bot/contract/share-view.js';
import { figuresBySize } from './support/bench-settings.js';
import { BENCH_ADMIN, getWithToken, type OrgTenant } from './support/org-tenants.js';
import { readSeries } from './support/read-series.js';

/**
 * `orgReport`: the L&D report's first answer an admin's page asks for (`GET /admin/report?weeks=52`:
 * the organisation's totals and the first page of the team and lead tables), at each tenant size,
 * after the figures job's one pass; and one "Load more teams" page.
 */
export async function runOrgReport(tenants: readonly OrgTenant[], options: { runs: number }) {
  const bySize = [];
  for (const t of tenants) {
    const token = await t.tokenFor({ tenantId: t.tenantId, userId: BENCH_ADMIN });
    const first = await readSeries(t.proxy, options.runs, () => getWithToken(t.baseUrl, token, '/admin/report?weeks=52'));
    const report = JSON.parse(first.body) as ReportResponse;
    if (report.status !== 'ready') throw new Error(`the report for ${t.tenantId} is ${report.status}`);
    const cursor = report.teams.nextCursor;
    const more = cursor
      ? await readSeries(t.proxy, Math.min(options.runs, 20), () =>
          getWithToken(t.baseUrl, token, `/admin/report/teams?weeks=52&cursor=${encodeURIComponent(cursor)}`),
        )
      : undefined;
    bySize.push({
      learners: t.learners,
      teams: t.teams.length,
      generatedSeconds: Math.round(t.generatedSeconds),
      ...t.job,
      ...first.figures,
      teamRows: report.teams.rows.length,
      leadRows: report.leads.rows.length,
      ...(more
        ? {
            moreTeamsP95Ms: more.figures.p95Ms,
            moreTeamsStorageRequests: more.figures.storageRequests,
            moreTeamsPeakHeapAddedMb: more.figures.peakHeapAddedMb,
          }
        : {}),
    });
    console.log(`  ${t.learners} learners: ${JSON.stringify(bySize.at(-1))}`);
  }
  return figuresBySize(bySize);
}

/**
 * `orgTopResources`: the organisation's top resources as a member's tab asks for them
 * (`GET /teams/{teamId}/resources?scope=organisation`), at each tenant size, after the figures job's pass.
 */
export async function runOrgTopResources(tenants: readonly OrgTenant[], options: { runs: number }) {
  const bySize = [];
  for (const t of tenants) {
    const team = t.teams[0]!;
    const token = await t.tokenFor({ tenantId: t.tenantId, userId: team.members[0]! });
    const read = () => getWithToken(t.baseUrl, token, `/teams/${encodeURIComponent(team.teamId)}/resources?scope=organisation`);
    const measured = await readSeries(t.proxy, options.runs, read);
    const lists = JSON.parse(measured.body) as TopResourcesResponse;
    if (lists.preparing || lists.topRated.length === 0) throw new Error(`the organisation's top resources for ${t.tenantId} are empty`);
    bySize.push({
      learners: t.learners,
      teams: t.teams.length,
      ...t.job,
      ...measured.figures,
      topRated: lists.topRated.length,
      mostSaved: lists.mostSaved.length,
    });
    console.log(`  ${t.learners} learners: ${JSON.stringify(bySize.at(-1))}`);
  }
  return figuresBySize(bySize);
}
