/** How the tab proves who it is: an SSO token inside Teams, a named demo identity locally. */
export type Credentials =
  | { kind: 'sso'; getToken: () => Promise<string> }
  | { kind: 'local'; tenantId: string; userId: string };

/** A failed API call, described so the page can say what failed. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ApiFailure';
  }
}

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

export function apiClient(credentials: Credentials, fetchImpl: Fetch = (i, init) => fetch(i, init)) {
  async function get<T>(path: string): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (credentials.kind === 'sso') headers.authorization = `Bearer ${await credentials.getToken()}`;
    else {
      headers['x-local-tenant-id'] = credentials.tenantId;
      headers['x-local-user-id'] = credentials.userId;
    }
    let response: Response;
    try {
      response = await fetchImpl(path, { headers });
    } catch {
      throw new ApiFailure(0, 'The service could not be reached. Check your connection.');
    }
    if (!response.ok) throw new ApiFailure(response.status, await errorMessage(response));
    return (await response.json()) as T;
  }
  return { get };
}

export type ApiClient = ReturnType<typeof apiClient>;

async function errorMessage(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { error?: { message?: unknown } };
    if (typeof body.error?.message === 'string') return body.error.message;
  } catch {
    // not JSON: fall through to the status text
  }
  return response.statusText || 'Unexpected response';
}

/** Demo identities exist only when the service runs in local mode. */
export async function fetchDemoIdentities<T>(fetchImpl: Fetch = (i, init) => fetch(i, init)): Promise<T[]> {
  const response = await fetchImpl('/api/v1/local/identities');
  if (!response.ok) throw new ApiFailure(response.status, await errorMessage(response));
  return ((await response.json()) as { identities: T[] }).identities;
}
