import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import {
  oneToOneItemBody,
  type MyOneToOnesResponse,
  type OneToOneItemResponse,
  type OneToOneListResponse,
} from '../contract/one-to-one.js';
import type { ApiDeps } from './api-router.js';
import { teamIdParam, userIdParam } from './api-params.js';
import { callerOf } from './caller-identity.js';
import { parse } from './route-helpers.js';

const itemIdParam = z.string().regex(/^[A-Za-z0-9-]{8,64}$/, 'is not an item id');

/**
 * 1:1 lists: the learner's own (one per lead), and one pair's list, which only its lead and its
 * member may read or change (the service checks who the caller is in the team before anything).
 */
export function oneToOneRoutes(deps: ApiDeps): Router {
  const router = Router();
  // The pair first: a caller who is neither of the two learns nothing, not even what a bad body is.
  const pairOf = (req: Request, res: Response) =>
    deps.oneToOne.accessOf(
      callerOf(res),
      parse(teamIdParam, req.params.teamId, 'team id'),
      parse(userIdParam, req.params.leadId, 'lead id'),
      parse(userIdParam, req.params.memberId, 'member id'),
    );

  router.get('/me/one-to-ones', async (_req, res) => {
    res.json({ lists: await deps.oneToOne.mine(callerOf(res)) } satisfies MyOneToOnesResponse);
  });

  router.get('/teams/:teamId/one-to-ones/:leadId/:memberId', async (req, res) => {
    res.json({ list: await deps.oneToOne.list(await pairOf(req, res)) } satisfies OneToOneListResponse);
  });

  router.post('/teams/:teamId/one-to-ones/:leadId/:memberId/items', async (req, res) => {
    const pair = await pairOf(req, res);
    const input = parse(oneToOneItemBody, req.body, 'item', { field: 'topic' });
    const item = await deps.oneToOne.add(pair, input);
    res.status(201).json({ item } satisfies OneToOneItemResponse);
  });

  router.put('/teams/:teamId/one-to-ones/:leadId/:memberId/items/:itemId/ticked', async (req, res) => {
    const pair = await pairOf(req, res);
    const itemId = parse(itemIdParam, req.params.itemId, 'item id');
    res.json({ item: await deps.oneToOne.tick(pair, itemId) } satisfies OneToOneItemResponse);
  });

  return router;
}
