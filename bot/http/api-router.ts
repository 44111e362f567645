import { Router } from 'express';
import { z } from 'zod';
import type { LearningLogService } from '../services/learning-log-service.js';
import type { PeopleService } from '../services/people-service.js';
import { NotAllowedError, type TeamService } from '../services/team-service.js';
import { ApiError } from './api-error.js';
import { callerIdentity, callerOf, type IdentityMode } from './caller-identity.js';

export interface ApiDeps {
  identity: IdentityMode;
  learningLog: LearningLogService;
  people: PeopleService;
  teams: TeamService;
  /** Local mode lists demo identities for the tab's picker; production never does. */
  localTenantIds?: string[];
}

const entriesQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().min(1).max(2000).optional(),
});

export function apiRouter(deps: ApiDeps): Router {
  const router = Router();

  if (deps.localTenantIds) {
    const tenants = deps.localTenantIds;
    router.get('/local/identities', async (_req, res) => {
      const people = (await Promise.all(tenants.map((t) => deps.people.peopleInTenant(t)))).flat();
      res.json({
        identities: people.map((p) => ({ tenantId: p.tenantId, userId: p.userId, displayName: p.displayName })),
      });
    });
  }

  router.use(callerIdentity(deps.identity));

  router.get('/me', (_req, res) => {
    const { tenantId, userId, displayName } = callerOf(res);
    res.json({ tenantId, userId, displayName });
  });

  router.get('/me/entries', async (req, res) => {
    const query = parse(entriesQuery, req.query, 'query');
    const page = await deps.learningLog.listMine(callerOf(res), {
      limit: query.limit,
      ...(query.cursor ? { cursor: query.cursor } : {}),
    });
    res.json(page);
  });

  const teamIdParam = z.string().min(1).max(200);

  router.get('/teams/:teamId/settings', async (req, res) => {
    const teamId = parse(teamIdParam, req.params.teamId, 'team id');
    const { settings, role } = await asApiError(() => deps.teams.settingsFor(callerOf(res), teamId));
    res.json({ settings, role });
  });

  router.get('/teams/:teamId/members', async (req, res) => {
    const teamId = parse(teamIdParam, req.params.teamId, 'team id');
    const caller = callerOf(res);
    const members = await asApiError(() =>
      deps.teams.rosterFor(caller, teamId, async (userId) => (await deps.people.profile({ tenantId: caller.tenantId, userId }))?.pausedAt),
    );
    res.json({ members });
  });

  router.put('/teams/:teamId/settings', async (req, res) => {
    const teamId = parse(teamIdParam, req.params.teamId, 'team id');
    const result = await asApiError(() => deps.teams.updateSchedule(callerOf(res), teamId, req.body));
    if (!result.ok) {
      throw new ApiError(400, 'invalid_settings', `Invalid settings: ${Object.values(result.errors).join('; ')}`, result.errors);
    }
    res.json({ settings: result.settings });
  });

  router.use((_req, _res, next) => next(new ApiError(404, 'not_found', 'No such API route.')));
  return router;
}

/** Not a member, not a lead: 403, saying which. */
async function asApiError<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof NotAllowedError) throw new ApiError(403, 'forbidden', error.message);
    throw error;
  }
}

function parse<T>(schema: z.ZodType<T>, input: unknown, where: string): T {
  const result = schema.safeParse(input);
  if (!result.success) {
    throw new ApiError(
      400,
      'invalid_request',
      `Invalid ${where}: ${result.error.issues.map((i) => `${i.path.join('.') || where} ${i.message}`).join('; ')}`,
      result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    );
  }
  return result.data;
}
