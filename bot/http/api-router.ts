import { englishMessages } from '../i18n/bot-messages.js';
import { wordProblems } from '../domain/problem.js';
import { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import { IANAZone } from 'luxon';
import { DASHBOARD_PERIODS } from '../contract/dashboard-view.js';
import type { CheckInService } from '../services/check-in-service.js';
import type { DashboardService } from '../services/dashboard-service.js';
import type { LearningLogService } from '../services/learning-log-service.js';
import type { PeopleService } from '../services/people-service.js';
import type { TeamService } from '../services/team-service.js';
import type { NudgeService } from '../services/nudge-service.js';
import type { GoalService } from '../services/goal-service.js';
import type { ReportService } from '../services/report-service.js';
import type { CoachingService } from '../services/coaching-service.js';
import type { RecommendationService } from '../services/recommendation-service.js';
import type { SharingService } from '../services/sharing-service.js';
import { shareViewOf, type ShareLists } from '../services/share-lists.js';
import { RESOURCE_SCOPES, SHARE_SORTS } from '../contract/share-view.js';
import { ERASE_CONFIRMATION, isEraseConfirmation } from '../contract/my-data.js';
import type { MyDataService } from '../services/my-data-service.js';
import type { TeamExportService } from '../services/team-export-service.js';
import { TEAM_EXPORT_KINDS } from '../contract/team-export.js';
import type { Logger } from 'pino';
import { sendCsv } from './csv-response.js';
import { ApiError } from './api-error.js';
import { callerIdentity, callerOf, type IdentityMode } from './caller-identity.js';
import { lrsRoutes } from './lrs-routes.js';
import { asApiError, parse } from './route-helpers.js';
import type { LrsAdminService } from '../services/lrs-admin-service.js';

export interface ApiDeps {
  identity: IdentityMode;
  learningLog: LearningLogService;
  people: PeopleService;
  teams: TeamService;
  dashboards: DashboardService;
  checkIns: CheckInService;
  sharing: SharingService;
  shareLists: ShareLists;
  nudges: NudgeService;
  goals: GoalService;
  reports: ReportService;
  coaching: CoachingService;
  recommendations: RecommendationService;
  myData: MyDataService;
  /** The organisation's Learning Record Store: settings, status and the history backfill. */
  lrs: LrsAdminService;
  /** Local mode lists demo identities for the tab's picker; production never does. */
  localTenantIds?: string[];
  /** Runs once the caller is known: the per-caller rate limit. */
  limitCaller?: RequestHandler;
  teamExports: TeamExportService;
  /** For failures after a streamed download has begun, when no status can be sent any more. */
  logger?: Logger;
}

const dashboardQuery = z.strictObject({
  weeks: z.coerce
    .number()
    .refine(
      (n): n is (typeof DASHBOARD_PERIODS)[number] => (DASHBOARD_PERIODS as readonly number[]).includes(n),
      `must be one of ${DASHBOARD_PERIODS.join(', ')}`,
    )
    .default(12),
});

const teamExportFile = z.enum(
  TEAM_EXPORT_KINDS.map((k) => `${k}.csv` as const),
  `must be one of ${TEAM_EXPORT_KINDS.map((k) => `${k}.csv`).join(', ')}`,
);

const entryIdParam = z.string().regex(/^[A-Za-z0-9-]{8,64}$/, 'is not an entry id');

const mySettingsBody = z.strictObject({
  paused: z.boolean().optional(),
  timeZone: z
    .string()
    .refine((tz) => IANAZone.isValidZone(tz), 'must be a time zone such as Europe/London')
    .nullable()
    .optional(),
});

const entriesQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().min(1).max(2000).optional(),
});

// Entra object ids (GUIDs), or Teams ids ("29:…") where Teams gives none: never spaces, quotes, markup or slashes.
const userIdParam = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9:@._=+-]{0,199}$/, 'is not a user id');
const roleBody = z.strictObject({ role: z.enum(['lead', 'member']) });

const sharesQuery = z.strictObject({ sort: z.enum(SHARE_SORTS).default('newest') });
const resourcesQuery = z.strictObject({ scope: z.enum(RESOURCE_SCOPES).default('team') });
const shareIdParam = z.string().regex(/^[A-Za-z0-9-]{8,64}$/, 'is not a share id');
/** Erasing needs the phrase typed, as the tab's dialog and the bot's card ask for it: nothing else will do. */
const eraseBody = z.strictObject({ confirm: z.string().max(100) });
const recIdParam = z.string().regex(/^[A-Za-z0-9-]{8,64}$/, 'is not a recommendation id');
const myVoteBody = z
  .strictObject({
    helpful: z.boolean().optional(),
    saved: z.boolean().optional(),
    rating: z.number().int().min(1).max(5).nullable().optional(),
  })
  .refine((b) => b.helpful !== undefined || b.saved !== undefined || b.rating !== undefined, 'must set helpful, saved or rating');

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
  if (deps.limitCaller) router.use(deps.limitCaller);

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

  router.patch('/me/entries/:entryId', async (req, res) => {
    const entryId = parse(entryIdParam, req.params.entryId, 'entry id');
    const result = await deps.learningLog.editMine(callerOf(res), entryId, req.body);
    if (result.status === 'not_found') throw new ApiError(404, 'not_found', 'You have no entry with that id.');
    if (result.status === 'invalid') {
      throw new ApiError(400, 'invalid_entry', `Invalid entry: ${Object.values(result.errors).join('; ')}`, result.errors);
    }
    const { tenantId: _t, userId: _u, ...entry } = result.entry;
    res.json({ entry });
  });

  router.delete('/me/entries/:entryId', async (req, res) => {
    const entryId = parse(entryIdParam, req.params.entryId, 'entry id');
    if (!(await deps.learningLog.deleteMine(callerOf(res), entryId)))
      throw new ApiError(404, 'not_found', 'You have no entry with that id.');
    res.status(204).end();
  });

  router.get('/me/summary', async (_req, res) => {
    const caller = callerOf(res);
    const profile = await deps.people.profile(caller);
    const [streak, month] = await Promise.all([deps.checkIns.streak(caller), deps.learningLog.monthOf(caller, profile?.timeZone ?? 'UTC')]);
    res.json({ streak, minutesThisMonth: month.minutes, entriesThisMonth: month.entries, month: month.month });
  });

  router.get('/me/settings', async (_req, res) => {
    res.json(await deps.people.settingsOf(callerOf(res)));
  });

  router.put('/me/settings', async (req, res) => {
    const body = parse(mySettingsBody, req.body, 'settings');
    res.json(await deps.people.updateSettings(callerOf(res), body));
  });

  router.get('/me/teams', async (_req, res) => {
    res.json({ teams: await deps.teams.teamsFor(callerOf(res)) });
  });

  const teamIdParam = z.string().min(1).max(200);

  router.get('/teams/:teamId/dashboard', async (req, res) => {
    const teamId = parse(teamIdParam, req.params.teamId, 'team id');
    const { weeks } = parse(dashboardQuery, req.query, 'query');
    res.json(await asApiError(() => deps.dashboards.dashboardFor(callerOf(res), teamId, weeks)));
  });

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

  router.put('/teams/:teamId/members/:userId/role', async (req, res) => {
    const teamId = parse(teamIdParam, req.params.teamId, 'team id');
    const userId = parse(userIdParam, req.params.userId, 'user id');
    const { role } = parse(roleBody, req.body, 'role');
    const member = await asApiError(() => deps.teams.setRole(callerOf(res), teamId, userId, role));
    res.json({ member: { userId: member.userId, displayName: member.displayName, role: member.role } });
  });

  router.post('/teams/:teamId/members/:userId/nudges', async (req, res) => {
    const teamId = parse(teamIdParam, req.params.teamId, 'team id');
    const userId = parse(userIdParam, req.params.userId, 'user id');
    const { tenantId: _tenant, ...nudge } = await asApiError(() => deps.nudges.nudge(callerOf(res), teamId, userId, req.body));
    res.status(201).json({ nudge });
  });

  router.get('/teams/:teamId/nudges', async (req, res) => {
    const teamId = parse(teamIdParam, req.params.teamId, 'team id');
    const nudges = await asApiError(() => deps.nudges.historyFor(callerOf(res), teamId));
    res.json({ nudges: nudges.map(({ tenantId: _tenant, ...n }) => n) });
  });

  router.post('/teams/:teamId/shares/:shareId/coaching', async (req, res) => {
    const teamId = parse(teamIdParam, req.params.teamId, 'team id');
    const shareId = parse(shareIdParam, req.params.shareId, 'share id');
    res.status(201).json({ note: await asApiError(() => deps.coaching.coach(callerOf(res), teamId, shareId, req.body)) });
  });

  // The leads' view of one member's log: only what the member let their leads see.
  router.get('/teams/:teamId/members/:userId/entries', async (req, res) => {
    const teamId = parse(teamIdParam, req.params.teamId, 'team id');
    const userId = parse(userIdParam, req.params.userId, 'user id');
    const query = parse(entriesQuery, req.query, 'query');
    const page = await asApiError(() =>
      deps.learningLog.listForLead(callerOf(res), teamId, userId, {
        limit: query.limit,
        ...(query.cursor ? { cursor: query.cursor } : {}),
      }),
    );
    res.json({
      entries: page.entries.map(({ tenantId: _t, userId: _u, ...entry }) => entry),
      nextCursor: page.nextCursor,
      member: page.member,
    });
  });

  // A lead's downloads, streamed: entries (what members let leads see), participation, goals, follow-ups.
  router.get('/teams/:teamId/exports/:file', async (req, res) => {
    const teamId = parse(teamIdParam, req.params.teamId, 'team id');
    const file = parse(teamExportFile, req.params.file, 'export');
    const { weeks } = parse(dashboardQuery, req.query, 'query');
    const kind = TEAM_EXPORT_KINDS.find((k) => `${k}.csv` === file)!;
    const exported = await asApiError(() => deps.teamExports.open(callerOf(res), teamId, kind, weeks));
    await sendCsv(res, exported.filename, exported.rows, (err) => deps.logger?.error({ err, kind }, 'a team export stopped part way'));
  });

  router.get('/teams/:teamId/members/:userId/coaching', async (req, res) => {
    const teamId = parse(teamIdParam, req.params.teamId, 'team id');
    const userId = parse(userIdParam, req.params.userId, 'user id');
    res.json({ notes: await asApiError(() => deps.coaching.forMember(callerOf(res), teamId, userId)) });
  });

  router.post('/teams/:teamId/recommendations', async (req, res) => {
    const teamId = parse(teamIdParam, req.params.teamId, 'team id');
    res.status(201).json({ recommendation: await asApiError(() => deps.recommendations.recommend(callerOf(res), teamId, req.body)) });
  });

  router.get('/teams/:teamId/recommendations', async (req, res) => {
    const teamId = parse(teamIdParam, req.params.teamId, 'team id');
    res.json({ recommendations: await asApiError(() => deps.recommendations.forTeam(callerOf(res), teamId)) });
  });

  router.get('/me/recommendations', async (_req, res) => {
    res.json({ recommendations: await deps.recommendations.forLearner(callerOf(res)) });
  });

  router.put('/me/recommendations/:teamId/:recId', async (req, res) => {
    const teamId = parse(teamIdParam, req.params.teamId, 'team id');
    const recId = parse(recIdParam, req.params.recId, 'recommendation id');
    const { done } = parse(z.strictObject({ done: z.boolean() }), req.body, 'body');
    res.json({ recommendation: await asApiError(() => deps.recommendations.setDone(callerOf(res), teamId, recId, done)) });
  });

  router.get('/me/coaching', async (_req, res) => {
    res.json({ notes: await deps.coaching.mine(callerOf(res)) });
  });

  router.get('/teams/:teamId/shares', async (req, res) => {
    const teamId = parse(teamIdParam, req.params.teamId, 'team id');
    const { sort } = parse(sharesQuery, req.query, 'query');
    res.json(memberOnly(await deps.shareLists.feed(callerOf(res), teamId, sort)));
  });

  router.get('/teams/:teamId/resources', async (req, res) => {
    const teamId = parse(teamIdParam, req.params.teamId, 'team id');
    const { scope } = parse(resourcesQuery, req.query, 'query');
    res.json(memberOnly(await deps.shareLists.topResources(callerOf(res), teamId, scope)));
  });

  router.put('/teams/:teamId/shares/:shareId/my-vote', async (req, res) => {
    const teamId = parse(teamIdParam, req.params.teamId, 'team id');
    const shareId = parse(shareIdParam, req.params.shareId, 'share id');
    const { helpful, saved, rating } = parse(myVoteBody, req.body, 'vote');
    const caller = callerOf(res);
    const update = {
      ...(helpful !== undefined ? { helpful } : {}),
      ...(saved !== undefined ? { saved } : {}),
      ...(rating !== undefined ? { rating } : {}),
    };
    const result = await deps.sharing.vote(caller, teamId, shareId, { kind: 'set', update });
    switch (result.status) {
      case 'ok':
        res.json(shareViewOf(result.share, caller, result.mine));
        return;
      case 'own_share':
        throw new ApiError(422, 'own_share', 'You cannot mark your own share helpful.');
      case 'withdrawn':
        throw new ApiError(409, 'withdrawn', 'The sharer withdrew this share.');
      case 'not_member':
        throw new ApiError(403, 'forbidden', 'You are not a member of this team.');
      case 'not_found':
        throw new ApiError(404, 'not_found', 'There is no such share in this team.');
    }
  });

  router.get('/me/goals', async (_req, res) => {
    res.json({ goals: await deps.goals.viewsOf(callerOf(res)) });
  });

  router.post('/me/goals', async (req, res) => {
    const result = await deps.goals.add(callerOf(res), req.body);
    if (result.status === 'invalid') {
      const errors = wordProblems(result.errors, englishMessages);
      throw new ApiError(400, 'invalid_goal', `Invalid goal: ${Object.values(errors).join('; ')}`, errors);
    }
    const { tenantId: _t, userId: _u, ...goal } = result.goal;
    res.status(201).json({ goal });
  });

  router.get('/admin/me', async (_req, res) => {
    res.json({ isAdmin: await deps.reports.isAdmin(callerOf(res)) });
  });

  router.put('/admin/admins/:userId', async (req, res) => {
    const userId = parse(userIdParam, req.params.userId, 'user id');
    await asApiError(() => deps.reports.addAdmin(callerOf(res), userId));
    res.status(204).end();
  });

  router.get('/admin/report', async (req, res) => {
    const { weeks } = parse(dashboardQuery, req.query, 'query');
    res.json({ weeks, rows: await asApiError(() => deps.reports.report(callerOf(res), weeks)) });
  });

  router.get('/admin/report.csv', async (req, res) => {
    const { weeks } = parse(dashboardQuery, req.query, 'query');
    const csv = await asApiError(() => deps.reports.reportCsv(callerOf(res), weeks));
    res.type('text/csv; charset=utf-8').attachment(`learning-loop-report-${weeks}-weeks.csv`).send(csv);
  });

  lrsRoutes(router, () => deps.lrs);

  router.get('/me/saved', async (_req, res) => {
    res.json({ saved: await deps.shareLists.savedOf(callerOf(res)) });
  });

  // The learner's own data: all of it to take away, or none of it left. Never cached on the way.
  router.get('/me/export', async (_req, res) => {
    const data = await deps.myData.export(callerOf(res));
    res.set('Cache-Control', 'no-store').attachment('learning-loop-my-data.json').json(data);
  });

  router.get('/me/export.csv', async (_req, res) => {
    await sendCsv(res, 'learning-loop-my-entries.csv', deps.myData.exportCsvRows(callerOf(res)), (err) =>
      deps.logger?.error({ err }, 'a learner’s export stopped part way'),
    );
  });

  router.delete('/me', async (req, res) => {
    const body = eraseBody.safeParse(req.body);
    if (!body.success || !isEraseConfirmation(body.data.confirm)) {
      throw new ApiError(
        400,
        'confirmation_required',
        `To erase all your data, send {"confirm": "${ERASE_CONFIRMATION}"}. Nothing was deleted.`,
      );
    }
    await deps.myData.erase(callerOf(res));
    res.status(204).end();
  });

  router.use((_req, _res, next) => next(new ApiError(404, 'not_found', 'No such API route.')));
  return router;
}

/** The sharing service answers `not_member` rather than throwing; the API says 403. */
function memberOnly<T extends object>(result: T | { status: 'not_member' }): T {
  if ('status' in result && result.status === 'not_member') throw new ApiError(403, 'forbidden', 'You are not a member of this team.');
  return result as T;
}
