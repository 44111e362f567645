import { expect } from 'vitest';
import type { ProblemDetails } from '../../bot/contract/api.js';

/** Reads a refused answer, checking it is a problem document (RFC 9457) with our code and its own status. */
export async function problemOf(res: Response): Promise<ProblemDetails> {
  expect(res.headers.get('content-type'), `${res.status} answer`).toMatch(/^application\/problem\+json/);
  const problem = (await res.json()) as ProblemDetails;
  expect(problem).toMatchObject({
    type: expect.stringMatching(/\S/),
    title: expect.stringMatching(/\S/),
    status: res.status,
    detail: expect.stringMatching(/\S/),
    code: expect.stringMatching(/^[a-z_]+$/),
    errors: expect.any(Array),
  });
  return problem;
}

/** The fields a refusal named, sorted. */
export function fieldsOf(problem: ProblemDetails): string[] {
  return problem.errors.map((e) => e.field).sort();
}
