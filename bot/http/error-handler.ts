import type { ErrorRequestHandler } from 'express';
import type { Logger } from 'pino';
import { InvalidCursorError } from '../store/page-cursor.js';
import { ApiError } from './api-error.js';

/** Maps failures to statuses: the caller's mistakes are 4xx with a reason, ours are logged. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    if (res.headersSent) return;
    if (error instanceof ApiError) {
      res
        .status(error.status)
        .json({ error: { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) } });
      return;
    }
    const status = (error as { status?: unknown; type?: unknown }).status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      // body-parser: malformed JSON, wrong content type, body too large.
      const tooLarge = status === 413;
      res.status(status).json({
        error: {
          code: tooLarge ? 'too_large' : 'bad_request',
          message: tooLarge ? 'The request body is larger than this endpoint accepts.' : (error as Error).message,
        },
      });
      return;
    }
    if (error instanceof InvalidCursorError) {
      res.status(400).json({ error: { code: 'invalid_cursor', message: error.message } });
      return;
    }
    logger.error({ err: error, method: req.method, url: req.originalUrl }, 'request failed');
    res.status(503).json({ error: { code: 'unavailable', message: 'The service could not complete this request. Please retry shortly.' } });
  };
}
