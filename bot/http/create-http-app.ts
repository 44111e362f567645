import express, { type Express } from 'express';
import type { CloudAdapter } from 'botbuilder';
import type { Logger } from 'pino';
import type { LearningLoopBot } from '../teams/learning-loop-bot.js';
import { apiRouter, type ApiDeps } from './api-router.js';
import { ApiError } from './api-error.js';
import { errorHandler } from './error-handler.js';
import { limitFailedSignIns, limitPerCaller, RateLimiter } from './rate-limit.js';
import { securityHeaders } from './security-headers.js';
import { staticTab } from './static-tab.js';

export interface HttpAppDeps {
  adapter: CloudAdapter;
  bot: LearningLoopBot;
  api: ApiDeps;
  tabDistDir: string | undefined;
  /** Each signed-in caller's budget for the API, and each address's for failed sign-ins. */
  apiRateLimitPerMinute: number;
  /** The rate limits' clock (ms), so a test can hold time still. */
  now: () => number;
  mode: 'local' | 'production';
  logger: Logger;
}

export function createHttpApp(deps: HttpAppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  // One hop: the platform's front end (or a dev tunnel) appends the client's address. Trusting every
  // hop would let a client name its own address in X-Forwarded-For and dodge the per-address limit.
  app.set('trust proxy', 1);
  app.use(securityHeaders());

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', mode: deps.mode });
  });

  // The adapter authenticates each request (Bot Framework JWT) whenever an app id is configured.
  app.post('/api/messages', express.json({ limit: '256kb' }), async (req, res) => {
    // botbuilder fails on a body with no activity type as if the service were down: it is the sender's mistake.
    const body: unknown = req.body;
    if (
      typeof body !== 'object' ||
      body === null ||
      Array.isArray(body) ||
      typeof (body as { type?: unknown }).type !== 'string' ||
      (body as { type: string }).type === ''
    ) {
      throw new ApiError(400, 'invalid_activity', 'The body must be a Bot Framework activity: a JSON object with a type.');
    }
    await deps.adapter.process(req, res, (context) => deps.bot.run(context));
  });

  // A fifth of a minute's budget may come at once: opening a tab page fires a handful of requests.
  const budget = { perMinute: deps.apiRateLimitPerMinute, burst: Math.ceil(deps.apiRateLimitPerMinute / 5) };
  app.use(
    '/api/v1',
    limitFailedSignIns(new RateLimiter(budget), deps.now),
    express.json({ limit: '64kb' }),
    apiRouter({
      ...deps.api,
      localMode: deps.mode === 'local',
      logger: deps.logger,
      limitCaller: limitPerCaller(new RateLimiter(budget), deps.now),
    }),
  );
  app.use('/api', (_req, _res, next) => next(new ApiError(404, 'not_found', 'No such API route.')));
  app.use(staticTab(deps.tabDistDir));
  // Express's own 404 page would replace the security headers with its own policy, which lets anyone frame it.
  app.use((_req, res) => void res.status(404).type('text/plain').send('Not found.'));
  app.use(errorHandler(deps.logger));
  return app;
}
