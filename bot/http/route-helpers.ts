import type { z } from 'zod';
import type { FieldProblem } from '../contract/api.js';
import { ApiError } from './api-error.js';

/**
 * Parses a body, query or path parameter with its schema, or refuses it with 400 naming each field
 * at fault. `where` names the input in the message ("settings", "query", "team id") and, unless
 * `field` is given, stands for the field when the input as a whole is wrong.
 */
export function parse<T>(
  schema: z.ZodType<T>,
  input: unknown,
  where: string,
  { code = 'invalid_request', field = where }: { code?: string; field?: string } = {},
): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const problems: FieldProblem[] = result.error.issues.flatMap((issue) => {
    const path = issue.path.join('.');
    // A field nobody asked for is named as the field, not as the object it was sent in.
    if (issue.code === 'unrecognized_keys')
      return issue.keys.map((key) => ({ field: path ? `${path}.${key}` : key, message: issue.message }));
    return [{ field: path || field, message: issue.message }];
  });
  // The first problem with each field is the one to fix first.
  const errors = problems.filter((p, i) => problems.findIndex((q) => q.field === p.field) === i);
  throw new ApiError(400, code, `Invalid ${where}: ${errors.map((e) => `${e.field} ${e.message}`).join('; ')}`, errors);
}

/** Refuses a request with 400, naming each field at fault: for checks a schema does not make. */
export function refuse(code: string, subject: string, errors: Readonly<Partial<Record<string, string>>>): ApiError {
  const problems = Object.entries(errors).flatMap(([field, message]) => (message ? [{ field, message }] : []));
  return new ApiError(400, code, `Invalid ${subject}: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`, problems);
}

/** A record as the API shows it: whose it is and in which tenant are the caller's own business, never sent back. */
export function apiView<T extends { tenantId: string }>(record: T): Omit<T, 'tenantId' | 'userId'> {
  const { tenantId: _tenant, userId: _user, ...view } = record as T & { userId?: unknown };
  return view;
}
