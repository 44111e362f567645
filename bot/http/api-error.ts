import type { FieldProblem } from '../contract/api.js';

/**
 * A refusal the HTTP layer makes itself (no token, too many requests, a body that fails its
 * schema): its status and machine code, and the fields at fault. The services' refusals are
 * domain errors instead, mapped to a status in `problem.ts`.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly errors: readonly FieldProblem[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}
