import type { NextFunction, Request, Response } from 'express';
import { z } from 'zod';
import type { Learner } from '../services/learner.js';
import { ApiError } from './api-error.js';
import type { CallerVerifier } from './sso-token-verifier.js';

export interface Caller extends Learner {
  displayName: string;
  via: 'sso' | 'local-demo';
}

export type IdentityMode =
  | { kind: 'sso'; verify: CallerVerifier }
  /** Local mode only: the tab outside Teams names a demo identity in headers. */
  | { kind: 'local'; displayNameOf: (learner: Learner) => Promise<string | undefined> };

const localHeaders = z.object({
  'x-local-tenant-id': z.string().min(1).max(100),
  'x-local-user-id': z.string().min(1).max(200),
});

/** Establishes who is calling before any API handler runs; handlers read `res.locals.caller`. */
export function callerIdentity(mode: IdentityMode) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    try {
      res.locals.caller = await identify(req, mode);
      next();
    } catch (error) {
      next(error);
    }
  };
}

async function identify(req: Request, mode: IdentityMode): Promise<Caller> {
  if (mode.kind === 'sso') {
    const header = req.get('authorization') ?? '';
    const match = /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(header);
    if (!match?.[1]) throw new ApiError(401, 'unauthenticated', 'Sign in through Teams: a Bearer token is required.');
    return { ...(await mode.verify(match[1])), via: 'sso' };
  }
  const parsed = localHeaders.safeParse(req.headers);
  if (!parsed.success) {
    throw new ApiError(401, 'unauthenticated', 'Local mode: choose a demo identity (X-Local-Tenant-Id and X-Local-User-Id headers).');
  }
  const learner = { tenantId: parsed.data['x-local-tenant-id'], userId: parsed.data['x-local-user-id'] };
  const displayName = await mode.displayNameOf(learner);
  if (!displayName) throw new ApiError(401, 'unknown_identity', 'That demo identity does not exist in this local store.');
  return { ...learner, displayName, via: 'local-demo' };
}

export function callerOf(res: Response): Caller {
  const caller = res.locals.caller as Caller | undefined;
  if (!caller) throw new ApiError(401, 'unauthenticated', 'Not signed in.');
  return caller;
}
