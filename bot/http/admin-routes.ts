import { Router } from 'express';
import { z } from 'zod';
import { AUDIT_KINDS, AUDIT_PERSON_MAX, type AuditKind } from '../contract/audit.js';
import type { ApiDeps } from './api-router.js';
import { reportMoreQuery, teamIdParam, userIdParam, weeksQuery } from './api-params.js';
import { callerOf } from './caller-identity.js';
import { sendCsv } from './csv-response.js';
import { ldSettingsRoutes } from './ld-settings-routes.js';
import { lrsRoutes } from './lrs-routes.js';
import { parse } from './route-helpers.js';

/** A blank filter (`?person=`) is as good as none: the tab's filters send what the admin left empty. */
const blankIsNone = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

/** What the audit trail is narrowed to; the CSV takes the same without a cursor. */
const auditFilterQuery = z.strictObject({
  person: z.preprocess(
    blankIsNone,
    z
      .string()
      .trim()
      .max(AUDIT_PERSON_MAX)
      // Names and ids hold no control characters, and a lone surrogate cannot be sent to storage.
      .refine((p) => !/[\u0000-\u001f\u007f]|\p{Cs}/u.test(p), 'is not a name or user id')
      .optional(),
  ),
  kind: z.preprocess(
    blankIsNone,
    z
      .string()
      .refine((k): k is AuditKind => (AUDIT_KINDS as readonly string[]).includes(k), `must be one of ${AUDIT_KINDS.join(', ')}`)
      .optional(),
  ),
});
const auditPageQuery = auditFilterQuery.extend({
  cursor: z.preprocess((v) => (v === '' ? undefined : v), z.string().min(1).max(2000).optional()),
});

/** Drops the filters not given, so services see only what was asked. */
function given<T extends Record<string, unknown>>(query: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined)) as { [K in keyof T]?: Exclude<T[K], undefined> };
}

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

  // The audit trail is read here and nowhere written: no route changes or deletes an event.
  router.get('/admin/audit', async (req, res) => {
    const query = given(parse(auditPageQuery, req.query, 'query'));
    res.set('Cache-Control', 'no-store').json(await deps.audit.list(callerOf(res), query));
  });

  router.get('/admin/audit.csv', async (req, res) => {
    const query = given(parse(auditFilterQuery, req.query, 'query'));
    const file = await deps.audit.csv(callerOf(res), query);
    await sendCsv(res, file.filename, file.rows, (err) => deps.logger?.error({ err }, 'the audit trail CSV stopped part way'));
  });

  router.use(ldSettingsRoutes(deps));
  router.use(lrsRoutes(() => deps.lrs, { localEndpoints: deps.localMode ?? false }));
  return router;
}
