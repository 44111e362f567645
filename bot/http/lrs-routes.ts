import type { Router } from 'express';
import { z } from 'zod';
import type { LrsAdminService } from '../services/lrs-admin-service.js';
import { callerOf } from './caller-identity.js';
import { asApiError, parse } from './route-helpers.js';

/** These routes take nothing: any body they are sent is refused, not ignored. */
const noBody = z.strictObject({});

/**
 * L&D admins' routes for the Learning Record Store, declared on the API router itself (so the
 * route guards see them). The service is looked up per request: only the handlers use it.
 */
export function lrsRoutes(router: Router, lrs: () => LrsAdminService): void {
  router.get('/admin/lrs', async (_req, res) => {
    res.json({ settings: await asApiError(() => lrs().settingsFor(callerOf(res))) });
  });

  router.put('/admin/lrs', async (req, res) => {
    res.json({ settings: await asApiError(() => lrs().save(callerOf(res), req.body)) });
  });

  router.delete('/admin/lrs', async (req, res) => {
    parse(noBody, req.body ?? {}, 'body');
    await asApiError(() => lrs().remove(callerOf(res)));
    res.status(204).end();
  });

  router.get('/admin/lrs/status', async (_req, res) => {
    res.json(await asApiError(() => lrs().status(callerOf(res))));
  });

  // 202 when this call started it; 200 with its progress when it was started before.
  router.post('/admin/lrs/backfill', async (req, res) => {
    parse(noBody, req.body ?? {}, 'body');
    const answer = await asApiError(() => lrs().backfill(callerOf(res)));
    res.status(answer.started ? 202 : 200).json(answer);
  });
}
