import type { z } from 'zod';
import { ConflictError, InvalidInputError, NotAllowedError, NotFoundError } from '../domain/errors.js';
import { ApiError } from './api-error.js';

/** The codes clients already read for some refusals; the rest are `invalid_request`. */
const INVALID_INPUT_CODES: Record<string, string> = { 'LRS settings': 'invalid_lrs_settings', recommendation: 'invalid_recommendation' };

/** The services' refusals as HTTP: not a member or not a lead 403, nobody there 404, not now 409, bad input 400. */
export async function asApiError<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof NotAllowedError) throw new ApiError(403, 'forbidden', error.message);
    if (error instanceof NotFoundError) throw new ApiError(404, 'not_found', error.message);
    if (error instanceof ConflictError) throw new ApiError(409, 'conflict', error.message);
    if (error instanceof InvalidInputError)
      throw new ApiError(400, INVALID_INPUT_CODES[error.subject] ?? 'invalid_request', error.message, error.errors);
    throw error;
  }
}

export function parse<T>(schema: z.ZodType<T>, input: unknown, where: string): T {
  const result = schema.safeParse(input);
  if (!result.success) {
    throw new ApiError(
      400,
      'invalid_request',
      `Invalid ${where}: ${result.error.issues.map((i) => `${i.path.join('.') || where} ${i.message}`).join('; ')}`,
      result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    );
  }
  return result.data;
}
