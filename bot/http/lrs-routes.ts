import { Router } from 'express';
import { z } from 'zod';
import { lrsSettingsBody } from '../domain/xapi/lrs-settings.js';
import type { LrsAdminService } from '../services/lrs-admin-service.js';
import { callerOf } from './caller-identity.js';
import { parse } from './route-helpers.js';

/** These routes take nothing: any body they are sent is refused, not ignored. */
const noBody = z.strictObject({});

/**
 * L&D admins' routes for the Learning Record Store. The service is looked up per request: only
 * the handlers use it. `localEndpoints`: local mode may name a plain-http LRS stand-in on this
 * machine; production only a public https address.
 */
export function lrsRoutes(lrs: () => LrsAdminService, { localEndpoints }: { localEndpoints: boolean }): Router {
  const router = Router();
  const settingsBody = lrsSettingsBody({ allowHttp: localEndpoints, allowPrivate: localEndpoints });

  router.get('/admin/lrs', async (_req, res) => {
    res.json({ settings: await lrs().settingsFor(callerOf(res)) });
  });

  router.put('/admin/lrs', async (req, res) => {
    const settings = parse(settingsBody, req.body ?? {}, 'LRS settings', { code: 'invalid_lrs_settings', field: 'body' });
    res.json({ settings: await lrs().save(callerOf(res), settings) });
  });

  router.delete('/admin/lrs', async (req, res) => {
    parse(noBody, req.body ?? {}, 'body');
    await lrs().remove(callerOf(res));
    res.status(204).end();
  });

  router.get('/admin/lrs/status', async (_req, res) => {
    res.json(await lrs().status(callerOf(res)));
  });

  // 202 when this call started it; 200 with its progress when it was started before.
  router.post('/admin/lrs/backfill', async (req, res) => {
    parse(noBody, req.body ?? {}, 'body');
    const answer = await lrs().backfill(callerOf(res));
    res.status(answer.started ? 202 : 200).json(answer);
  });

  return router;
}
