import type { FieldProblem } from '../../../bot/contract/api.js';
import type { DemoIdentity } from './types.js';

/** How the tab proves who it is: an SSO token inside Teams, a named demo identity locally. */
export type Credentials = { kind: 'sso'; getToken: () => Promise<string> } | { kind: 'local'; tenantId: string; userId: string };

/**
 * A failed API call, described so the page can say what failed: the problem document's `detail`
 * as the message, its `code`, and each field it named. Status 0: no HTTP answer at all.
 */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code?: string,
    /** The fields of a refused request and what is wrong with each. */
    readonly errors: readonly FieldProblem[] = [],
  ) {
    super(message);
    this.name = 'ApiFailure';
  }
}

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

const browserFetch: Fetch = (input, init) => fetch(input, init);

/** The methods that carry a JSON body. */
export type SendMethod = 'POST' | 'PUT' | 'PATCH';

export interface ApiClient {
  get<T>(path: string, options?: { signal?: AbortSignal }): Promise<T>;
  /** GET a file the service makes (a CSV, a JSON download): its text exactly as sent. */
  getText(path: string): Promise<string>;
  /** POST, PUT or PATCH a JSON body; the answer's JSON comes back. */
  send<T>(method: SendMethod, path: string, body: unknown): Promise<T>;
  /** DELETE, with a JSON body when one is given; resolves when the service answered 2xx. */
  remove(path: string, body?: unknown): Promise<void>;
}

export function apiClient(credentials: Credentials, fetchImpl: Fetch = browserFetch): ApiClient {
  return {
    async get<T>(path: string, options: { signal?: AbortSignal } = {}): Promise<T> {
      const headers = await authHeaders(credentials);
      return request<T>(fetchImpl, path, { headers, signal: options.signal });
    },
    async send<T>(method: SendMethod, path: string, body: unknown): Promise<T> {
      const headers = { ...(await authHeaders(credentials)), 'content-type': 'application/json' };
      return request<T>(fetchImpl, path, { method, headers, body: JSON.stringify(body) });
    },
    async getText(path: string): Promise<string> {
      const headers = await authHeaders(credentials);
      return request<string>(fetchImpl, path, { headers, accept: '*/*', text: true });
    },
    async remove(path: string, body?: unknown): Promise<void> {
      const headers = { ...(await authHeaders(credentials)), ...(body === undefined ? {} : { 'content-type': 'application/json' }) };
      await request<unknown>(fetchImpl, path, {
        method: 'DELETE',
        headers,
        empty: true,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    },
  };
}

async function authHeaders(credentials: Credentials): Promise<Record<string, string>> {
  if (credentials.kind === 'local') {
    return { 'x-local-tenant-id': credentials.tenantId, 'x-local-user-id': credentials.userId };
  }
  try {
    return { authorization: `Bearer ${await credentials.getToken()}` };
  } catch (error) {
    throw new ApiFailure(0, `Teams could not sign you in (${messageOf(error)}).`, 'sign_in_failed');
  }
}

interface RequestOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  signal?: AbortSignal | undefined;
  /** The answer has no body (204). */
  empty?: boolean;
  /** The answer is a file, read as text rather than parsed. */
  text?: boolean;
  accept?: string;
}

async function request<T>(fetchImpl: Fetch, path: string, options: RequestOptions): Promise<T> {
  const init: RequestInit = {
    method: options.method ?? 'GET',
    headers: { accept: options.accept ?? 'application/json', ...options.headers },
  };
  if (options.body !== undefined) init.body = options.body;
  if (options.signal) init.signal = options.signal;
  let response: Response;
  try {
    response = await fetchImpl(path, init);
  } catch (error) {
    // An abort is the caller's own decision, not a failure to report.
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiFailure(0, 'The service could not be reached. Check your connection.', 'network');
  }
  if (!response.ok) throw await failureFrom(response);
  if (options.empty) return undefined as T;
  if (options.text) return (await response.text()) as T;
  try {
    return (await response.json()) as T;
  } catch {
    throw new ApiFailure(response.status, 'The service sent a response that is not JSON.', 'bad_response');
  }
}

/** Reads the service's problem document (RFC 9457); anything else (a proxy's HTML page, say) leaves only the status. */
async function failureFrom(response: Response): Promise<ApiFailure> {
  try {
    const problem = (await response.json()) as { detail?: unknown; code?: unknown; errors?: unknown };
    if (typeof problem.detail === 'string') {
      const code = typeof problem.code === 'string' ? problem.code : undefined;
      return new ApiFailure(response.status, problem.detail, code, fieldProblems(problem.errors));
    }
  } catch {
    // Not JSON at all: the status text is all we know.
  }
  return new ApiFailure(response.status, response.statusText || 'Unexpected response');
}

function fieldProblems(errors: unknown): FieldProblem[] {
  if (!Array.isArray(errors)) return [];
  return errors.filter(
    (e: unknown): e is FieldProblem =>
      typeof e === 'object' &&
      e !== null &&
      typeof (e as FieldProblem).field === 'string' &&
      typeof (e as FieldProblem).message === 'string',
  );
}

/** Demo identities exist only when the service runs in local mode; production answers 404. */
export async function fetchDemoIdentities(fetchImpl: Fetch = browserFetch): Promise<DemoIdentity[]> {
  const body = await request<{ identities?: DemoIdentity[] }>(fetchImpl, '/api/v1/local/identities', {});
  return body.identities ?? [];
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
