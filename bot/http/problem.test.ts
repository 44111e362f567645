import type { AddressInfo } from 'node:net';
import express from 'express';
import { pino } from 'pino';
import { describe, expect, it, vi } from 'vitest';
import { ConflictError, InvalidInputError, NotAllowedError, NotFoundError } from '../domain/errors.js';
import { InvalidCursorError } from '../store/page-cursor.js';
import type { ProblemDetails } from '../contract/api.js';
import { ApiError } from './api-error.js';
import { errorHandler } from './error-handler.js';

/** A tiny app whose one route fails with whatever the test gives it, behind the API's body parser. */
async function failingWith(failure: () => unknown) {
  const logged = vi.fn();
  const logger = pino({ level: 'error' }, { write: logged });
  const server = express()
    .use(express.json({ limit: '1kb' }))
    .post('/fail', () => {
      throw failure();
    })
    .use(errorHandler(logger))
    .listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/fail`;
  const post = async (body = '{}') => {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    return { status: res.status, type: res.headers.get('content-type'), problem: (await res.json()) as ProblemDetails };
  };
  return { post, logged, stop: () => new Promise((resolve) => server.close(resolve)) };
}

describe('the API’s problem documents', () => {
  const cases: [string, () => unknown, number, string][] = [
    ['NotAllowedError', () => new NotAllowedError('You are not a member of this team.', 'not_member'), 403, 'forbidden'],
    ['NotFoundError', () => new NotFoundError('There is no such share in this team.'), 404, 'not_found'],
    ['ConflictError', () => new ConflictError('A team needs at least one lead.'), 409, 'conflict'],
    ['InvalidInputError', () => new InvalidInputError('nudge', { note: 'The note is too long' }), 400, 'invalid_request'],
    ['InvalidInputError (LRS settings)', () => new InvalidInputError('LRS settings', { secret: 'Required' }), 400, 'invalid_lrs_settings'],
    ['InvalidInputError (recommendation)', () => new InvalidInputError('recommendation', { link: 'Bad' }), 400, 'invalid_recommendation'],
    ['InvalidCursorError', () => new InvalidCursorError(), 400, 'invalid_cursor'],
    ['ApiError', () => new ApiError(401, 'unauthenticated', 'Sign in.'), 401, 'unauthenticated'],
    ['ApiError (429)', () => new ApiError(429, 'rate_limited', 'Too many requests.'), 429, 'rate_limited'],
  ];
  for (const [name, failure, status, code] of cases) {
    it(`answers ${name} with ${status} ${code} as application/problem+json`, async () => {
      const app = await failingWith(failure);
      try {
        const answer = await app.post();
        expect(answer.status).toBe(status);
        expect(answer.type).toMatch(/^application\/problem\+json/);
        expect(answer.problem).toMatchObject({ type: `tag:learning-loop,2026:problem/${code}`, status, code, errors: expect.any(Array) });
        expect(answer.problem.title).toMatch(/\S/);
        expect(answer.problem.detail).toBe((failure() as Error).message);
        expect(app.logged).not.toHaveBeenCalled();
      } finally {
        await app.stop();
      }
    });
  }

  it('names each field of a refused input in errors', async () => {
    const app = await failingWith(() => new InvalidInputError('recommendation', { title: 'Say what you recommend', link: 'Bad link' }));
    try {
      expect((await app.post()).problem.errors).toEqual([
        { field: 'title', message: 'Say what you recommend' },
        { field: 'link', message: 'Bad link' },
      ]);
    } finally {
      await app.stop();
    }
  });

  it('answers malformed JSON 400 and a body too large 413, before any handler runs', async () => {
    const app = await failingWith(() => new Error('the handler must not run'));
    try {
      const malformed = await app.post('{"note":');
      expect(malformed).toMatchObject({ status: 400, type: expect.stringMatching(/^application\/problem\+json/) });
      expect(malformed.problem).toMatchObject({ status: 400, code: 'bad_request', errors: [] });
      const tooLarge = await app.post(JSON.stringify({ note: 'x'.repeat(2048) }));
      expect(tooLarge).toMatchObject({ status: 413, type: expect.stringMatching(/^application\/problem\+json/) });
      expect(tooLarge.problem).toMatchObject({ status: 413, code: 'too_large', detail: expect.stringMatching(/larger than/) });
      expect(app.logged).not.toHaveBeenCalled();
    } finally {
      await app.stop();
    }
  });

  it('answers our own failures 503 without their cause, and logs the cause', async () => {
    const app = await failingWith(() => new Error('table storage timed out at 10.0.0.4'));
    try {
      const answer = await app.post();
      expect(answer.status).toBe(503);
      expect(answer.problem).toMatchObject({ status: 503, code: 'unavailable', errors: [] });
      expect(JSON.stringify(answer.problem)).not.toContain('10.0.0.4');
      expect(app.logged).toHaveBeenCalledOnce();
      expect(String(app.logged.mock.calls[0]?.[0])).toContain('table storage timed out');
    } finally {
      await app.stop();
    }
  });
});
