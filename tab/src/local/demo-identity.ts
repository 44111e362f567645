import type { DemoIdentity } from '../api/types.js';

export const DEMO_USER_KEY = 'learning-loop.demo-user';

/** Storage can be missing or throw (blocked cookies, sandboxed frames); the choice then lasts only for the visit. */
type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem'>;

/** `?user=` wins (links and tests name a person), then the last choice, then the first demo person. */
export function pickIdentity(
  identities: DemoIdentity[],
  wanted: { queryUser: string | null; storedUser: string | null },
): DemoIdentity | undefined {
  const byId = (id: string | null) => (id ? identities.find((i) => i.userId === id) : undefined);
  return byId(wanted.queryUser) ?? byId(wanted.storedUser) ?? identities[0];
}

export function readStoredUser(storage: Storage | undefined): string | null {
  try {
    return storage?.getItem(DEMO_USER_KEY) ?? null;
  } catch {
    return null;
  }
}

export function rememberUser(storage: Storage | undefined, userId: string): void {
  try {
    storage?.setItem(DEMO_USER_KEY, userId);
  } catch {
    // Nothing to do: the choice still applies until the page is closed.
  }
}

/** The same URL with `?user=` set, so a reload or a shared link keeps the chosen person. */
export function urlWithUser(href: string, userId: string): string {
  const url = new URL(href);
  url.searchParams.set('user', userId);
  return url.pathname + url.search + url.hash;
}

export function identityLabel(identity: DemoIdentity): string {
  return identity.role ? `${identity.displayName} (${identity.role})` : identity.displayName;
}
