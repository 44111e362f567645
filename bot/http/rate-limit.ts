import type { Request, RequestHandler, Response } from 'express';
import { ApiError } from './api-error.js';

export interface RateLimitOptions {
  /** Requests a minute one caller may keep making. */
  perMinute: number;
  /** How many may come at once (a tab opening fires several) before the pace applies. */
  burst: number;
  /** Callers remembered at most; the least recently seen are forgotten first, which only ever lets more through. */
  maxKeys?: number;
}

/**
 * Token buckets per key, kept as each key's "theoretical arrival time" (the generic cell rate
 * algorithm): one number per caller, refilled by the clock rather than by a timer. It checks
 * rather than books: a refused request uses nothing, so a caller who waits as told is let in. Time comes from the caller so tests need not wait.
 */
export class RateLimiter {
  private readonly due = new Map<string, number>();
  private readonly interval: number;
  private readonly tolerance: number;
  private readonly maxKeys: number;

  constructor(options: RateLimitOptions) {
    this.interval = 60_000 / options.perMinute;
    this.tolerance = (Math.max(1, options.burst) - 1) * this.interval;
    this.maxKeys = options.maxKeys ?? 100_000;
  }

  /** Takes a token for `key` at `now` (ms): 0 when allowed, else how many ms until one is free. */
  take(key: string, now: number): number {
    const wait = this.waitFor(key, now);
    if (wait > 0) return wait;
    const next = Math.max(this.due.get(key) ?? now, now) + this.interval;
    // Re-inserted, so the map's order is least recently seen first.
    this.due.delete(key);
    this.due.set(key, next);
    this.forgetIdle(now);
    return 0;
  }

  /** How long `key` would have to wait at `now`, without taking anything. */
  waitFor(key: string, now: number): number {
    const due = this.due.get(key);
    return due === undefined ? 0 : Math.max(0, due - this.tolerance - now);
  }

  private forgetIdle(now: number): void {
    for (const [key, due] of this.due) {
      // A full bucket is the same as none; beyond the cap the least recent go even if not yet full.
      if (due > now && this.due.size <= this.maxKeys) break;
      this.due.delete(key);
    }
  }
}

/** The client's address without a port: Azure App Service's front end forwards it as `1.2.3.4:56789`. */
export function addressOf(req: Request): string {
  const ip = req.ip ?? 'unknown';
  return /^\d+\.\d+\.\d+\.\d+:\d+$/.test(ip) ? ip.slice(0, ip.lastIndexOf(':')) : ip.replace(/^\[(.*)\]:\d+$/, '$1');
}

function refuse(res: Response, waitMs: number, message: string): ApiError {
  res.set('Retry-After', String(Math.max(1, Math.ceil(waitMs / 1000))));
  return new ApiError(429, 'rate_limited', message);
}

/**
 * Per signed-in caller, mounted once the caller is known: each person in each tenant has their
 * own budget, so one busy tab (or one script) slows only itself.
 */
export function limitPerCaller(limiter: RateLimiter, now: () => number = Date.now): RequestHandler {
  return (_req, res, next) => {
    const caller = res.locals.caller as { tenantId: string; userId: string } | undefined;
    if (!caller) return next();
    const wait = limiter.take(`caller:${caller.tenantId}\n${caller.userId}`, now());
    next(wait > 0 ? refuse(res, wait, 'Too many requests: please wait a moment, then try again.') : undefined);
  };
}

/**
 * Per address for requests that fail to sign in, mounted before the caller is identified: each 401
 * spends from the address's budget, and an address that has spent it waits before its next token
 * is even checked. Signed-in callers never spend from it, so colleagues behind one proxy are held
 * up only while someone there keeps failing.
 */
export function limitFailedSignIns(limiter: RateLimiter, now: () => number = Date.now): RequestHandler {
  return (req: Request, res, next) => {
    const key = `address:${addressOf(req)}`;
    const wait = limiter.waitFor(key, now());
    if (wait > 0) return next(refuse(res, wait, 'Too many requests that could not be signed in: please wait a moment, then try again.'));
    res.on('finish', () => {
      if (res.statusCode === 401) limiter.take(key, now());
    });
    next();
  };
}
