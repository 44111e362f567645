import { STATUS_CODES } from 'node:http';
import type { Response } from 'express';
import { ConflictError, InvalidInputError, NotAllowedError, NotFoundError } from '../domain/errors.js';
import { InvalidCursorError } from '../store/page-cursor.js';
import type { FieldProblem, ProblemDetails } from '../contract/api.js';
import { ApiError } from './api-error.js';

/** A failure as the API reports it, before it is written out. */
export interface Problem {
  status: number;
  code: string;
  detail: string;
  errors: readonly FieldProblem[];
}

/** The codes clients already read for some refused inputs; the rest are `invalid_request`. */
const INVALID_INPUT_CODES: Readonly<Record<string, string>> = {
  'LRS settings': 'invalid_lrs_settings',
  recommendation: 'invalid_recommendation',
};

/**
 * The one map from the services' refusals to HTTP: not a member or not a lead 403, nobody there
 * 404, not now 409, bad input 400, a page cursor the store cannot read 400.
 */
const REFUSALS: readonly { type: abstract new (...args: never[]) => Error; status: number; code: (error: Error) => string }[] = [
  { type: NotAllowedError, status: 403, code: () => 'forbidden' },
  { type: NotFoundError, status: 404, code: () => 'not_found' },
  { type: ConflictError, status: 409, code: () => 'conflict' },
  { type: InvalidInputError, status: 400, code: (e) => INVALID_INPUT_CODES[(e as InvalidInputError).subject] ?? 'invalid_request' },
  { type: InvalidCursorError, status: 400, code: () => 'invalid_cursor' },
];

/** The problem a failure is for the caller, or undefined when it is ours (answered 503 and logged). */
export function problemOf(error: unknown): Problem | undefined {
  if (error instanceof ApiError) return { status: error.status, code: error.code, detail: error.message, errors: error.errors };
  const refusal = REFUSALS.find((r) => error instanceof r.type);
  if (refusal) {
    const known = error as Error;
    return { status: refusal.status, code: refusal.code(known), detail: known.message, errors: fieldsOf(known) };
  }
  return bodyParserProblem(error);
}

/** body-parser's refusals (malformed JSON, a body too large, an unsupported encoding) carry a 4xx `status`. */
function bodyParserProblem(error: unknown): Problem | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  if (typeof status !== 'number' || status < 400 || status >= 500) return undefined;
  if (status === 413) return { status, code: 'too_large', detail: 'The request body is larger than this endpoint accepts.', errors: [] };
  return { status, code: 'bad_request', detail: (error as Error).message, errors: [] };
}

function fieldsOf(error: unknown): FieldProblem[] {
  if (!(error instanceof InvalidInputError)) return [];
  return Object.entries(error.errors).map(([field, message]) => ({ field, message }));
}

/** Our own failure, in words that tell the caller what to do; the cause goes to the log only. */
export const UNAVAILABLE: Problem = {
  status: 503,
  code: 'unavailable',
  detail: 'The service could not complete this request. Please retry shortly.',
  errors: [],
};

/** Answers with the problem as `application/problem+json` (RFC 9457). */
export function sendProblem(res: Response, problem: Problem): void {
  const body: ProblemDetails = {
    type: `tag:learning-loop,2026:problem/${problem.code}`,
    title: STATUS_CODES[problem.status] ?? 'Error',
    status: problem.status,
    detail: problem.detail,
    code: problem.code,
    errors: [...problem.errors],
  };
  res.status(problem.status).type('application/problem+json').send(JSON.stringify(body));
}
