import { Router } from 'express';
import { z } from 'zod';
import { ldSettingsBody } from '../contract/ld-settings.js';
import type { LdSettingsService } from '../services/ld-settings-service.js';
import type { ReportService } from '../services/report-service.js';
import { userIdParam } from './api-params.js';
import { callerOf } from './caller-identity.js';
import { parse } from './route-helpers.js';

/** The picker's search: a few letters of a name. */
const peopleQuery = z.strictObject({
  name: z
    .string()
    .trim()
    .min(1, 'Type a few letters of a name')
    .max(100)
    // Names hold no control characters, and a lone surrogate cannot be sent to storage.
    .refine((n) => !/[\u0000-\u001f\u007f]|\p{Cs}/u.test(n), 'is not a name'),
});

/** A person picked from those the app knows. */
const newAdminBody = z.strictObject({ userId: userIdParam });

/** L&D admins' settings: what is asked of leaders, the people picker, and naming or removing admins. */
export function ldSettingsRoutes(deps: { ldSettings: LdSettingsService; reports: ReportService }): Router {
  const router = Router();

  router.get('/admin/settings', async (_req, res) => {
    res.set('Cache-Control', 'no-store').json(await deps.ldSettings.settingsFor(callerOf(res)));
  });

  router.put('/admin/settings', async (req, res) => {
    const settings = parse(ldSettingsBody, req.body ?? {}, 'L&D settings', { code: 'invalid_ld_settings', field: 'body' });
    res.json(await deps.ldSettings.save(callerOf(res), settings));
  });

  router.get('/admin/people', async (req, res) => {
    const { name } = parse(peopleQuery, req.query, 'query');
    res.set('Cache-Control', 'no-store').json({ people: await deps.ldSettings.searchPeople(callerOf(res), name) });
  });

  router.post('/admin/settings/admins', async (req, res) => {
    const { userId } = parse(newAdminBody, req.body ?? {}, 'body');
    res.json(await deps.ldSettings.addAdmin(callerOf(res), userId));
  });

  router.delete('/admin/admins/:userId', async (req, res) => {
    const userId = parse(userIdParam, req.params.userId, 'user id');
    await deps.reports.removeAdmin(callerOf(res), userId);
    res.status(204).end();
  });

  return router;
}
