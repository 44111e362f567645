import { Router } from 'express';
import { z } from 'zod';
import { IANAZone } from 'luxon';
import { CHECK_IN_FIELDS, type CheckInField } from '../domain/check-in-submission.js';
import { NotFoundError } from '../domain/errors.js';
import type { MyAudienceResponse } from '../contract/audience.js';
import type { MySummaryResponse } from '../contract/api.js';
import { MY_FIGURES_WEEKS } from '../contract/follow-through.js';
import { ERASE_CONFIRMATION, isEraseConfirmation } from '../contract/my-data.js';
import { wordProblems } from '../domain/problem.js';
import { englishMessages } from '../i18n/bot-messages.js';
import type { ApiDeps } from './api-router.js';
import { ApiError } from './api-error.js';
import { entriesQuery, teamIdParam } from './api-params.js';
import { callerOf } from './caller-identity.js';
import { sendCsv } from './csv-response.js';
import { apiView, parse, refuse } from './route-helpers.js';

const entryIdParam = z.string().regex(/^[A-Za-z0-9-]{8,64}$/, 'is not an entry id');
const recIdParam = z.string().regex(/^[A-Za-z0-9-]{8,64}$/, 'is not a recommendation id');

/** An edit from the tab: only the check-in's fields, each text, a number or null (null clears an optional one). */
const entryEditBody = z.strictObject(
  Object.fromEntries(
    CHECK_IN_FIELDS.map((field) => [
      field,
      z.union([z.string(), z.number().finite(), z.null()], `${field} must be text, a number or null`).optional(),
    ]),
  ) as Record<CheckInField, z.ZodOptional<z.ZodUnion<[z.ZodString, z.ZodNumber, z.ZodNull]>>>,
  { error: (issue) => (issue.code === 'unrecognized_keys' ? 'cannot be edited' : 'Send the fields to change as a JSON object') },
);

const mySettingsBody = z.strictObject({
  paused: z.boolean().optional(),
  timeZone: z
    .string()
    .refine((tz) => IANAZone.isValidZone(tz), 'must be a time zone such as Europe/London')
    .nullable()
    .optional(),
});

const doneBody = z.strictObject({ done: z.boolean() });
/** Erasing needs the phrase typed, as the tab's dialog and the bot's card ask for it: nothing else will do. */
const eraseBody = z.strictObject({ confirm: z.string().max(100) });

/** A new goal: each field's own rules are the goal's (bot/domain/goal.ts); here only its shape. */
const goalBody = z.strictObject({
  what: z.string().optional(),
  why: z.string().optional(),
  targetDate: z.string().optional(),
  resources: z.union([z.string(), z.array(z.string())]).optional(),
});

/** The caller's own records: their log, settings, goals, what was recommended to them, their data. */
export function meRoutes(deps: ApiDeps): Router {
  const router = Router();

  router.get('/me', (_req, res) => {
    const { tenantId, userId, displayName } = callerOf(res);
    res.json({ tenantId, userId, displayName });
  });

  router.get('/me/entries', async (req, res) => {
    res.json(await deps.learningLog.listMine(callerOf(res), parse(entriesQuery, req.query, 'query')));
  });

  router.patch('/me/entries/:entryId', async (req, res) => {
    const entryId = parse(entryIdParam, req.params.entryId, 'entry id');
    const edit = parse(entryEditBody, req.body, 'entry', { code: 'invalid_entry', field: 'body' });
    const result = await deps.learningLog.editMine(callerOf(res), entryId, edit);
    if (result.status === 'not_found') throw new NotFoundError('You have no entry with that id.');
    if (result.status === 'invalid') throw refuse('invalid_entry', 'entry', result.errors);
    res.json({ entry: apiView(result.entry) });
  });

  router.delete('/me/entries/:entryId', async (req, res) => {
    const entryId = parse(entryIdParam, req.params.entryId, 'entry id');
    if (!(await deps.learningLog.deleteMine(callerOf(res), entryId))) throw new NotFoundError('You have no entry with that id.');
    res.status(204).end();
  });

  router.get('/me/summary', async (_req, res) => {
    const caller = callerOf(res);
    const profile = await deps.people.profile(caller);
    const [streak, month, followThrough] = await Promise.all([
      deps.checkIns.streak(caller),
      deps.learningLog.monthOf(caller, profile?.timeZone ?? 'UTC'),
      deps.followThrough.mine(caller),
    ]);
    const body: MySummaryResponse = {
      streak,
      minutesThisMonth: month.minutes,
      entriesThisMonth: month.entries,
      month: month.month,
      followThrough,
      followThroughWeeks: MY_FIGURES_WEEKS,
    };
    res.json(body);
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

  router.get('/me/audience', async (_req, res) => {
    const body: MyAudienceResponse = { teams: await deps.teams.audienceOf(callerOf(res)) };
    res.json(body);
  });

  router.get('/me/recommendations', async (_req, res) => {
    res.json({ recommendations: await deps.recommendations.forLearner(callerOf(res)) });
  });

  router.put('/me/recommendations/:teamId/:recId', async (req, res) => {
    const teamId = parse(teamIdParam, req.params.teamId, 'team id');
    const recId = parse(recIdParam, req.params.recId, 'recommendation id');
    const { done } = parse(doneBody, req.body, 'body');
    res.json({ recommendation: await deps.recommendations.setDone(callerOf(res), teamId, recId, done) });
  });

  router.get('/me/coaching', async (_req, res) => {
    res.json({ notes: await deps.coaching.mine(callerOf(res)) });
  });

  router.get('/me/goals', async (_req, res) => {
    res.json({ goals: await deps.goals.viewsOf(callerOf(res)) });
  });

  router.post('/me/goals', async (req, res) => {
    const draft = parse(goalBody, req.body ?? {}, 'goal');
    const result = await deps.goals.add(callerOf(res), draft);
    // The API's words are English; the card words the same problems in the reader's language.
    if (result.status === 'invalid') throw refuse('invalid_goal', 'goal', wordProblems(result.errors, englishMessages));
    res.status(201).json({ goal: apiView(result.goal) });
  });

  router.get('/me/saved', async (req, res) => {
    res.json(await deps.shareLists.savedOf(callerOf(res), parse(entriesQuery, req.query, 'query')));
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
        [{ field: 'confirm', message: `must be "${ERASE_CONFIRMATION}"` }],
      );
    }
    await deps.myData.erase(callerOf(res));
    res.status(204).end();
  });

  return router;
}
