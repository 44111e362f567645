import type { ErrorRequestHandler } from 'express';
import type { Logger } from 'pino';
import { problemOf, sendProblem, UNAVAILABLE } from './problem.js';

/** Answers every failure as a problem document: the caller's mistakes are 4xx with a reason, ours are logged. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    if (res.headersSent) return;
    const problem = problemOf(error);
    if (problem) return sendProblem(res, problem);
    logger.error({ err: error, method: req.method, url: req.originalUrl }, 'request failed');
    sendProblem(res, UNAVAILABLE);
  };
}
