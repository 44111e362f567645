import { Router } from 'express';
import type { ApiDeps } from './api-router.js';
import { reportMoreQuery, teamIdParam, userIdParam, weeksQuery } from './api-params.js';
import { callerOf } from './caller-identity.js';
import { sendCsv } from './csv-response.js';
import { lrsRoutes } from './lrs-routes.js';
import { parse } from './route-helpers.js';

/** The organisation's L&D admins: who they are, the organisation's report and its Learning Record Store. */
export function adminRoutes(deps: ApiDeps): Router {
  const router = Router();

  router.get('/admin/me', async (_req, res) => {
    res.json({ isAdmin: await deps.reports.isAdmin(callerOf(res)) });
  });

  router.put('/admin/admins/:userId', async (req, res) => {
    const userId = parse(userIdParam, req.params.userId, 'user id');
    await deps.reports.addAdmin(callerOf(res), userId);
    res.status(204).end();
  });

  router.get('/admin/report', async (req, res) => {
    const { weeks } = parse(weeksQuery, req.query, 'query');
    res.json(await deps.reports.report(callerOf(res), weeks));
  });

  router.get('/admin/report/teams', async (req, res) => {
    const { weeks, cursor } = parse(reportMoreQuery, req.query, 'query');
    res.json(await deps.reports.reportTeams(callerOf(res), weeks, cursor));
  });

  router.get('/admin/report/leads', async (req, res) => {
    const { weeks, cursor } = parse(reportMoreQuery, req.query, 'query');
    res.json(await deps.reports.reportLeads(callerOf(res), weeks, cursor));
  });

  router.get('/admin/report/teams/:teamId', async (req, res) => {
    const teamId = parse(teamIdParam, req.params.teamId, 'team id');
    const { weeks } = parse(weeksQuery, req.query, 'query');
    res.json(await deps.reports.teamReport(callerOf(res), weeks, teamId));
  });

  router.get('/admin/report.csv', async (req, res) => {
    const { weeks } = parse(weeksQuery, req.query, 'query');
    const csv = await deps.reports.reportCsv(callerOf(res), weeks);
    await sendCsv(res, csv.filename, csv.rows, (err) => deps.logger?.error({ err }, 'the report download stopped part way'));
  });

  router.use(lrsRoutes(() => deps.lrs, { localEndpoints: deps.localMode ?? false }));
  return router;
}
