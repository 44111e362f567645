import { Router, type Response } from 'express';
import { z } from 'zod';
import { validateCoachingNote } from '../contract/coaching-rules.js';
import { NotAllowedError, NotFoundError } from '../domain/errors.js';
import { validateNudge } from '../domain/nudge.js';
import { followUpNoteSchema } from '../domain/follow-up.js';
import type { CloseFollowUpRequest, CloseFollowUpResponse, FollowUpsResponse } from '../contract/follow-up-rules.js';
import { validateRecommendation } from '../contract/recommendation-rules.js';
import { RESOURCE_SCOPES, SHARE_SORTS } from '../contract/share-view.js';
import { scheduleSubmissionSchema, type TeamRole, type TeamSettings } from '../contract/team-settings.js';
import { TEAM_EXPORT_KINDS } from '../contract/team-export.js';
import { shareViewOf } from '../services/share-lists.js';
import type { TeamChannelsResponse } from '../contract/api.js';
import type { AskHowItWentResponse, AwaitingActionsResponse } from '../contract/follow-through.js';
import type { AskToShareResponse, ShareAsksResponse } from '../contract/share-asks.js';
import type { ApiDeps } from './api-router.js';
import { ApiError } from './api-error.js';
import { entriesQuery, teamIdParam, userIdParam, weeksQuery } from './api-params.js';
import { callerOf } from './caller-identity.js';
import { sendCsv } from './csv-response.js';
import { RevisedJsonAnswers } from './revised-json.js';
import { apiView, parse, refuse } from './route-helpers.js';

/** The team named in the path, as the caller may see it: loaded once per request, before anything else. */
export interface TeamAccess {
  teamId: string;
  settings: TeamSettings;
  role: TeamRole;
}

const entryIdParam = z.string().regex(/^[A-Za-z0-9-]{8,64}$/, 'is not an entry id');
const shareIdParam = z.string().regex(/^[A-Za-z0-9-]{8,64}$/, 'is not a share id');
const roleBody = z.strictObject({ role: z.enum(['lead', 'member']) });
const followUpIdParam = z.string().regex(/^[A-Za-z0-9-]{8,64}$/, 'is not a follow-up id');
const closeFollowUpBody = z.strictObject({ note: followUpNoteSchema }) satisfies z.ZodType<CloseFollowUpRequest>;
const sharesQuery = z
  .strictObject({
    sort: z.enum(SHARE_SORTS).default('newest'),
    limit: z.coerce.number().int().min(1).max(50).default(20),
    cursor: z.string().min(1).max(2000).optional(),
  })
  .transform(({ sort, limit, cursor }) => ({ sort, limit, ...(cursor ? { cursor } : {}) }));
const resourcesQuery = z.strictObject({ scope: z.enum(RESOURCE_SCOPES).default('team') });
const teamExportFile = z.enum(
  TEAM_EXPORT_KINDS.map((k) => `${k}.csv` as const),
  `must be one of ${TEAM_EXPORT_KINDS.map((k) => `${k}.csv`).join(', ')}`,
);
const myVoteBody = z
  .strictObject({
    helpful: z.boolean().optional(),
    saved: z.boolean().optional(),
    rating: z.number().int().min(1).max(5).nullable().optional(),
  })
  .refine((b) => b.helpful !== undefined || b.saved !== undefined || b.rating !== undefined, 'must set helpful, saved or rating');

/** Anything but an object is read as an empty form, so each missing answer is named where it belongs. */
const scheduleBody = z.preprocess(
  (body) => (typeof body === 'object' && body !== null && !Array.isArray(body) ? body : {}),
  scheduleSubmissionSchema,
);

/** A team's records, for its members and leads. Every route names the team, which is checked first. */
export function teamsRoutes(deps: ApiDeps): Router {
  const router = Router();
  // Two routes check membership themselves. The dashboard, the tab's most-read view, does it in the
  // read that serves it (the team's partition, side by side with its rollups and nudges), keeps
  // nothing of a team before the caller is found on its roster, and answers an outsider 403: loading
  // the team first as well would put one more storage round trip in front of every dashboard. And a
  // share may be taken off one's saved list after leaving the team, answered without the share.
  router.use(selfCheckingRoutes(deps));

  // Membership before anything else: a caller outside the team learns nothing about it, not even what a bad body is.
  router.param('teamId', async (req, res, next, value: unknown) => {
    const teamId = parse(teamIdParam, value, 'team id');
    const { settings, role } = await deps.teams.settingsFor(callerOf(res), teamId);
    res.locals.team = { teamId, settings, role } satisfies TeamAccess;
    next();
  });

  router.get('/teams/:teamId/settings', (_req, res) => {
    const { settings, role } = teamOf(res);
    res.json({ settings, role });
  });

  // The channels a lead may send shares to, as Teams last listed them: the tab's settings form offers them.
  router.get('/teams/:teamId/channels', async (_req, res) => {
    res.json({ channels: await deps.teams.channelsFor(callerOf(res), teamOf(res).teamId) } satisfies TeamChannelsResponse);
  });

  router.put('/teams/:teamId/settings', async (req, res) => {
    const submission = parse(scheduleBody, req.body, 'settings', { code: 'invalid_settings' });
    const result = await deps.teams.updateSchedule(callerOf(res), teamOf(res).teamId, submission);
    if (!result.ok) throw refuse('invalid_settings', 'settings', result.errors);
    res.json({ settings: result.settings });
  });

  router.get('/teams/:teamId/members', async (_req, res) => {
    const caller = callerOf(res);
    const pausedOf = async (userId: string) => (await deps.people.profile({ tenantId: caller.tenantId, userId }))?.pausedAt;
    res.json({ members: await deps.teams.rosterFor(caller, teamOf(res).teamId, pausedOf) });
  });

  router.put('/teams/:teamId/members/:userId/role', async (req, res) => {
    const userId = parse(userIdParam, req.params.userId, 'user id');
    const { role } = parse(roleBody, req.body, 'role');
    const member = await deps.teams.setRole(callerOf(res), teamOf(res).teamId, userId, role);
    res.json({ member: { userId: member.userId, displayName: member.displayName, role: member.role } });
  });

  router.post('/teams/:teamId/members/:userId/nudges', async (req, res) => {
    const userId = parse(userIdParam, req.params.userId, 'user id');
    const input = validateNudge(req.body);
    if (!input.ok) throw refuse('invalid_request', 'nudge', { note: input.error });
    const nudge = await deps.nudges.nudge(callerOf(res), teamOf(res).teamId, userId, { note: input.note });
    res.status(201).json({ nudge: apiView(nudge) });
  });

  // Leads: the actions their members planned that still await a result (entries the leads may see).
  router.get('/teams/:teamId/awaiting-actions', async (_req, res) => {
    const body: AwaitingActionsResponse = await deps.followThrough.awaitingFor(callerOf(res), teamOf(res).teamId);
    res.json(body);
  });

  router.post('/teams/:teamId/members/:userId/entries/:entryId/ask-how-it-went', async (req, res) => {
    const userId = parse(userIdParam, req.params.userId, 'user id');
    const entryId = parse(entryIdParam, req.params.entryId, 'entry id');
    const body: AskHowItWentResponse = await deps.followThrough.askHowItWent(callerOf(res), teamOf(res).teamId, userId, entryId);
    res.status(202).json(body);
  });

  router.post('/teams/:teamId/members/:userId/entries/:entryId/ask-to-share', async (req, res) => {
    const userId = parse(userIdParam, req.params.userId, 'user id');
    const entryId = parse(entryIdParam, req.params.entryId, 'entry id');
    const body: AskToShareResponse = await deps.sharePrompts.askToShare(callerOf(res), teamOf(res).teamId, userId, entryId);
    res.status(202).json(body);
  });

  // Leads: their own "Ask to share" requests in the team and how they were answered.
  router.get('/teams/:teamId/share-asks', async (_req, res) => {
    const body: ShareAsksResponse = await deps.sharePrompts.asksFor(callerOf(res), teamOf(res).teamId);
    res.json(body);
  });

  // Leads: the team's follow-ups (opened by "I need help" and "Let's talk"), and closing one with a note.
  router.get('/teams/:teamId/follow-ups', async (_req, res) => {
    const body: FollowUpsResponse = await deps.followUps.listFor(callerOf(res), teamOf(res).teamId);
    res.json(body);
  });

  router.post('/teams/:teamId/follow-ups/:followUpId/close', async (req, res) => {
    const followUpId = parse(followUpIdParam, req.params.followUpId, 'follow-up id');
    const { note } = parse(closeFollowUpBody, req.body, 'follow-up');
    const body: CloseFollowUpResponse = await deps.followUps.closeOnce(callerOf(res), teamOf(res).teamId, followUpId, note);
    res.json(body);
  });

  router.get('/teams/:teamId/nudges', async (_req, res) => {
    const nudges = await deps.nudges.historyFor(callerOf(res), teamOf(res).teamId);
    res.json({ nudges: nudges.map(apiView) });
  });

  router.post('/teams/:teamId/shares/:shareId/coaching', async (req, res) => {
    const shareId = parse(shareIdParam, req.params.shareId, 'share id');
    const input = validateCoachingNote(req.body);
    if (!input.ok) throw refuse('invalid_request', 'coaching note', { note: input.error });
    res.status(201).json({ note: await deps.coaching.coach(callerOf(res), teamOf(res).teamId, shareId, { note: input.note }) });
  });

  // Coaching on one entry of a member's log: only one the leads may see (the service checks, as the log's view does).
  router.post('/teams/:teamId/members/:userId/entries/:entryId/coaching', async (req, res) => {
    const userId = parse(userIdParam, req.params.userId, 'user id');
    const entryId = parse(entryIdParam, req.params.entryId, 'entry id');
    const input = validateCoachingNote(req.body);
    if (!input.ok) throw refuse('invalid_request', 'coaching note', { note: input.error });
    const note = await deps.coaching.coachOnEntry(callerOf(res), teamOf(res).teamId, userId, entryId, { note: input.note });
    res.status(201).json({ note });
  });

  // The leads' view of one member's log: only what the member let their leads see.
  router.get('/teams/:teamId/members/:userId/entries', async (req, res) => {
    const userId = parse(userIdParam, req.params.userId, 'user id');
    const query = parse(entriesQuery, req.query, 'query');
    const page = await deps.learningLog.listForLead(callerOf(res), teamOf(res).teamId, userId, query);
    res.json({ entries: page.entries.map(apiView), nextCursor: page.nextCursor, member: page.member });
  });

  // A lead's downloads, streamed: entries (what members let leads see), participation, goals, follow-ups.
  router.get('/teams/:teamId/exports/:file', async (req, res) => {
    const file = parse(teamExportFile, req.params.file, 'export');
    const { weeks } = parse(weeksQuery, req.query, 'query');
    const kind = TEAM_EXPORT_KINDS.find((k) => `${k}.csv` === file)!;
    const exported = await deps.teamExports.open(callerOf(res), teamOf(res).teamId, kind, weeks);
    await sendCsv(res, exported.filename, exported.rows, (err) => deps.logger?.error({ err, kind }, 'a team export stopped part way'));
  });

  router.get('/teams/:teamId/members/:userId/coaching', async (req, res) => {
    const userId = parse(userIdParam, req.params.userId, 'user id');
    res.json({ notes: await deps.coaching.forMember(callerOf(res), teamOf(res).teamId, userId) });
  });

  router.post('/teams/:teamId/recommendations', async (req, res) => {
    const validation = validateRecommendation(req.body);
    if (!validation.ok) throw refuse('invalid_recommendation', 'recommendation', validation.errors);
    res.status(201).json({ recommendation: await deps.recommendations.recommend(callerOf(res), teamOf(res).teamId, validation.input) });
  });

  router.get('/teams/:teamId/recommendations', async (_req, res) => {
    res.json({ recommendations: await deps.recommendations.forTeam(callerOf(res), teamOf(res).teamId) });
  });

  router.get('/teams/:teamId/shares', async (req, res) => {
    const { sort, ...page } = parse(sharesQuery, req.query, 'query');
    res.json(memberOnly(await deps.shareLists.feed(callerOf(res), teamOf(res).teamId, sort, page)));
  });

  router.get('/teams/:teamId/resources', async (req, res) => {
    const { scope } = parse(resourcesQuery, req.query, 'query');
    res.json(memberOnly(await deps.shareLists.topResources(callerOf(res), teamOf(res).teamId, scope)));
  });

  return router;
}

/** The team the `teamId` parameter loaded for this request. */
function selfCheckingRoutes(deps: ApiDeps): Router {
  const router = Router();
  // A 500-member team's dashboard is some 200 KB of JSON, read again and again: sent from the bytes made for its revision.
  const dashboardAnswers = new RevisedJsonAnswers();
  router.get('/teams/:teamId/dashboard', async (req, res) => {
    const teamId = parse(teamIdParam, req.params.teamId, 'team id');
    const { weeks } = parse(weeksQuery, req.query, 'query');
    const caller = callerOf(res);
    const { view, revision } = await deps.dashboards.answerFor(caller, teamId, weeks);
    await dashboardAnswers.send(req, res, `${caller.tenantId}\n${caller.userId}\n${teamId}\n${weeks}`, { revision, body: view });
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
      case 'unsaved':
        res.json({ shareId, mine: result.mine });
        return;
      case 'own_share':
        throw new ApiError(422, 'own_share', 'You cannot mark your own share helpful.');
      case 'withdrawn':
        throw new ApiError(409, 'withdrawn', 'The sharer withdrew this share.');
      case 'not_member':
        throw new NotAllowedError('You are not a member of this team.', 'not_member');
      case 'not_found':
        throw new NotFoundError('There is no such share in this team.');
    }
  });
  return router;
}

function teamOf(res: Response): TeamAccess {
  return res.locals.team as TeamAccess;
}

/** The share lists answer `not_member` rather than throwing. */
function memberOnly<T extends object>(result: T | { status: 'not_member' }): T {
  if ('status' in result && result.status === 'not_member') throw new NotAllowedError('You are not a member of this team.', 'not_member');
  return result as T;
}
