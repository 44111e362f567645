import { ApiFailure, type ApiClient, type SendMethod } from '../api/api-client.js';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface FakeCall {
  method: Method;
  /** The path as asked for, query included. */
  path: string;
  body?: unknown;
}

/** An answer, a failure to throw, or a function of the call that gives either (or a promise of one). */
export type FakeAnswer = unknown;

/**
 * A service stand-in for page tests. Routes are "METHOD /path" (the query is ignored when
 * matching); each answers from its queue, the last answer repeating. An unrouted call fails the
 * test loudly rather than hanging.
 */
export function fakeApiClient(routes: Record<string, FakeAnswer | FakeAnswer[]>) {
  const calls: FakeCall[] = [];
  const queues = new Map(Object.entries(routes).map(([route, answer]) => [route, Array.isArray(answer) ? [...answer] : [answer]]));

  async function answer(call: FakeCall): Promise<unknown> {
    calls.push(call);
    const route = `${call.method} ${call.path.split('?')[0]}`;
    const queue = queues.get(route);
    if (!queue) throw new Error(`The fake service has no answer for ${route}`);
    const next = queue.length > 1 ? queue.shift() : queue[0];
    const value: unknown = typeof next === 'function' ? await (next as (call: FakeCall) => unknown)(call) : next;
    if (value instanceof ApiFailure) throw value;
    return value;
  }

  const client: ApiClient = {
    get: async <T>(path: string) => (await answer({ method: 'GET', path })) as T,
    getText: async (path: string) => String(await answer({ method: 'GET', path })),
    send: async <T>(method: SendMethod, path: string, body: unknown) => (await answer({ method, path, body })) as T,
    remove: async (path: string, body?: unknown) => {
      await answer({ method: 'DELETE', path, ...(body === undefined ? {} : { body }) });
    },
  };

  /** Replaces a route's answers, e.g. once the learner has changed something. */
  const answerWith = (route: string, ...answers: FakeAnswer[]) => queues.set(route, answers);
  const callsTo = (method: Method, pathStart: string) => calls.filter((c) => c.method === method && c.path.startsWith(pathStart));

  return { client, calls, callsTo, answerWith };
}
