import express, { type Express } from 'express';
import type { CloudAdapter } from 'botbuilder';
import type { Logger } from 'pino';
import type { LearningLoopBot } from '../teams/learning-loop-bot.js';
import { apiRouter, type ApiDeps } from './api-router.js';
import { ApiError } from './api-error.js';
import { errorHandler } from './error-handler.js';
import { securityHeaders } from './security-headers.js';
import { staticTab } from './static-tab.js';

export interface HttpAppDeps {
  adapter: CloudAdapter;
  bot: LearningLoopBot;
  api: ApiDeps;
  tabDistDir: string | undefined;
  mode: 'local' | 'production';
  logger: Logger;
}

export function createHttpApp(deps: HttpAppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', true);
  app.use(securityHeaders());

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', mode: deps.mode });
  });

  // The adapter authenticates each request (Bot Framework JWT) whenever an app id is configured.
  app.post('/api/messages', express.json({ limit: '256kb' }), async (req, res) => {
    await deps.adapter.process(req, res, (context) => deps.bot.run(context));
  });

  app.use('/api/v1', express.json({ limit: '64kb' }), apiRouter(deps.api));
  app.use('/api', (_req, _res, next) => next(new ApiError(404, 'not_found', 'No such API route.')));
  app.use(staticTab(deps.tabDistDir));
  app.use(errorHandler(deps.logger));
  return app;
}
