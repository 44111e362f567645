import { pino, type Logger } from 'pino';

export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'learning-loop' },
    // Tokens and secrets never reach the logs, even when a request is logged whole.
    redact: ['req.headers.authorization', 'headers.authorization', '*.password', '*.secret'],
  });
}
