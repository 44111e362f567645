import type { z } from 'zod';
import { InvalidCoachingError } from '../services/coaching-service.js';
import { InvalidLrsSettingsError } from '../services/lrs-admin-service.js';
import { InvalidNudgeError } from '../services/nudge-service.js';
import { InvalidRecommendationError } from '../services/recommendation-service.js';
import { ConflictError, NotAllowedError, NotFoundError } from '../services/team-service.js';
import { ApiError } from './api-error.js';

/** The services' refusals as HTTP: not a member or not a lead 403, nobody there 404, not now 409, bad input 400. */
export async function asApiError<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof NotAllowedError) throw new ApiError(403, 'forbidden', error.message);
    if (error instanceof NotFoundError) throw new ApiError(404, 'not_found', error.message);
    if (error instanceof ConflictError) throw new ApiError(409, 'conflict', error.message);
    if (error instanceof InvalidNudgeError) throw new ApiError(400, 'invalid_request', `Invalid nudge: ${error.message}`);
    if (error instanceof InvalidCoachingError) throw new ApiError(400, 'invalid_request', `Invalid coaching note: ${error.message}`);
    if (error instanceof InvalidLrsSettingsError)
      throw new ApiError(400, 'invalid_lrs_settings', `Invalid LRS settings: ${error.message}`, error.errors);
    if (error instanceof InvalidRecommendationError)
      throw new ApiError(400, 'invalid_recommendation', `Invalid recommendation: ${error.message}`, error.errors);
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
