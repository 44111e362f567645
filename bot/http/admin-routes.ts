import { Router } from 'express';
import type { ApiDeps } from './api-router.js';
import { userIdParam, weeksQuery } from './api-params.js';
import { callerOf } from './caller-identity.js';
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
    res.json({ weeks, rows: await deps.reports.report(callerOf(res), weeks) });
  });

  router.get('/admin/report.csv', async (req, res) => {
    const { weeks } = parse(weeksQuery, req.query, 'query');
    const csv = await deps.reports.reportCsv(callerOf(res), weeks);
    res.type('text/csv; charset=utf-8').attachment(`learning-loop-report-${weeks}-weeks.csv`).send(csv);
  });

  router.use(lrsRoutes(() => deps.lrs, { localEndpoints: deps.localMode ?? false }));
  return router;
}
